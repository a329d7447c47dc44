import { actionExecute, actionSubmit, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting, meetingForm } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * What a card submits is checked field by field on the server (Teams clients can be bypassed),
 * a refusal names the field, and what is accepted fits in Azure Tables (issue 9).
 */
let bot: TestBot;
let now = new Date('2026-11-22T10:00:00Z');
const LGS = { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' };
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const personal = (user: string) => `a:personal-${user}`;
const cardsIn = (conversation: string) =>
  bot.connector.sent.filter((s) => s.conversationId === conversation).flatMap((s) => (s.activity.attachments ?? []).map((a) => a.content));
const meetingsOfLgs = async () => (await bot.running.repos.groupState.groups('goteborgsomradet', ['lgs'])).get('lgs')!.meetings;
/** Text of exactly `n` characters, with quotes and line breaks (which JSON stores as two characters each). */
const longText = (n: number, word = 'Beslut "ja".\n') => word.repeat(Math.ceil(n / word.length)).slice(0, n);

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
});
afterAll(async () => bot.stop());
beforeEach(() => {
  now = new Date('2026-11-22T10:00:00Z');
  bot.connector.clear();
});

async function formKey(): Promise<string> {
  const before = bot.connector.sent.length;
  await bot.post(personalMessage('möte LGS', opts(USERS.processLeaderLgs)));
  const card = bot.connector.sent.slice(before)[0].activity.attachments![0].content as { actions: { data: { formKey: string } }[] };
  return card.actions[0].data.formKey;
}

describe('the meeting form is checked field by field', () => {
  it('refuses infinite, out-of-range and non-numeric numbers, script links, dates outside 2000–2100 and too long text, naming the field', async () => {
    const key = await formKey();
    const bad: Record<string, unknown>[] = [
      { minutes_0: 'Infinity' },
      { minutes_1: '-5' },
      { cutoffHours: 'NaN' },
      { doc_0: 'javascript:alert(1)' },
      { doc_1: 'data:text/html,<script>alert(1)</script>' },
      { date: '1999-12-31' },
      { date: '2101-01-01' },
      { title_0: 'x'.repeat(201) },
      { kind_1: 'hemlig' },
      { place: '   ' },
    ];
    const before = await meetingsOfLgs();
    bot.connector.clear();
    for (const over of bad) await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'lgs', { formKey: key, ...over }), opts(USERS.processLeaderLgs)));
    await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'lgs', { formKey: key, minutes_0: 'Infinity' }), opts(USERS.processLeaderLgs, 'en-US')));
    await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'lgs', { formKey: key, title_8: 'En nionde punkt' }), opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Fältet "Minuter, punkt 1" ska vara ett heltal från 0 till 480. Inget sparades.',
      'Fältet "Minuter, punkt 2" ska vara ett heltal från 0 till 480. Inget sparades.',
      'Fältet "Synpunkter senast (timmar före mötet)" ska vara ett heltal från 0 till 168. Inget sparades.',
      'Fältet "Dokumentlänk (valfri), punkt 1" ska vara en länk som börjar med https:// eller http:// (högst 500 tecken). Inget sparades.',
      'Fältet "Dokumentlänk (valfri), punkt 2" ska vara en länk som börjar med https:// eller http:// (högst 500 tecken). Inget sparades.',
      'Fältet "Datum" ska vara ett datum mellan 2000-01-01 och 2100-12-31. Inget sparades.',
      'Fältet "Datum" ska vara ett datum mellan 2000-01-01 och 2100-12-31. Inget sparades.',
      'Fältet "Rubrik, punkt 1" får ha högst 200 tecken (det har 201). Inget sparades.',
      'Fältet "Typ, punkt 2" ska vara ett av alternativen (information, diskussion, beslut). Inget sparades.',
      'Fältet "Plats eller Teams-länk" behöver fyllas i. Inget sparades.',
      'The field "Minutes, item 1" must be a whole number from 0 to 480. Nothing was saved.',
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    ]);
    expect(await meetingsOfLgs()).toEqual(before);
    // The form was not used up by the refusals: the corrected submission creates the meeting.
    bot.connector.clear();
    await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'lgs', { formKey: key }), opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Mötet för LGS tis 8 dec. 2026 13:00 är skapat. Gruppen har ingen kopplad kanal, så dagordningen visas här – koppla en kanal med **koppla** för att publicera den där.',
    ]);
  });

  it("a form never shown, or shown for another group, creates nothing; the id is the server's, whatever the card says", async () => {
    const before = await meetingsOfLgs();
    await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'lgs', { formKey: 'a'.repeat(24) }), opts(USERS.processLeaderLgs)));
    await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'lgs', {}), opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Formuläret känns inte igen för den här gruppen. Öppna ett nytt med **möte \\<grupp\\>**. Inget sparades.',
      'Formuläret känns inte igen för den här gruppen. Öppna ett nytt med **möte \\<grupp\\>**. Inget sparades.',
    ]);
    expect(await meetingsOfLgs()).toEqual(before);
    const created = await createMeeting(bot, USERS.processLeaderLgs, LGS, { newId: 'valt-av-klienten', id: 'valt-av-klienten' });
    expect(created.id).toMatch(/^2026-12-08-[0-9a-f]{8}$/);
  });

  it('a form submitted three times at once (double click, replay) creates one meeting', async () => {
    const key = await formKey();
    const before = (await meetingsOfLgs()).length;
    bot.connector.clear();
    const form = meetingForm('goteborgsomradet', 'lgs', { formKey: key });
    await Promise.all([1, 2, 3].map(() => bot.post(actionSubmit(form, opts(USERS.processLeaderLgs)))));
    expect(bot.connector.texts().sort()).toEqual([
      'Mötet för LGS tis 8 dec. 2026 13:00 är skapat. Gruppen har ingen kopplad kanal, så dagordningen visas här – koppla en kanal med **koppla** för att publicera den där.',
      'Mötet är redan skapat från det här formuläret, så inget nytt skapades. Skriv **möten** för att se det.',
      'Mötet är redan skapat från det här formuläret, så inget nytt skapades. Skriv **möten** för att se det.',
    ]);
    expect((await meetingsOfLgs()).length).toBe(before + 1);
  });

  it('input and summaries over 4,000 characters are refused with the item named, and nothing is saved', async () => {
    const m = await createMeeting(bot, USERS.processLeaderLgs, LGS);
    const [org, group, meetingId] = m.ref.split('/');
    await bot.post(actionExecute('absent', { org, group, meetingId }, opts(USERS.memberRegion)));
    bot.connector.clear();
    await bot.post(
      actionSubmit(
        { verb: 'submitInput', org, group, meetingId, [`input_${m.itemIds[0]}`]: 'Kort', [`input_${m.itemIds[1]}`]: 'x'.repeat(4001) },
        opts(USERS.memberRegion),
      ),
    );
    await bot.post(actionSubmit({ verb: 'submitInput', org, group, meetingId, input_general: 'x'.repeat(4001) }, opts(USERS.memberRegion, 'en-US')));
    now = new Date('2026-12-08T15:00:00Z');
    const version = (await bot.running.repos.groupState.meeting(org, group, meetingId))!.version;
    await bot.post(
      actionSubmit(
        { verb: 'closeMeeting', org, group, meetingId, version, [`summary_${m.itemIds[0]}`]: 'Noterades.', [`summary_${m.itemIds[1]}`]: 'x'.repeat(4001) },
        opts(USERS.processLeaderLgs),
      ),
    );
    expect(bot.connector.texts()).toEqual([
      'Fältet "Synpunkt, punkt 2" får ha högst 4000 tecken (det har 4001). Inget sparades.',
      'The field "General comments" may have at most 4000 characters (it has 4001). Nothing was saved.',
      'Fältet "Sammanfattning, punkt 2" får ha högst 4000 tecken (det har 4001). Inget sparades.',
    ]);
    expect((await bot.running.repos.meetingInputs.load({ org: org, group: group, id: meetingId })).inputs).toEqual([]);
    expect((await bot.running.repos.groupState.meeting(org, group, meetingId))!.meeting.status).toBe('planned');
  });
});

describe('Azure Tables limits', () => {
  it('a meeting with eight items, every field and input at its limit, closed with eight 4,000-character summaries, is kept whole', async () => {
    const full = Object.fromEntries(
      Array.from({ length: 8 }, (_, i): [string, string][] => [
        [`title_${i}`, `${i + 1}`.padEnd(200, 'T')],
        [`presenter_${i}`, 'P'.repeat(100)],
        [`minutes_${i}`, '480'],
        [`doc_${i}`, `https://example.se/${'d'.repeat(481)}`],
        [`source_${i}`, 'S'.repeat(200)],
      ]).flat(),
    );
    const m = await createMeeting(bot, USERS.processLeaderLgs, LGS, { place: 'R'.repeat(300), ...full }, 8);
    const [org, group, meetingId] = m.ref.split('/');
    await bot.post(actionExecute('absent', { org, group, meetingId }, opts(USERS.memberRegion)));
    bot.connector.clear();
    const inputs = Object.fromEntries([...m.itemIds, 'general'].map((id, i) => [`input_${id}`, `${i}`.padEnd(4000, 'å')]));
    await bot.post(actionSubmit({ verb: 'submitInput', org, group, meetingId, ...inputs }, opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual(['Sparat: 9 synpunkter. Du kan ändra fram till mån 7 dec. 2026 13:00.']);
    await bot.post(personalMessage(`sammanställning ${m.ref}`, opts(USERS.chairLgs)));
    // More than one Teams message holds (about 28 KB): the brief comes in parts, each within the limit, nothing left out.
    const parts = cardsIn(personal(USERS.chairLgs));
    expect(parts.map((c) => cardTexts(c)[0])).toEqual(parts.map((_, i) => `Sammanställning inför mötet – LGS (${i + 1}/${parts.length})`));
    expect(parts.length).toBeGreaterThan(1);
    for (const c of parts) expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThanOrEqual(24_000);
    const brief = parts.flatMap(cardTexts);
    expect(brief.filter((t) => t.startsWith('Ledamot region (demo): ')).map((t) => t.length)).toEqual(Array(9).fill('Ledamot region (demo): '.length + 4000));

    now = new Date('2026-12-08T15:00:00Z');
    const version = (await bot.running.repos.groupState.meeting(org, group, meetingId))!.version;
    const summaries = Object.fromEntries(m.itemIds.map((id) => [`summary_${id}`, longText(4000)]));
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'closeMeeting', org, group, meetingId, version, ...summaries }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual(['Mötet är markerat som genomfört. 1 med förhinder får en sammanfattning.']);
    const stored = (await bot.running.repos.groupState.meeting(org, group, meetingId))!.meeting;
    expect(Object.values(stored.summaries)).toEqual(Array(8).fill(longText(4000)));
    expect(stored.place).toBe('R'.repeat(300));
    // The group, the groups list and the sweep still read it; the absent member gets every summary.
    bot.connector.clear();
    await bot.post(personalMessage('möten LGS', opts(USERS.chairLgs)));
    expect(cardTexts(bot.connector.cards()[0]).slice(0, 1)).toEqual(['Dagordning – LGS · tis 8 dec. 2026']);
    await bot.running.scheduler.runOnce();
    const [catchUp] = cardsIn(personal(USERS.memberRegion)).filter((c) => cardTexts(c)[0] === 'Det här hände på mötet – LGS');
    expect(cardTexts(catchUp).filter((t) => t === longText(4000))).toHaveLength(8);
  });
});

describe('input history', () => {
  it('three saves by the same person in the same millisecond keep all three versions', async () => {
    const m = await createMeeting(bot, USERS.processLeaderLgs, LGS);
    const [org, group, meetingId] = m.ref.split('/');
    await bot.post(actionExecute('absent', { org, group, meetingId }, opts(USERS.memberRegion)));
    const texts = ['Första versionen.', 'Andra versionen.', 'Tredje versionen.'];
    await Promise.all(
      texts.map((text) => bot.post(actionSubmit({ verb: 'submitInput', org, group, meetingId, [`input_${m.itemIds[0]}`]: text }, opts(USERS.memberRegion)))),
    );
    const history = await bot.running.repos.meetingInputs.history({ org: org, group: group, id: meetingId }, USERS.memberRegion);
    expect(history.map((h) => h.text).sort()).toEqual([...texts].sort());
    expect(new Set(history.map((h) => h.at)).size).toBe(1);
  });
});
