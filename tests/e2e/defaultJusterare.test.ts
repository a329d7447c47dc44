import { actionSubmit, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** Issue 12 leftover: minutes sent for justering without anyone named go to the group's default justerare too. */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });
const lead = () => opts(USERS.processLeaderLgs);
const personal = (user: string) => `a:personal-${user}`;

beforeEach(async () => {
  now = new Date('2026-11-22T10:00:00Z');
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberKommun]) await bot.post(personalInstall(opts(user)));
  await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' });
  now = new Date('2026-12-08T15:00:00Z');
});
afterEach(async () => bot.stop());

/** The process leader opens the minutes and presses "Skicka för justering" (their card names no justerare). */
async function sendMinutes(): Promise<void> {
  bot.connector.clear();
  await bot.post(personalMessage('minnesanteckningar LGS', lead()));
  const draft = bot.connector.cards()[0];
  const send = (draft.actions as { title: string; data: Record<string, string> }[]).find((a) => a.title === 'Skicka för justering')!;
  expect(Object.keys(send.data)).not.toContain('justerare');
  bot.connector.clear();
  await bot.post(actionSubmit(send.data, lead()));
}

const minutesCardsTo = (user: string) =>
  bot.connector.sent.filter(
    (s) => s.conversationId === personal(user) && cardTexts(s.activity.attachments?.[0]?.content ?? { body: [] })[0]?.startsWith('Minnesanteckningar'),
  );

describe('the default justerare', () => {
  it('joins the chair when a process leader sends the minutes without naming anyone, and the reply says so', async () => {
    await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', justerare: USERS.memberKommun }, lead()));
    await sendMinutes();
    expect(bot.connector.texts()).toEqual(['Skickad för justering till Ordförande LGS (demo), Ledamot kommun (demo) (gruppens förvalda justerare).']);
    expect([minutesCardsTo(USERS.chairLgs).length, minutesCardsTo(USERS.memberKommun).length]).toEqual([1, 1]);
    const stored = await bot.running.repos.decisions.minutes(
      'goteborgsomradet',
      'lgs',
      (await bot.running.repos.groupState.groups('goteborgsomradet', ['lgs'])).get('lgs')!.meetings[0].id,
    );
    expect(stored?.minutes.justerare).toEqual([USERS.chairLgs, USERS.memberKommun]);
  });

  it('without a default, the minutes go to the chair as before', async () => {
    await sendMinutes();
    expect(bot.connector.texts()).toEqual(['Skickad för justering till Ordförande LGS (demo).']);
    expect(minutesCardsTo(USERS.memberKommun)).toEqual([]);
  });

  it('a justerare whose chat does not take the card, also when tried again, is named with what to do; the minutes are sent', async () => {
    await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', justerare: USERS.memberKommun }, lead()));
    bot.connector.script(personal(USERS.memberKommun), [{ status: 500 }, { status: 500 }]);
    await sendMinutes();
    expect(bot.connector.texts()).toEqual([
      'Skickad för justering till Ordförande LGS (demo), Ledamot kommun (demo) (gruppens förvalda justerare). Minnesanteckningarna är sparade som skickade, men kortet kunde inte levereras till Ledamot kommun (demo) just nu, inte heller när jag försökte igen. Be hen skriva "minnesanteckningar LGS 2026-12-08" i chatten med mig, eller öppna minnesanteckningarna och skicka dem igen om en stund.',
    ]);
    expect(bot.connector.attempts.filter((a) => a.conversationId === personal(USERS.memberKommun)).map((a) => a.status)).toEqual([500, 500]);
    const meetingId = (await bot.running.repos.groupState.groups('goteborgsomradet', ['lgs'])).get('lgs')!.meetings[0].id;
    expect((await bot.running.repos.decisions.minutes('goteborgsomradet', 'lgs', meetingId))?.minutes.status).toBe('sent');
  });

  it('a send that fails once is tried again and reaches the justerare', async () => {
    bot.connector.script(personal(USERS.chairLgs), [{ status: 502 }]);
    await sendMinutes();
    expect(bot.connector.texts()).toEqual(['Skickad för justering till Ordförande LGS (demo).']);
    expect(minutesCardsTo(USERS.chairLgs)).toHaveLength(1);
  });
});
