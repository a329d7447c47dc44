import { actionSubmit, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

// Issue 12: two bot instances on one storage; an årshjul edit made through one is used by the other's next sweep, without a restart.
const NOW = new Date('2026-11-22T10:00:00Z');
const clock = { now: () => NOW };
let first: TestBot;
let second: TestBot;

beforeAll(async () => {
  first = await startTestBot({ PUBLIC_BASE_URL: 'https://samverkansboten.example.se' }, clock);
  second = await startTestBot({ PUBLIC_BASE_URL: 'https://samverkansboten.example.se', TABLE_PREFIX: first.config.tablePrefix }, clock);
});
afterAll(async () => {
  await second.stop(true);
  await first.stop();
});

describe('edits made through another instance', () => {
  it("the first bot's next sweep reminds on the date moved through the second bot", async () => {
    const opts = { user: USERS.processLeaderNosam, locale: 'sv-SE', serviceUrl: second.connector.url };
    await second.post(
      actionSubmit(
        { verb: 'editCycle', action: 'move', org: 'goteborgsomradet', group: 'nosam-hisingen', target: 'halvarsrapport|2026-12-15', date: '2026-11-30' },
        opts,
      ),
    );
    expect(second.connector.texts()).toEqual([
      'Flyttat: Halvårsvis informationsbrev/rapport från tis 15 dec. 2026 till mån 30 nov. 2026 för NOSAM Hisingen (fastställt). Påminnelser, årshjulet och kalendern följer det nya datumet.',
    ]);
    second.connector.clear();
    await first.running.scheduler.runOnce();
    // The process leader's personal chat was last seen through the second bot's connector: the reminder goes there.
    const cards = [...first.connector.cards(), ...second.connector.cards()];
    const reminder = cards.find((c) => cardTexts(c)[0] === 'Påminnelse: Halvårsvis informationsbrev/rapport');
    expect(cardTexts(reminder!).slice(1, 4)).toEqual(['Grupp: NOSAM Hisingen', 'Sista dag: mån 30 nov. 2026', 'Dagar kvar: 8']);
  });
});
