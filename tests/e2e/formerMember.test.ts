import { personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** Someone no longer on the roster keeps their förhinder and input, named in the reader's language: never their AAD id. */
const now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const opts = (user: string, locale: string) => ({ user, locale, serviceUrl: bot.connector.url });
let ref = '';

beforeEach(async () => {
  bot = await startTestBot({}, { now: () => now });
  await bot.post(personalInstall(opts(USERS.processLeaderLgs, 'sv-SE')));
  const created = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' });
  ref = created.ref;
  // Stored while they were a member; they have left the group since (USERS.stranger is on no roster).
  const key = { org: 'goteborgsomradet', group: 'lgs', id: created.id };
  await bot.running.repos.meetingInputs.saveAnswer(key, { member: USERS.stranger, attendance: 'absent', at: now.toISOString() });
  await bot.running.repos.meetingInputs.saveInputs(key, [{ author: USERS.stranger, item: 'general', text: 'Inget att tillägga.', at: now.toISOString() }]);
});
afterEach(async () => bot.stop());

const briefLines = async (command: string, locale: string) => {
  bot.connector.clear();
  await bot.post(personalMessage(command, opts(USERS.processLeaderLgs, locale)));
  return cardTexts(bot.connector.cards()[0]).filter((l) => /tidigare ledamot|former member|Inget att tillägga/.test(l));
};

describe('a former member in the brief', () => {
  it('is "former member" to an English reader and "tidigare ledamot" to a Swedish one', async () => {
    expect(await briefLines(`brief ${ref}`, 'en-US')).toEqual(['former member: Inget att tillägga.', 'Absent with input: former member']);
    expect(await briefLines(`sammanställning ${ref}`, 'sv-SE')).toEqual(['tidigare ledamot: Inget att tillägga.', 'Förhinder med synpunkter: tidigare ledamot']);
  });

  it("is named in English in an English lead's meeting view", async () => {
    expect(await briefLines('meetings LGS', 'en-US')).toEqual(['Absent with input: former member']);
  });
});
