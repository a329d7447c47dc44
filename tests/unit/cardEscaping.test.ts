import type { ChairView } from '../../src/app/chairs';
import { historyCard, namer } from '../../src/cards/chairCards';
import { groupsCard } from '../../src/cards/groupsCard';
import { presidiumOn, type Term } from '../../src/domain/chairTerms';
import type { AdaptiveCard } from '../../src/cards/adaptive';
import { cardTexts as textsOf } from '../helpers/cards';
import { GBG, group } from '../helpers/shippedOrgs';

const cardTexts = (card: AdaptiveCard) => textsOf(card as unknown as Record<string, unknown>);

/** Text people typed (names, meeting titles, reasons) shows as typed on cards: never as markdown or a link. */

const HOSTILE = '**Bold** [länk](javascript:alert(1))';
const ESCAPED = '\\*\\*Bold\\*\\* \\[länk\\](javascript:alert(1))';

describe('escaping user text on cards', () => {
  it("shows a chair's name and a meeting title literally in the groups list", () => {
    const lgs = group(GBG, 'lgs');
    const card = groupsCard(
      {
        org: GBG,
        rows: [
          {
            group: lgs,
            mine: false,
            snapshot: { group: 'lgs', chair: { displayName: HOSTILE, partyName: 'SU' }, nextMeeting: { startsAt: '2026-12-08T13:00:00Z', title: `# ${HOSTILE}` } },
          },
        ],
      },
      'sv',
    );
    expect(cardTexts(card).slice(3)).toEqual([`Ordförande: ${ESCAPED} (SU)`, `Nästa möte: 8 dec. 2026 14:00 – \\# ${ESCAPED}`]);
  });

  it("shows an exception's reason and the holder's name literally in the history", () => {
    const term: Term = {
      id: 't1',
      org: 'goteborgsomradet',
      group: 'lgs',
      role: 'chair',
      holder: { aadObjectId: 'aad-1', displayName: HOSTILE, party: 'su', principal: 'region' },
      start: '2027-01-01',
      plannedEnd: '2028-12-31',
      actualEnd: null,
      origin: 'extension',
      replaces: null,
      exception: { rules: ['term-length'], reason: `1. ${HOSTILE}` },
      recordedBy: 'aad-admin',
      recordedAt: '2026-11-22T10:00:00.000Z',
    };
    const view: ChairView = {
      org: GBG,
      group: group(GBG, 'lgs'),
      today: '2026-11-22',
      presidium: presidiumOn([term], '2026-11-22'),
      next: null,
      terms: [term],
      members: [],
      version: null,
      canAppoint: false,
    };
    const texts = cardTexts(historyCard(view, 'sv'));
    expect(texts[2]).toBe(`${ESCAPED}, Sahlgrenska Universitetssjukhuset (SU) (Region (Västra Götalandsregionen)) · Förlängning genom konsensus`);
    expect(texts[3]).toBe(`Undantag från regeln: mandatperiodens längd. Skäl: 1\\. ${ESCAPED}`);
  });
});

describe('names instead of ids', () => {
  it('names principals, parties and groups, and shows "–" (never the id) for one the organisation file no longer has', () => {
    const n = namer(GBG, 'en');
    expect([n.principal('kommun'), n.party('narhalsan'), n.group('lgs')]).toEqual(['Municipality', 'Närhälsan (VGPV)', 'LGS']);
    expect([n.principal('gammal-huvudman'), n.party('gammal-part'), n.group('gammal-grupp')]).toEqual(['–', '–', '–']);
  });
});
