import { actionExecute, actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting, meetingForm } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** Issue 13: a saved change whose channel card cannot be updated is re-posted, and the reply says what was saved and what was not. */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const CHANNEL = '19:lgs-card@thread.tacv2';
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const lead = () => opts(USERS.processLeaderLgs);
let meetingId = '';

const stored = async () => (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', meetingId))!;
const channelCards = () => bot.connector.sent.filter((s) => s.conversationId === CHANNEL && s.activity.attachments?.length);
const lastLines = (s: { activity: { attachments?: { content: Record<string, unknown> }[] } }) => cardTexts(s.activity.attachments![0].content);

/** The lead revises the meeting: moved to another place. */
async function revise(place: string, locale = 'sv-SE'): Promise<void> {
  const { version } = await stored();
  bot.connector.clear();
  await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'lgs', { meetingId, version, place }), opts(USERS.processLeaderLgs, locale)));
}

beforeEach(async () => {
  now = new Date('2026-11-22T10:00:00Z');
  bot = await startTestBot({}, { now: () => now });
  await bot.post(personalInstall(lead()));
  await bot.post(channelMessage('koppla LGS', { ...lead(), channelId: CHANNEL }));
});
afterEach(async () => bot.stop());

describe('the agenda card after a revision', () => {
  beforeEach(async () => {
    meetingId = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' })).id;
  });

  it('is updated in place, after one retry when the first update fails', async () => {
    const posted = (await stored()).meeting.posted!;
    bot.connector.scriptUpdates(CHANNEL, [502]);
    await revise('Rådhuset');
    expect(bot.connector.texts()).toEqual(['Dagordningen är reviderad: ny plats Rådhuset (var Teams-möte).']);
    expect(bot.connector.updateAttempts.map((a) => [a.activityId, a.status])).toEqual([
      [posted.activityId, 502],
      [posted.activityId, 200],
    ]);
    expect(channelCards()).toEqual([]);
  });

  it('is posted anew when it cannot be updated; the reply says so and the next revision updates the new card', async () => {
    const before = (await stored()).meeting.posted!;
    bot.connector.scriptUpdates(CHANNEL, [404, 404]);
    await revise('Rådhuset');
    expect(bot.connector.texts()).toEqual([
      'Dagordningen är reviderad: ny plats Rådhuset (var Teams-möte). Kortet i kanalen kunde inte uppdateras, så jag har postat det på nytt.',
    ]);
    const [reposted] = channelCards();
    expect(lastLines(reposted)).toEqual(expect.arrayContaining(['Plats: Rådhuset', 'Reviderad (version 2): ny plats Rådhuset (var Teams-möte).']));
    const after = (await stored()).meeting;
    expect([after.place, after.posted?.conversationId, after.posted?.activityId === before.activityId]).toEqual(['Rådhuset', CHANNEL, false]);
    await revise('Stadshuset');
    expect(bot.connector.updateAttempts.map((a) => [a.activityId, a.status])).toEqual([[after.posted?.activityId, 200]]);
    expect(bot.connector.texts()).toEqual(['Dagordningen är reviderad: ny plats Stadshuset (var Rådhuset).']);
  });

  it('says what was saved and how to see the agenda when it can be neither updated nor posted, in English too', async () => {
    bot.connector.scriptUpdates(CHANNEL, [404, 404, 404, 404]);
    bot.connector.script(CHANNEL, [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }]);
    await revise('Rådhuset');
    expect(bot.connector.texts()).toEqual([
      'Dagordningen är reviderad: ny plats Rådhuset (var Teams-möte). Kortet i kanalen kunde inte uppdateras och inte heller postas på nytt; visa det med **möten LGS**.',
    ]);
    expect((await stored()).meeting.place).toBe('Rådhuset');
    await revise('Stadshuset', 'en-US');
    expect(bot.connector.texts()).toEqual([
      'The agenda is revised: new place Stadshuset (was Rådhuset). The card in the channel could not be updated or posted again; show it with **meetings LGS**.',
    ]);
    expect((await stored()).meeting.place).toBe('Stadshuset');
  });
});

describe('a new meeting whose agenda cannot be posted', () => {
  it('is created, the reply says the agenda was not posted, and the next revision posts it', async () => {
    bot.connector.script(CHANNEL, [{ status: 500 }, { status: 500 }]);
    meetingId = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' })).id;
    expect(bot.connector.texts().slice(-1)).toEqual([
      'Mötet för LGS tis 8 dec. 2026 13:00 är skapat, men dagordningen kunde inte postas i kanalen. Den postas när mötet revideras; visa den med **möten LGS**.',
    ]);
    expect((await stored()).meeting.posted).toBeNull();
    await revise('Rådhuset');
    expect(bot.connector.texts()).toEqual(['Dagordningen är reviderad: ny plats Rådhuset (var Teams-möte). Dagordningen är nu postad i kanalen.']);
    expect(channelCards()).toHaveLength(1);
    expect((await stored()).meeting.posted?.conversationId).toBe(CHANNEL);
  });
});

describe('closing the meeting', () => {
  beforeEach(async () => {
    meetingId = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' })).id;
    now = new Date('2026-12-08T15:00:00Z');
  });

  async function close(): Promise<void> {
    await bot.post(personalMessage('avsluta LGS', lead()));
    const { version, meeting } = await stored();
    bot.connector.clear();
    await bot.post(
      actionSubmit({ verb: 'closeMeeting', org: 'goteborgsomradet', group: 'lgs', meetingId, version, [`summary_${meeting.agenda[0].id}`]: 'Noterat.' }, lead()),
    );
  }

  it('shows the meeting as held on the channel card, without answer buttons', async () => {
    const posted = (await stored()).meeting.posted!;
    await close();
    expect(bot.connector.texts()).toEqual(['Mötet är markerat som genomfört. 0 med förhinder får en sammanfattning.']);
    const [updated] = bot.connector.updated;
    expect([updated.conversationId, updated.replyToId]).toEqual([CHANNEL, posted.activityId]);
    expect(lastLines(updated)).toContain('Status: Genomfört');
    expect(updated.activity.attachments![0].content.actions ?? []).toEqual([]);
  });

  it('re-posts the held card when the update fails, and says so; the meeting is closed', async () => {
    bot.connector.scriptUpdates(CHANNEL, [404, 404]);
    await close();
    expect(bot.connector.texts()).toEqual([
      'Mötet är markerat som genomfört. 0 med förhinder får en sammanfattning. Kortet i kanalen kunde inte uppdateras, så jag har postat det på nytt.',
    ]);
    expect(lastLines(channelCards()[0])).toContain('Status: Genomfört');
    expect((await stored()).meeting.status).toBe('held');
  });
});

describe('an answer given on another card than the channel card', () => {
  beforeEach(async () => {
    meetingId = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' })).id;
    await bot.post(personalInstall(opts(USERS.memberKommun)));
  });
  const data = () => ({ org: 'goteborgsomradet', group: 'lgs', meetingId });

  it('updates the counts on the channel card', async () => {
    const posted = (await stored()).meeting.posted!;
    bot.connector.clear();
    await bot.post(actionExecute('attend', data(), opts(USERS.memberKommun)));
    const [updated] = bot.connector.updated;
    expect([updated.conversationId, updated.replyToId]).toEqual([CHANNEL, posted.activityId]);
    expect(lastLines(updated)).toContain('1 kommer · 0 har förhinder');
  });

  it('updates the counts on the channel card when written input notes förhinder for a member who had not answered', async () => {
    const { meeting } = await stored();
    const item = meeting.agenda[0].id;
    bot.connector.clear();
    await bot.post(
      actionSubmit({ verb: 'submitInput', org: 'goteborgsomradet', group: 'lgs', meetingId, [`input_${item}`]: 'Vi stöder förslaget.' }, opts(USERS.memberKommun)),
    );
    expect(bot.connector.texts()[0]).toMatch(/^Sparat: 1 synpunkt\. .* Du hade inte svarat på mötet, så jag har noterat förhinder för dig/);
    expect(bot.connector.updated.map((u) => [u.conversationId, u.replyToId])).toEqual([[CHANNEL, meeting.posted!.activityId]]);
    expect(lastLines(bot.connector.updated[0])).toContain('0 kommer · 1 har förhinder');
    // Input from someone who has already answered changes no count: the card is left alone.
    bot.connector.clear();
    await bot.post(
      actionSubmit({ verb: 'submitInput', org: 'goteborgsomradet', group: 'lgs', meetingId, [`input_${item}`]: 'Och en sak till.' }, opts(USERS.memberKommun)),
    );
    expect(bot.connector.updated).toEqual([]);
  });

  it('updates the counts on the channel card when Kalla ersättare notes förhinder for a member who had not answered', async () => {
    // LGS uses deputies, and the member's deputy is in the linked team.
    bot.connector.roster = [{ id: '29:deputy', aadObjectId: USERS.stranger, name: 'Ersättare Sahlgrenska (test)' }];
    await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', deputies: 'true' }, lead()));
    await bot.post(actionSubmit({ verb: 'setDeputy', org: 'goteborgsomradet', group: 'lgs', member: USERS.memberKommun, deputy: USERS.stranger }, lead()));
    const posted = (await stored()).meeting.posted!;
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'callDeputy', ...data() }, opts(USERS.memberKommun)));
    expect(bot.connector.texts().at(-1)).toMatch(/Jag har också noterat förhinder för dig\.$/);
    expect(bot.connector.updated.map((u) => [u.conversationId, u.replyToId])).toEqual([[CHANNEL, posted.activityId]]);
    expect(lastLines(bot.connector.updated[0])).toContain('0 kommer · 1 har förhinder');
  });

  it('keeps the saved förhinder and gives the refreshed card when the input card cannot be sent to the personal chat', async () => {
    bot.connector.script(`a:personal-${USERS.memberKommun}`, [{ status: 500 }, { status: 500 }]);
    bot.connector.clear();
    const res = await bot.post(actionExecute('absent', data(), { ...opts(USERS.memberKommun), channelId: CHANNEL }));
    expect(res.status).toBe(200);
    expect(res.body).toContain('0 kommer · 1 har förhinder');
    expect(bot.connector.texts()).toEqual([]);
    const { answers } = await bot.running.repos.meetingInputs.load({ org: 'goteborgsomradet', group: 'lgs', id: meetingId });
    expect(answers.map((a) => [a.member, a.attendance])).toEqual([[USERS.memberKommun, 'absent']]);
  });
});

describe('minutes approved and published', () => {
  beforeEach(async () => {
    meetingId = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' })).id;
    await bot.post(personalInstall(opts(USERS.chairLgs)));
    now = new Date('2026-12-08T15:00:00Z');
    // The lead sends the minutes for justering; the chair gets them with Justera.
    await bot.post(personalMessage('minnesanteckningar LGS', lead()));
    const send = (bot.connector.cards().at(-1)!.actions as { title: string; data: Record<string, string> }[]).find((a) => a.title === 'Skicka för justering')!;
    bot.connector.clear();
    await bot.post(actionSubmit(send.data, lead()));
  });

  it('the channel card shows the approval, and a publication it could not update is re-posted', async () => {
    const toChair = bot.connector.sent.find((s) => s.conversationId === `a:personal-${USERS.chairLgs}`)!;
    const approve = (toChair.activity.attachments![0].content.actions as { title: string; data: Record<string, string> }[]).find((a) => a.title === 'Justera')!;
    bot.connector.clear();
    await bot.post(actionSubmit(approve.data, opts(USERS.chairLgs)));
    expect(bot.connector.texts().slice(-1)).toEqual(['Minnesanteckningarna för LGS är justerade och låsta.']);
    expect(lastLines(bot.connector.updated[0])).toContain('Status: Minnesanteckningar justerade');
    bot.connector.scriptUpdates(CHANNEL, [404, 404]);
    bot.connector.clear();
    await bot.post(personalMessage('publicera LGS https://www.vardsamverkan.se/lgs/2026-12-08', lead()));
    expect(bot.connector.texts()).toEqual([
      'Markerade som publicerade på https://www.vardsamverkan.se/lgs/2026-12-08. Kortet i kanalen kunde inte uppdateras, så jag har postat det på nytt.',
    ]);
    expect(lastLines(channelCards()[0])).toContain('Status: Publicerat');
  });
});
