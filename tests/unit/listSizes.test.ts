import type { ChairView } from '../../src/app/chairs';
import { cardsThatFit, jsonBytes, type AdaptiveCard } from '../../src/cards/adaptive';
import { decisionCard, moreDecisionsCard } from '../../src/cards/decisionCards';
import { groupsCard } from '../../src/cards/groupsCard';
import { NAME_MAX } from '../../src/cards/formTexts';
import { membersCard } from '../../src/cards/memberCards';
import { presidiumOn } from '../../src/domain/chairTerms';
import { newDecision, type Decision } from '../../src/domain/decisions';
import { pageArgument } from '../../src/teams/commands';
import { GBG, group } from '../helpers/shippedOrgs';

/** What Teams refuses: a message of about 28 KB (the activity as the connector receives it). */
const TEAMS_LIMIT = 28 * 1024;
/** The activity around the cards, as botbuilder sends it (ids, addresses, the attachments' envelope). */
const activityBytes = (cards: readonly AdaptiveCard[]) =>
  jsonBytes({
    type: 'message',
    id: 'f:0123456789012345678',
    serviceUrl: 'https://smba.trafficmanager.net/emea/00000000-0000-0000-0000-000000000000/',
    channelId: 'msteams',
    from: { id: '28:00000000-0000-0000-0000-000000000000', name: 'Samverkansboten' },
    conversation: { id: `a:${'x'.repeat(120)}`, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-000000000000' },
    recipient: { id: `29:${'y'.repeat(120)}`, aadObjectId: '00000000-0000-0000-0000-000000000000' },
    replyToId: '1700000000000',
    attachmentLayout: 'list',
    attachments: cards.map((content) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content })),
    locale: 'sv-SE',
    inputHint: 'acceptingInput',
  });

/** The button that continues a paged list, as the user would press it. */
const moreCommand = (c: AdaptiveCard): string | null => {
  const action = (c.actions ?? []).find((a) => (a as { title?: string }).title === 'Visa fler') as { data: { command: string } } | undefined;
  return action?.data.command ?? null;
};
const bodyTexts = (c: AdaptiveCard) =>
  c.body
    .flatMap((e) => [e, ...((e as { items?: object[] }).items ?? [])])
    .map((e) => {
      const text = (e as { text?: unknown }).text;
      return typeof text === 'string' ? text : '';
    });

/** Follows "Visa fler" from page 1 to the end; every page must fit one Teams message. */
function allPages(build: (page: number) => AdaptiveCard, command: RegExp): AdaptiveCard[] {
  const pages = [build(1)];
  for (let next = moreCommand(pages[0]); next !== null; next = moreCommand(pages.at(-1)!)) {
    expect(next).toMatch(command);
    pages.push(build(pageArgument(next.split(' ').slice(1).join(' ')).page));
    if (pages.length > 1000) throw new Error('paging does not end');
  }
  return pages;
}

const worstText = (n: number) => `"Åäö" \\ <b>*_${'ä'.repeat(n)}`.slice(0, n);

describe('every list reply fits one Teams message at national scale', () => {
  it('grupper: 500 groups with long chair names and meeting titles page with "Visa fler", every group shown once', () => {
    const lgs = group(GBG, 'lgs');
    const groups = Array.from({ length: 500 }, (_, i) => ({ ...lgs, id: `grupp-${i}`, shortName: `Grupp ${i} ${'Ö'.repeat(40)}` }));
    const listing = {
      org: { ...GBG, groups },
      rows: groups.map((g) => ({
        group: g,
        mine: true,
        snapshot: {
          group: g.id,
          chair: { displayName: worstText(NAME_MAX), partyName: 'Sahlgrenska Universitetssjukhuset' },
          nextMeeting: { startsAt: '2026-12-08T13:00:00Z', title: worstText(200) },
        },
      })),
    };
    const pages = allPages((page) => groupsCard(listing, 'sv', page), /^grupper goteborgsomradet sida \d+$/);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(activityBytes([p])).toBeLessThanOrEqual(TEAMS_LIMIT);
    const shown = pages.flatMap(bodyTexts).filter((t) => t.startsWith('**Grupp '));
    expect(shown).toHaveLength(500);
    expect(new Set(shown).size).toBe(500);
    expect(bodyTexts(pages.at(-1)!).at(-1)).toBe(`Sida ${pages.length} av ${pages.length}`);
  });

  it('ledamöter: 2,000 members with names of the longest allowed length page, every member shown once', () => {
    const members = Array.from({ length: 2000 }, (_, i) => ({
      aadObjectId: `aad-${i}`,
      displayName: `${String(i).padStart(4, '0')} ${worstText(NAME_MAX - 5)}`,
      party: 'molndal',
      roles: ['member' as const, 'processLeader' as const],
    }));
    const view: ChairView = {
      org: GBG,
      group: group(GBG, 'lgs'),
      today: '2026-11-22',
      presidium: presidiumOn([], '2026-11-22'),
      next: null,
      terms: [],
      members,
      version: null,
      canAppoint: false,
    };
    const pages = allPages((page) => membersCard(view, true, 'sv', page), /^ledamöter LGS sida \d+$/);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(activityBytes([p])).toBeLessThanOrEqual(TEAMS_LIMIT);
    expect(pages.flatMap(bodyTexts).filter((t) => t.startsWith('**'))).toHaveLength(2000);
    // "Lägg till" stays on every page.
    expect(pages.map((p) => (p.actions ?? []).some((a) => (a as { title?: string }).title === 'Lägg till ledamot'))).toEqual(pages.map(() => true));
  });

  it('beslut: ten decisions with the longest texts go in one message as far as they fit, the rest behind "Visa fler"', () => {
    const decisions: Decision[] = Array.from({ length: 10 }, (_, i) =>
      newDecision(
        {
          date: '2026-12-08',
          kind: 'beslut',
          outcome: 'enighet',
          title: worstText(200),
          text: worstText(4000),
          rationale: worstText(4000),
          dissent: worstText(2000),
          meetingId: null,
          itemId: null,
          absentInputAtHand: false,
          links: [],
          forankring: ['kommun', 'region'],
        } as never,
        { org: 'goteborgsomradet', group: 'lgs', shortName: 'LGS', year: 2026, seq: 10 - i, by: 'aad', now: '2026-12-08T10:00:00Z' },
      ),
    );
    const cards = decisions.map((d) => decisionCard(d, true, 'sv', GBG));
    const probe = moreDecisionsCard('LGS', 'årsrapport', { year: 9999, seq: 9999 }, 'sv');
    const n = cardsThatFit(cards, jsonBytes(probe) + 120);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThan(10);
    const last = decisions[n - 1];
    const more = moreDecisionsCard('LGS', 'årsrapport', { year: last.year, seq: last.seq }, 'sv');
    expect(activityBytes([...cards.slice(0, n), more])).toBeLessThanOrEqual(TEAMS_LIMIT);
    expect(moreCommand(more)).toBe(`beslut LGS årsrapport före 2026:${last.seq}`);
  });

  it('reads the page from the end of a command and leaves the rest', () => {
    expect(pageArgument('LGS sida 3')).toEqual({ rest: 'LGS', page: 3 });
    expect(pageArgument('goteborgsomradet page 12')).toEqual({ rest: 'goteborgsomradet', page: 12 });
    expect(pageArgument('NOSAM Hisingen')).toEqual({ rest: 'NOSAM Hisingen', page: 1 });
  });
});
