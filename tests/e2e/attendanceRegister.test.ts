import { actionExecute, actionSubmit, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** The attendance register: ticked at the close from the answers, shown in the minutes as "Närvarande" and "Förhinder". */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });
const lead = () => opts(USERS.processLeaderLgs);
let data = { org: 'goteborgsomradet', group: 'lgs', meetingId: '' };
let itemId = '';

interface ChoiceSet {
  id: string;
  type: string;
  label: string;
  isMultiSelect: boolean;
  value: string;
  choices: { title: string; value: string }[];
}
const findInput = (el: unknown, id: string): ChoiceSet | undefined => {
  if (Array.isArray(el)) return el.map((e) => findInput(e, id)).find((x) => x !== undefined);
  if (el === null || typeof el !== 'object') return undefined;
  const o = el as Record<string, unknown>;
  if (o.id === id) return o as unknown as ChoiceSet;
  return findInput(Object.values(o), id);
};

/** The close form shown to the lead (`avsluta LGS`), and its version. */
async function closeForm(): Promise<{ present: ChoiceSet; version: string }> {
  bot.connector.clear();
  await bot.post(personalMessage('avsluta LGS', lead()));
  const form = bot.connector.cards()[0];
  const version = (form.actions as { data: { version: string } }[])[0].data.version;
  return { present: findInput(form.body, 'present')!, version };
}

/** The "Närvarande" and "Förhinder" lines of the minutes card (`minnesanteckningar LGS`). */
async function minutesAttendance(): Promise<string[]> {
  bot.connector.clear();
  await bot.post(personalMessage('minnesanteckningar LGS', lead()));
  return cardTexts(bot.connector.cards()[0]).filter((l) => l.startsWith('Närvarande:') || l.startsWith('Förhinder:'));
}

beforeEach(async () => {
  now = new Date('2026-11-22T10:00:00Z');
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberKommun, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
  const created = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' });
  data = { org: 'goteborgsomradet', group: 'lgs', meetingId: created.id };
  itemId = created.itemIds[0] ?? '';
  // Two members come, one has förhinder.
  await bot.post(actionExecute('attend', data, opts(USERS.chairLgs)));
  await bot.post(actionExecute('attend', data, opts(USERS.memberKommun)));
  await bot.post(actionExecute('absent', data, opts(USERS.memberRegion)));
  now = new Date('2026-12-08T15:00:00Z');
});
afterEach(async () => bot.stop());

describe('the attendance register', () => {
  it('offers the roster with those who said Jag kommer ticked; closed without changes, the minutes show exactly them', async () => {
    const { present, version } = await closeForm();
    expect([present.type, present.label, present.isMultiSelect]).toEqual(['Input.ChoiceSet', 'Närvarande', true]);
    // The ledamöter only: the process leader convenes and is not on the register.
    expect(present.choices.map((c) => c.title)).toEqual(['Ledamot kommun (demo)', 'Ledamot region (demo)', 'Ordförande LGS (demo)']);
    expect(present.value).toBe([USERS.memberKommun, USERS.chairLgs].join(','));
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'closeMeeting', ...data, version, present: present.value, [`summary_${itemId}`]: 'Budgeten diskuterades.' }, lead()));
    expect(bot.connector.texts()).toEqual(['Mötet är markerat som genomfört. 1 med förhinder får en sammanfattning.']);
    expect(await minutesAttendance()).toEqual(['Närvarande: Ledamot kommun (demo), Ordförande LGS (demo)', 'Förhinder: Ledamot region (demo)']);
  });

  it('follows the lead: unticking one who said Jag kommer changes the minutes', async () => {
    const { version } = await closeForm();
    const present = [USERS.chairLgs].join(',');
    await bot.post(actionSubmit({ verb: 'closeMeeting', ...data, version, present, [`summary_${itemId}`]: 'Budgeten diskuterades.' }, lead()));
    expect(await minutesAttendance()).toEqual(['Närvarande: Ordförande LGS (demo)', 'Förhinder: Ledamot region (demo)']);
    // The form opened again shows the register as recorded.
    expect((await closeForm()).present.value).toBe(present);
  });

  it('moves one with förhinder who came after all to Närvarande', async () => {
    const { present, version } = await closeForm();
    await bot.post(
      actionSubmit(
        { verb: 'closeMeeting', ...data, version, present: `${present.value},${USERS.memberRegion}`, [`summary_${itemId}`]: 'Budgeten diskuterades.' },
        lead(),
      ),
    );
    expect(await minutesAttendance()).toEqual(['Närvarande: Ledamot kommun (demo), Ledamot region (demo), Ordförande LGS (demo)', 'Förhinder: –']);
  });

  it('gives minutes drafted during the meeting the register recorded at the close', async () => {
    now = new Date('2026-12-08T12:30:00Z');
    expect(await minutesAttendance()).toEqual(['Närvarande: Ledamot kommun (demo), Ordförande LGS (demo)', 'Förhinder: Ledamot region (demo)']);
    now = new Date('2026-12-08T15:00:00Z');
    const { version } = await closeForm();
    await bot.post(actionSubmit({ verb: 'closeMeeting', ...data, version, present: USERS.chairLgs, [`summary_${itemId}`]: 'Budgeten diskuterades.' }, lead()));
    expect(await minutesAttendance()).toEqual(['Närvarande: Ordförande LGS (demo)', 'Förhinder: Ledamot region (demo)']);
  });

  it('refuses someone outside the group, or the process leader who is not a ledamot, naming the field, and changes nothing', async () => {
    const { version } = await closeForm();
    bot.connector.clear();
    const submission = { verb: 'closeMeeting', ...data, version, present: `${USERS.chairLgs},${USERS.processLeaderNosam}`, [`summary_${itemId}`]: 'x' };
    await bot.post(actionSubmit(submission, lead()));
    await bot.post(actionSubmit(submission, { ...lead(), locale: 'en-US' }));
    await bot.post(actionSubmit({ ...submission, present: `${USERS.chairLgs},${USERS.processLeaderLgs}` }, lead()));
    expect(bot.connector.texts()).toEqual([
      'Fältet "Närvarande" får bara innehålla gruppens ledamöter. Inget sparades.',
      'The field "Present" may only contain the group\'s members. Nothing was saved.',
      'Fältet "Närvarande" får bara innehålla gruppens ledamöter. Inget sparades.',
    ]);
    const stored = (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', data.meetingId))!.meeting;
    expect([stored.status, stored.register]).toEqual(['planned', undefined]);
  });
});
