import { newDecision } from '../../src/domain/decisions';
import { actionSubmit, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

let bot: TestBot;
const ORG = 'goteborgsomradet';
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });

/** 25 decisions in LGS 2026 ("udda" in the odd ones) and 3 in 2025. */
beforeAll(async () => {
  bot = await startTestBot({}, { now: () => new Date('2026-12-08T15:00:00Z') });
  const record = (year: number, title: string, key: string) =>
    bot.running.repos.decisions.record(
      ORG,
      'lgs',
      year,
      (seq) =>
        newDecision(
          {
            date: `${year}-06-01`,
            kind: 'beslut',
            outcome: 'enighet',
            title: `${title} ${seq}`,
            text: 'Text.',
            rationale: '',
            dissent: null,
            meetingId: null,
            itemId: null,
            absentInputAtHand: false,
            links: [],
            forankring: [],
          } as never,
          { org: ORG, group: 'lgs', shortName: 'LGS', year, seq, by: USERS.processLeaderLgs, now: `${year}-06-01T10:00:00Z` },
        ),
      key,
    );
  for (let i = 1; i <= 3; i++) await record(2025, 'Gammalt', `old-${i}`);
  for (let i = 1; i <= 25; i++) await record(2026, i % 2 === 1 ? 'Udda' : 'Jämnt', `new-${i}`);
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const headings = () => bot.connector.cards().map((c) => cardTexts(c)[0]);
const moreCommand = () => {
  const last = bot.connector.cards().at(-1)!;
  return ((last.actions ?? []) as { title: string; data: { command: string } }[]).find((a) => a.title === 'Visa fler')?.data.command ?? null;
};

describe('beslut pages newest first, in one message per page', () => {
  it('shows the ten newest in one activity and continues with "Visa fler" to the oldest', async () => {
    await bot.post(personalMessage('beslut LGS', opts(USERS.memberRegion)));
    expect(bot.connector.sent).toHaveLength(1);
    expect(headings()).toEqual([
      ...[25, 24, 23, 22, 21, 20, 19, 18, 17, 16].map((n) => `LGS 2026:${n} – ${n % 2 === 1 ? 'Udda' : 'Jämnt'} ${n}`),
      'Det finns fler beslut',
    ]);
    expect(moreCommand()).toBe('beslut LGS före 2026:16');
    const seen: string[] = [];
    for (let next = moreCommand(); next !== null; next = moreCommand()) {
      bot.connector.clear();
      await bot.post(actionSubmit({ verb: 'command', command: next }, opts(USERS.memberRegion)));
      expect(bot.connector.sent).toHaveLength(1);
      seen.push(
        ...headings()
          .filter((h) => h !== 'Det finns fler beslut')
          .map((h) => h.split(' – ')[0]),
      );
    }
    expect(seen).toEqual([...[15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => `LGS 2026:${n}`), 'LGS 2025:3', 'LGS 2025:2', 'LGS 2025:1']);
  });

  it('searches words and a year newest first, and continues the same search', async () => {
    await bot.post(personalMessage('beslut LGS udda 2026', opts(USERS.memberRegion)));
    expect(headings()).toEqual([...[25, 23, 21, 19, 17, 15, 13, 11, 9, 7].map((n) => `LGS 2026:${n} – Udda ${n}`), 'Det finns fler beslut']);
    expect(moreCommand()).toBe('beslut LGS udda 2026 före 2026:7');
    bot.connector.clear();
    await bot.post(personalMessage('beslut LGS udda 2026 före 2026:7', opts(USERS.memberRegion)));
    expect(headings()).toEqual(['LGS 2026:5 – Udda 5', 'LGS 2026:3 – Udda 3', 'LGS 2026:1 – Udda 1']);
  });

  it('reads only what a page needs: a listing the ten it shows plus one, however long the register', async () => {
    bot.running.store.counter.startRecording();
    await bot.post(personalMessage('beslut LGS', opts(USERS.memberRegion)));
    const decisionQueries = bot.running.store.counter.stopRecording().filter((l) => l.includes('Decisions'));
    expect(decisionQueries).toHaveLength(1);
    expect(decisionQueries[0]).toContain('$top=11');
  });
});
