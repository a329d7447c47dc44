import { actionExecute, actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** Once a meeting is closed with the attendance register, its cards count who was there, not who answered. */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const CHANNEL = '19:lgs-closed-counts@thread.tacv2';
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const lead = () => opts(USERS.processLeaderLgs);
let data = { org: 'goteborgsomradet', group: 'lgs', meetingId: '' };

beforeEach(async () => {
  now = new Date('2026-11-22T10:00:00Z');
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberKommun, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
  await bot.post(channelMessage('koppla LGS', { ...lead(), channelId: CHANNEL }));
  const created = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' });
  data = { org: 'goteborgsomradet', group: 'lgs', meetingId: created.id };
  // One says Jag kommer, one has förhinder, one does not answer but comes.
  await bot.post(actionExecute('attend', data, { ...opts(USERS.chairLgs), channelId: CHANNEL }));
  await bot.post(actionExecute('absent', data, { ...opts(USERS.memberRegion), channelId: CHANNEL }));
  now = new Date('2026-12-08T15:00:00Z');
  const { version, meeting } = (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', data.meetingId))!;
  bot.connector.clear();
  const present = [USERS.chairLgs, USERS.memberKommun].join(',');
  await bot.post(actionSubmit({ verb: 'closeMeeting', ...data, version, present, [`summary_${meeting.agenda[0].id}`]: 'Noterat.' }, lead()));
});
afterEach(async () => bot.stop());

describe('the counts on a meeting closed with the register', () => {
  it('the channel card shows "2 närvarande · 1 förhinder", not the answers', () => {
    const [updated] = bot.connector.updated;
    const lines = cardTexts(updated.activity.attachments![0].content);
    expect(lines.at(-1)).toBe('2 närvarande · 1 förhinder');
    expect(lines).not.toContain('1 kommer · 1 har förhinder');
  });

  it("the meeting view's Närvaro line shows the register too, in English as well", async () => {
    bot.connector.clear();
    await bot.post(personalMessage('möten LGS', lead()));
    await bot.post(personalMessage('meetings LGS', opts(USERS.processLeaderLgs, 'en-US')));
    const [sv, en] = bot.connector.cards();
    expect(cardTexts(sv).filter((l) => l.startsWith('Närvaro:'))).toEqual(['Närvaro: 2 närvarande · 1 förhinder']);
    expect(cardTexts(en).filter((l) => l.startsWith('Attendance:'))).toEqual(['Attendance: 2 present · 1 absent']);
  });
});
