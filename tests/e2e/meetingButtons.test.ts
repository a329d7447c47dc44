import { actionExecute, actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** Every step has a button where the person is: the agenda card and `möten` carry the next step. */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const CHANNEL = '19:lgs-buttons@thread.tacv2';
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });
const titles = (c: Record<string, unknown>) => cardActions(c).map(([title]) => title);
let ref = '';
let meetingId = '';

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberKommun, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
  await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs), channelId: CHANNEL }));
  const created = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' });
  ref = created.ref;
  meetingId = created.id;
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('the new-meeting form', () => {
  it('starts with three item rows and a "Lägg till punkt" action', async () => {
    await bot.post(personalMessage('möte LGS', opts(USERS.processLeaderLgs)));
    const body = (bot.connector.cards()[0].body ?? []) as { id?: string; isVisible?: boolean; actions?: { title: string }[] }[];
    expect(body.filter((e) => e.id?.startsWith('row_') && e.isVisible === true)).toHaveLength(3);
    expect(body.filter((e) => e.id?.startsWith('add_') && e.isVisible === true).map((e) => e.actions?.[0]?.title)).toEqual(['Lägg till punkt']);
  });
});

describe('buttons where the person is', () => {
  it("the agenda card and a member's meeting view carry Jag kommer, Förhinder and Synpunkter, the input deadline and their own answer", async () => {
    const posted = (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', meetingId))!;
    expect(posted.meeting.posted).not.toBeNull();
    const refreshed = await bot.post(actionExecute('absent', { org: 'goteborgsomradet', group: 'lgs', meetingId }, { ...opts(USERS.memberRegion), channelId: CHANNEL }));
    const card = (JSON.parse(refreshed.body) as { value: Record<string, unknown> }).value;
    expect(cardTexts(card)).toContain('Synpunkter senast: mån 7 dec. 2026 13:00');
    expect(titles(card)).toEqual(['Jag kommer', 'Förhinder', 'Synpunkter']);
    bot.connector.clear();
    await bot.post(personalMessage('möten LGS', opts(USERS.memberRegion)));
    const [view] = bot.connector.cards();
    expect(cardTexts(view)).toEqual(expect.arrayContaining(['Synpunkter senast: mån 7 dec. 2026 13:00', 'Ditt svar: Förhinder']));
    expect(titles(view)).toEqual(['Jag kommer', 'Förhinder', 'Synpunkter']);
  });

  it('shows leads who has not answered', async () => {
    await bot.post(personalMessage('möten LGS', opts(USERS.processLeaderLgs)));
    expect(cardTexts(bot.connector.cards()[0])).toContain('Har inte svarat: Ledamot kommun (demo), Ordförande LGS (demo)');
  });

  it('offers the process leader, who is not a ledamot of LGS, no member buttons; a press on the channel card is refused and changes nothing', async () => {
    await bot.post(personalMessage('möten LGS', opts(USERS.processLeaderLgs)));
    const [view] = bot.connector.cards();
    expect(titles(view)).toEqual(['Revidera', 'Sammanställning', 'Avsluta möte', 'Registrera beslut']);
    expect(cardTexts(view).filter((l) => l.startsWith('Ditt svar'))).toEqual([]);
    bot.connector.clear();
    const data = { org: 'goteborgsomradet', group: 'lgs', meetingId };
    const sv = await bot.post(actionExecute('absent', data, { ...opts(USERS.processLeaderLgs), channelId: CHANNEL }));
    const en = await bot.post(actionExecute('attend', data, { ...opts(USERS.processLeaderLgs), locale: 'en-US', channelId: CHANNEL }));
    const message = (r: { body: string }) => (JSON.parse(r.body) as { value: unknown }).value;
    expect([message(sv), message(en)]).toEqual([
      'Bara ledamöter i LGS svarar på mötet. Inget sparades.',
      'Only members of LGS answer for the meeting. Nothing was saved.',
    ]);
    const answers = (await bot.running.repos.meetingInputs.load({ org: 'goteborgsomradet', group: 'lgs', id: meetingId })).answers;
    expect(answers.filter((a) => a.member === USERS.processLeaderLgs)).toEqual([]);
  });

  it('gives leads the minutes once the meeting is held, and Publicera sends the typed address with the command', async () => {
    now = new Date('2026-12-08T14:00:00Z');
    const { version } = (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', meetingId))!;
    const item = (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', meetingId))!.meeting.agenda[0].id;
    await bot.post(
      actionSubmit({ verb: 'closeMeeting', org: 'goteborgsomradet', group: 'lgs', meetingId, version, [`summary_${item}`]: 'Noterades.' }, opts(USERS.processLeaderLgs)),
    );
    bot.connector.clear();
    await bot.post(personalMessage('möten LGS', opts(USERS.processLeaderLgs)));
    expect(titles(bot.connector.cards()[0])).toEqual(['Sammanställning', 'Registrera beslut', 'Minnesanteckningar']);
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'command', command: `publicera ${ref}`, url: 'https://example.se/protokoll.pdf' }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual(['Bara justerade minnesanteckningar kan publiceras. Inget ändrades.']);
  });
});
