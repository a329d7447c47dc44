import { actionExecute, actionSubmit, personalInstall, USERS } from '../helpers/activities';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

// Issue 12, "kalla ersättare": in a group with deputies, förhinder tells the process leader to call the deputy.
const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
let meetingId = '';
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });
const absent = () => bot.post(actionExecute('absent', { org: 'goteborgsomradet', group: 'lgs', meetingId }, opts(USERS.memberRegion)));
/** Texts sent to one person's personal chat. */
const textsTo = (user: string) =>
  bot.connector.sent.filter((s) => s.conversationId === `a:personal-${user}` && s.activity.type === 'message' && s.activity.text).map((s) => s.activity.text);

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
  for (const user of [USERS.processLeaderLgs, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
  meetingId = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' })).id;
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('förhinder in a group with deputies', () => {
  it('a group without deputies: nobody is told to call a deputy', async () => {
    expect((await absent()).status).toBe(200);
    expect(textsTo(USERS.processLeaderLgs)).toEqual([]);
    expect(textsTo(USERS.memberRegion)).toEqual([]);
  });

  it('the process leader is told to call the deputy, and the member that the process leader knows', async () => {
    await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', deputies: 'true' }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual(['Inställningarna för LGS är sparade.']);
    bot.connector.clear();
    expect((await absent()).status).toBe(200);
    expect(textsTo(USERS.processLeaderLgs)).toEqual(['Ledamot region (demo) har förhinder till LGS tis 8 dec. 2026 13:00; gruppen har ersättare – kalla ersättaren.']);
    expect(textsTo(USERS.memberRegion)).toEqual(['Processledaren har fått veta att du har förhinder. Gruppen har ersättare: kalla din ersättare så att hen kan komma.']);
    // The input card still comes to the member, and says to contact the deputy; nothing says that deputies do not exist.
    const all = JSON.stringify(bot.connector.sent);
    expect(all).toContain('Kontakta din ersättare');
    expect(all).not.toContain('ersättare inte utses');
  });
});
