import { actionExecute, actionSubmit, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { decisionForm } from '../helpers/decisionForm';

/** Replies that say what happened: nothing recorded for a meeting that has not met, placeholders shown as typed. */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });
const lead = () => opts(USERS.processLeaderLgs);
let meetingId = '';
let itemId = '';

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberKommun]) await bot.post(personalInstall(opts(user)));
  const created = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' });
  meetingId = created.id;
  itemId = created.itemIds[0] ?? '';
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('nothing is recorded for a meeting that has not started', () => {
  it('refuses the decision form and the minutes before the meeting, and points to ordförandebeslut', async () => {
    await bot.post(personalMessage('registrera LGS 8 dec', lead()));
    await bot.post(personalMessage(`minnesanteckningar goteborgsomradet/lgs/${meetingId}`, lead()));
    expect(bot.connector.texts()).toEqual([
      'Mötet har inte börjat ännu, så inga beslut kan registreras för det. Mellan möten beslutar ordföranden: skriv **ordförandebeslut LGS**. Inget sparades.',
      'Mötet har inte börjat ännu, så det finns inga minnesanteckningar att skriva. De kan skrivas när mötet har börjat.',
    ]);
    expect(await bot.running.repos.decisions.minutes('goteborgsomradet', 'lgs', meetingId)).toBeNull();
  });

  it('refuses a decision form for the meeting submitted before it starts (nothing written)', async () => {
    const form = decisionForm(meetingId, itemId, { forankring: '' });
    await bot.post(actionSubmit(form, lead()));
    expect(bot.connector.texts()).toEqual([
      'Mötet har inte börjat ännu, så inga beslut kan registreras för det. Mellan möten beslutar ordföranden: skriv **ordförandebeslut LGS**. Inget sparades.',
    ]);
    expect(await bot.running.repos.decisions.list('goteborgsomradet', 'lgs')).toEqual([]);
  });

  it('opens the decision form once the meeting has started', async () => {
    now = new Date('2026-12-08T12:30:00Z');
    await bot.post(personalMessage('registrera LGS', lead()));
    expect(bot.connector.texts()).toEqual([]);
    expect(bot.connector.cards()).toHaveLength(1);
    now = new Date('2026-11-22T10:00:00Z');
  });
});

describe('empty submissions', () => {
  it('refuses to close a meeting with no summary at all, and keeps it open', async () => {
    now = new Date('2026-12-08T14:00:00Z');
    const { version } = (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', meetingId))!;
    await bot.post(actionSubmit({ verb: 'closeMeeting', org: 'goteborgsomradet', group: 'lgs', meetingId, version, [`summary_${itemId}`]: '   ' }, lead()));
    expect(bot.connector.texts()).toEqual(['Skriv en sammanfattning för minst en punkt innan du avslutar mötet. Inget sparades.']);
    expect((await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', meetingId))!.meeting.status).toBe('planned');
    now = new Date('2026-11-22T10:00:00Z');
  });
});

describe('usage hints', () => {
  it('keeps the placeholders visible instead of letting Teams read them as markup', async () => {
    await bot.post(personalMessage('återkalla', lead()));
    await bot.post(personalMessage('rätta', lead()));
    expect(bot.connector.texts()).toEqual(['Skriv: återkalla \\<grupp\\> \\<år:nr\\> \\<skäl\\>', 'Skriv: rätta \\<grupp\\> \\<år:nr\\>']);
  });
});

describe('written input from a member who did not press Förhinder', () => {
  const input = (text: string) => ({ verb: 'submitInput', org: 'goteborgsomradet', group: 'lgs', meetingId, [`input_${itemId}`]: text });

  it('never claims förhinder on the card; writing input notes förhinder and says so, and the input reaches the brief', async () => {
    await bot.post(personalMessage(`synpunkter goteborgsomradet/lgs/${meetingId}`, opts(USERS.memberKommun)));
    expect(cardTexts(bot.connector.cards()[0]).join(' ')).not.toContain('Du har anmält förhinder');
    bot.connector.clear();
    await bot.post(actionSubmit(input('Vi stöder förslaget.'), opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual([
      'Sparat: 1 synpunkt. Du kan ändra fram till mån 7 dec. 2026 13:00. Du hade inte svarat på mötet, så jag har noterat förhinder för dig: synpunkter i förväg är för den som inte kan komma, och de går nu till ordföranden. Tryck Jag kommer på dagordningen om du ändå kommer.',
    ]);
    bot.connector.clear();
    await bot.post(personalMessage(`sammanställning goteborgsomradet/lgs/${meetingId}`, lead()));
    expect(cardTexts(bot.connector.cards()[0])).toContain('Ledamot kommun (demo): Vi stöder förslaget.');
  });

  it('tells a member who said they are coming that the input stays out of the brief', async () => {
    await bot.post(actionExecute('attend', { org: 'goteborgsomradet', group: 'lgs', meetingId }, opts(USERS.chairLgs)));
    bot.connector.clear();
    await bot.post(actionSubmit(input('Jag tar upp det på mötet.'), opts(USERS.chairLgs)));
    expect(bot.connector.texts()).toEqual([
      'Sparat: 1 synpunkt. Du kan ändra fram till mån 7 dec. 2026 13:00. Du har svarat att du kommer, så synpunkterna visas inte i ordförandens sammanställning: ta upp dem på mötet, eller tryck Förhinder om du inte kan komma.',
    ]);
  });
});
