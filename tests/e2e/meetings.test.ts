import { actionExecute, actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** A clock the test moves: from 22 November to the meeting on 8 December 2026 and after. */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const CHANNEL = '19:lgs-meetings@thread.tacv2';
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const cardsTo = (conversation: string, title: string) =>
  bot.connector.sent.filter((s) => s.conversationId === conversation && cardTexts(s.activity.attachments?.[0]?.content ?? { body: [] })[0] === title);
const personal = (user: string) => `a:personal-${user}`;

/** Each test starts its own bot on fresh tables, on 22 November, with the channel linked, and builds the meeting state it needs. */
beforeEach(async () => {
  now = new Date('2026-11-22T10:00:00Z');
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberKommun, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
  await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs), channelId: CHANNEL }));
  bot.connector.clear();
});
afterEach(async () => bot.stop());

const form = {
  verb: 'saveMeeting',
  org: 'goteborgsomradet',
  group: 'lgs',
  meetingId: '',
  version: '',
  date: '2026-12-08',
  time: '13:00',
  place: 'Teams-möte',
  cutoffHours: '24',
  title_0: 'Årsrapport 2026',
  kind_0: 'beslut',
  presenter_0: 'Processledare LGS',
  minutes_0: '20',
  doc_0: 'https://example.se/arsrapport.pdf',
  title_1: 'Information från NOSAM',
  kind_1: 'information',
  presenter_1: 'Ordförande',
  minutes_1: '10',
};

const { verb: _verb, org: _org, group: _group, ...formFields } = form;

/** The steps of the story, each building on the ones before; a test runs the ones it needs. */
const steps = {
  /** The process leader creates the LGS meeting of 8 December with the two items above. */
  async create(): Promise<{ ref: string; itemIds: string[]; data: { org: string; group: string; meetingId: string } }> {
    const made = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }, formFields);
    return { ref: made.ref, itemIds: made.itemIds, data: { org: 'goteborgsomradet', group: 'lgs', meetingId: made.id } };
  },
  /** Both members have förhinder; the chair comes. */
  async answer(data: { org: string; group: string; meetingId: string }) {
    await bot.post(actionExecute('absent', data, { ...opts(USERS.memberKommun), channelId: CHANNEL }));
    await bot.post(actionExecute('absent', data, { ...opts(USERS.memberRegion), channelId: CHANNEL }));
    await bot.post(actionExecute('attend', data, { ...opts(USERS.chairLgs), channelId: CHANNEL }));
  },
  /** The kommun member writes input on both items (the region member writes none). */
  async writeInput(data: { org: string; group: string; meetingId: string }, itemIds: string[]) {
    await bot.post(
      actionSubmit(
        {
          verb: 'submitInput',
          ...data,
          [`input_${itemIds[0]}`]: 'Kommunen stöder förslaget till årsrapport.',
          [`input_${itemIds[1]}`]: 'Lyft gärna frågan om hemsjukvård.',
          input_general: '',
        },
        opts(USERS.memberKommun),
      ),
    );
  },
  /** The process leader withdraws item 2. */
  async withdrawSecond(meetingId: string) {
    const found = await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', meetingId);
    const revision = { ...form, meetingId: found!.meeting.id, version: found!.version, withdrawn_1: 'true' };
    await bot.post(actionSubmit(revision, opts(USERS.processLeaderLgs)));
    return revision;
  },
  /** After the meeting the process leader closes it with a summary of item 1. */
  async close(ref: string, data: { org: string; group: string; meetingId: string }, itemIds: string[]) {
    now = new Date('2026-12-08T15:00:00Z');
    const before = bot.connector.sent.length;
    await bot.post(personalMessage(`avsluta ${ref}`, opts(USERS.processLeaderLgs)));
    const closeCard = bot.connector.sent.slice(before).flatMap((s) => s.activity.attachments ?? [])[0].content as { actions: { data: { version: string } }[] };
    const version = closeCard.actions[0].data.version;
    await bot.post(
      actionSubmit({ verb: 'closeMeeting', ...data, version, [`summary_${itemIds[0]}`]: 'Årsrapporten fastställdes i enighet.' }, opts(USERS.processLeaderLgs)),
    );
  },
};

describe('a meeting from agenda to catch-up', () => {
  it('refuses a member who tries to create a meeting, and a meeting in the past', async () => {
    await bot.post(personalMessage('möte LGS', opts(USERS.memberRegion)));
    await bot.post(actionSubmit({ ...form, date: '2026-11-01' }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Bara processledaren eller ordföranden i LGS (eller en administratör) kan göra det. Inget ändrades.',
      'Mötestiden har redan passerat. Välj en tid framåt. Inget sparades.',
    ]);
  });

  it('tells an English-speaking lead where the agenda went and what comes next, in English', async () => {
    await bot.post(personalMessage('meeting LGS', opts(USERS.processLeaderLgs, 'en-US')));
    const formKey = (bot.connector.cards()[0].actions as { data: { formKey: string } }[])[0].data.formKey;
    bot.connector.clear();
    await bot.post(actionSubmit({ ...form, formKey }, opts(USERS.processLeaderLgs, 'en-US')));
    expect(bot.connector.texts()).toEqual([
      "The LGS meeting on Tue, 8 Dec 2026, 13:00 is created and the agenda posted in the group's channel. Members answer I'm attending or Can't attend on the card. The brief goes to the chair and process leader when input closes on Mon, 7 Dec 2026, 13:00; type **brief LGS** to see it sooner.",
    ]);
  });

  it('creates the meeting and posts the dagordning in the linked channel', async () => {
    await bot.post(personalMessage('möte LGS', opts(USERS.processLeaderLgs)));
    const formCard = bot.connector.cards()[0];
    expect(cardTexts(formCard)[0]).toBe('Nytt möte – LGS');
    const formKey = (formCard.actions as { data: { formKey: string } }[])[0].data.formKey;
    bot.connector.clear();
    await bot.post(actionSubmit({ ...form, formKey }, opts(USERS.processLeaderLgs)));
    await bot.post(actionSubmit({ ...form, formKey }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Mötet för LGS tis 8 dec. 2026 13:00 är skapat och dagordningen publicerad i gruppens kanal. Ledamöterna svarar Jag kommer eller Förhinder på kortet. Sammanställningen går till ordförande och processledare när synpunkterna stänger mån 7 dec. 2026 13:00; skriv **sammanställning LGS** för att se den tidigare.',
      'Mötet är redan skapat från det här formuläret, så inget nytt skapades. Skriv **möten** för att se det.',
    ]);
    expect(cardsTo(CHANNEL, 'Dagordning – LGS')).toHaveLength(1);
    const [posted] = cardsTo(CHANNEL, 'Dagordning – LGS');
    const texts = cardTexts(posted.activity.attachments![0].content);
    expect(texts).toEqual([
      'Dagordning – LGS',
      'Tid: tis 8 dec. 2026 13:00–13:30',
      'Plats: Teams-möte',
      'Synpunkter senast: mån 7 dec. 2026 13:00',
      'Status: Planerat',
      '**1. Årsrapport 2026**',
      'Beslut · föredragande Processledare LGS · 20 min · [arsrapport.pdf](https://example.se/arsrapport.pdf)',
      '**2. Information från NOSAM**',
      'Information · föredragande Ordförande · 10 min',
      '0 kommer · 0 har förhinder',
    ]);
    const record = (await bot.running.repos.groupState.groups('goteborgsomradet', ['lgs'])).get('lgs')!;
    expect(record.meetings).toHaveLength(1);
    expect(record.meetings[0].id.startsWith('2026-12-08-')).toBe(true);
    expect(record.meetings[0].agenda).toHaveLength(2);
  });

  it('shows the next meeting in the groups list', async () => {
    await steps.create();
    bot.connector.clear();
    await bot.post(personalMessage('grupper', opts(USERS.memberKommun)));
    const texts = cardTexts(bot.connector.cards()[0]);
    const lgs = texts.indexOf('**LGS** · Din grupp');
    expect(texts[lgs + 3]).toBe('Nästa möte: 8 dec. 2026 13:00 – Teams-möte');
  });

  it('lets members answer with one tap; förhinder brings a personal input card; non-members are refused', async () => {
    const { data } = await steps.create();
    bot.connector.clear();
    const absentA = await bot.post(actionExecute('absent', data, { ...opts(USERS.memberKommun), channelId: CHANNEL }));
    await bot.post(actionExecute('absent', data, { ...opts(USERS.memberRegion), channelId: CHANNEL }));
    const attend = await bot.post(actionExecute('attend', data, { ...opts(USERS.chairLgs), channelId: CHANNEL }));
    const stranger = await bot.post(actionExecute('absent', data, { ...opts(USERS.processLeaderNosam), channelId: CHANNEL }));
    expect((JSON.parse(absentA.body) as { statusCode: unknown }).statusCode).toBe(200);
    const refreshed = JSON.parse(attend.body) as { value: Record<string, unknown> };
    expect(cardTexts(refreshed.value).at(-1)).toBe('1 kommer · 2 har förhinder');
    expect((JSON.parse(stranger.body) as { value: unknown }).value).toBe('Bara ledamöter i LGS svarar på mötet. Inget sparades.');
    expect(cardsTo(personal(USERS.memberKommun), 'Synpunkter i förväg – LGS')).toHaveLength(1);
    expect(cardsTo(personal(USERS.memberRegion), 'Synpunkter i förväg – LGS')).toHaveLength(1);
    expect(cardsTo(personal(USERS.chairLgs), 'Synpunkter i förväg – LGS')).toHaveLength(0);
  });

  it('saves written input per item until the cut-off', async () => {
    const { data, itemIds } = await steps.create();
    await steps.answer(data);
    bot.connector.clear();
    await steps.writeInput(data, itemIds);
    await bot.post(actionSubmit({ verb: 'submitInput', ...data, input_okand: 'x' }, opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual([
      'Sparat: 2 synpunkter. Du kan ändra fram till mån 7 dec. 2026 13:00.',
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    ]);
  });

  it('revises the agenda: the posted card is updated in place and says what changed; a racing revision is refused', async () => {
    const { data } = await steps.create();
    bot.connector.clear();
    const revision = await steps.withdrawSecond(data.meetingId);
    await bot.post(actionSubmit({ ...revision, withdrawn_1: 'false', place: 'Regionens hus' }, opts(USERS.chairLgs)));
    expect(bot.connector.texts()).toEqual([
      'Dagordningen är reviderad: punkten "Information från NOSAM" utgår.',
      'Någon annan ändrade mötet medan du redigerade, så dina ändringar sparades inte. Öppna formuläret igen för att utgå från senaste versionen.',
    ]);
    expect(bot.connector.updated).toHaveLength(1);
    const texts = cardTexts(bot.connector.updated[0].activity.attachments![0].content);
    expect(texts).toContain('Reviderad (version 2): punkten "Information från NOSAM" utgår.');
    expect(texts).toContain('2. Information från NOSAM (utgår)');
    expect(bot.connector.updated[0].conversationId).toBe(CHANNEL);
  });

  it('reminds only the absent member without input, 72 hours before the cut-off', async () => {
    const { data, itemIds } = await steps.create();
    await steps.answer(data);
    await steps.writeInput(data, itemIds);
    bot.connector.clear();
    now = new Date('2026-12-04T13:00:00Z');
    await bot.running.scheduler.runOnce();
    expect(cardsTo(personal(USERS.memberRegion), 'Lämna synpunkter inför mötet – LGS')).toHaveLength(1);
    expect(cardsTo(personal(USERS.memberKommun), 'Lämna synpunkter inför mötet – LGS')).toHaveLength(0);
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    expect(cardsTo(personal(USERS.memberRegion), 'Lämna synpunkter inför mötet – LGS')).toHaveLength(0);
  });

  it('sends the compiled brief to the chair and the process leader at the cut-off, and closes input', async () => {
    const { data, itemIds } = await steps.create();
    await steps.answer(data);
    await steps.writeInput(data, itemIds);
    await steps.withdrawSecond(data.meetingId);
    bot.connector.clear();
    now = new Date('2026-12-07T12:30:00Z');
    await bot.running.scheduler.runOnce();
    const briefs = [personal(USERS.chairLgs), personal(USERS.processLeaderLgs)].map((c) => cardsTo(c, 'Sammanställning inför mötet – LGS'));
    expect(briefs.map((b) => b.length)).toEqual([1, 1]);
    expect(cardTexts(briefs[0][0].activity.attachments![0].content)).toEqual([
      'Sammanställning inför mötet – LGS',
      'tis 8 dec. 2026 13:00',
      '1 kommer, 2 har förhinder, 0 har inte svarat.',
      '**1. Årsrapport 2026**',
      // Names and input are shown as typed: markdown characters escaped (Teams shows "(demo)").
      'Ledamot kommun (demo): Kommunen stöder förslaget till årsrapport.',
      'Förhinder med synpunkter: Ledamot kommun (demo)',
      'Förhinder utan synpunkter: Ledamot region (demo)',
    ]);
    expect(cardsTo(personal(USERS.memberKommun), 'Sammanställning inför mötet – LGS')).toHaveLength(0);
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'submitInput', ...data, input_general: 'Sent påkommet' }, opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual(['Tiden för synpunkter gick ut mån 7 dec. 2026 13:00, så inget sparades. Kontakta processledaren direkt om det är viktigt.']);
  });

  it('after the meeting sends each absent member what happened on each item', async () => {
    const { ref, data, itemIds } = await steps.create();
    await steps.answer(data);
    await steps.writeInput(data, itemIds);
    await steps.withdrawSecond(data.meetingId);
    bot.connector.clear();
    await steps.close(ref, data, itemIds);
    expect(bot.connector.texts()).toEqual(['Mötet är markerat som genomfört. 2 med förhinder får en sammanfattning.']);
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    for (const user of [USERS.memberKommun, USERS.memberRegion]) {
      const [catchUp] = cardsTo(personal(user), 'Det här hände på mötet – LGS');
      expect(cardTexts(catchUp.activity.attachments![0].content)).toEqual([
        'Det här hände på mötet – LGS',
        'Du hade förhinder tis 8 dec. 2026 13:00. Så här blev det per punkt:',
        '**1. Årsrapport 2026**',
        'Årsrapporten fastställdes i enighet.',
        'Länk till minnesanteckningarna kommer när de är justerade och publicerade.',
      ]);
    }
    expect(cardsTo(personal(USERS.chairLgs), 'Det här hände på mötet – LGS')).toHaveLength(0);
  });

  it('lists the meeting with its status and attendance', async () => {
    const { ref, data, itemIds } = await steps.create();
    await steps.answer(data);
    await steps.close(ref, data, itemIds);
    bot.connector.clear();
    await bot.post(personalMessage('möten LGS', opts(USERS.memberKommun)));
    const texts = cardTexts(bot.connector.cards()[0]);
    expect(texts.slice(0, 5)).toEqual([
      'Dagordning – LGS · tis 8 dec. 2026',
      'Tid: tis 8 dec. 2026 13:00–13:30',
      'Plats: Teams-möte',
      'Status: Genomfört',
      // Closed with the register (as answered): who was there.
      'Närvaro: 1 närvarande · 2 förhinder',
    ]);
  });
});
