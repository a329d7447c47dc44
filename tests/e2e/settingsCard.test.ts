import { actionSubmit, personalMessage, USERS } from '../helpers/activities';
import { cardInputs } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** The settings card shows a value in every drop-down: "Som i organisationsfilen: …" is a choice of its own, and every field is labelled. */
const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
interface ChoiceSet {
  type: string;
  label: string;
  value: string;
  choices: { title: string; value: string }[];
}
const choiceSets = (card: Record<string, unknown>) =>
  Object.entries(cardInputs(card) as Record<string, unknown> as Record<string, ChoiceSet>).filter(([, i]) => i.type === 'Input.ChoiceSet');

describe('inställningar LGS', () => {
  it("selects one of its own choices in every drop-down, the file's value named, each with a clear label", async () => {
    await bot.post(personalMessage('inställningar LGS', opts(USERS.processLeaderLgs)));
    const sets = choiceSets(bot.connector.cards()[0]);
    for (const [, set] of sets) expect(set.choices.map((c) => c.value)).toContain(set.value);
    expect(sets.map(([id, set]) => [id, set.label, set.choices.find((c) => c.value === set.value)?.title])).toEqual([
      ['deputies', 'Ersättare', 'Nej, ersättare utses inte'],
      ['guidancePer', 'Per år eller halvår', 'Som i organisationsfilen: år'],
      ['reportCadence', 'Rapporttakt', 'Som i organisationsfilen: ingen'],
      ['justerare', 'Justerare som föreslås', 'Som i organisationsfilen: ingen'],
    ]);
  });

  it('in English too', async () => {
    await bot.post(personalMessage('settings LGS', opts(USERS.processLeaderLgs, 'en-US')));
    const sets = choiceSets(bot.connector.cards()[0]);
    expect(sets.map(([, set]) => [set.label, set.choices.find((c) => c.value === set.value)?.title])).toEqual([
      ['Deputies', 'No, deputies are not appointed'],
      ['Per year or half-year', 'As in the organisation file: year'],
      ['Report cadence', 'As in the organisation file: none'],
      ['Proposed justerare', 'As in the organisation file: none'],
    ]);
  });

  it('saving with "Som i organisationsfilen" selected keeps what the file says', async () => {
    await bot.post(personalMessage('inställningar LGS', opts(USERS.processLeaderLgs)));
    const values = Object.fromEntries(Object.entries(cardInputs(bot.connector.cards()[0])).map(([id, i]) => [id, i.value ?? '']));
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', ...values }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual(['Inställningarna för LGS är sparade.']);
    const group = bot.running.catalog.get('goteborgsomradet')!.groups.find((g) => g.id === 'lgs')!;
    expect([group.reportCadence, group.justerareDefault]).toEqual([undefined, undefined]);
  });
});
