import { RULE_CODES, termEnd, presidiumOn, type Term, type TermHolder, type TermRole, type TermOrigin, type RuleCode } from '../../src/domain/chairTerms';
import type { ChairRule, Group, Organisation, PartyId, PrincipalId } from '../../src/domain/organisation';
import {
  applyAppointment,
  chairPrincipalOn,
  checkAppointment,
  daysLeft,
  nextChair,
  otherPrincipal,
  requiredChairPrincipal,
  type GroupTerms,
  type Proposal,
  type RuleBreach,
} from '../../src/domain/rotation';
import { GBG, group, SAMLA } from '../helpers/shippedOrgs';
import { buildTerm } from '../helpers/terms';

/**
 * Chair rotation (src/domain/rotation.ts) against the real rules in the shipped organisation
 * files: LGS follows politiskt samråd (24 months, vice from the other principal; 000),
 * temagrupper rotate among parties every 18 months and may extend by consensus (000),
 * NOSAM alternate kommun/region and rotate among parties (000, 002), SAMLA samordningsgrupp
 * follows the political samrådsgrupp (001).
 *
 * The documents give no term length for politiskt samråd, SAMLA's political group or NOSAM
 * (termMonths null; see "open-ended terms" below). The projection and new-year machinery is
 * still exercised with SAMRAD, NOSAM and SAMLA_POL as an organisation could configure them
 * (24 and 12 months, NOSAM appointed at the year's last meeting); these are not the shipped rules.
 */

// ---------------------------------------------------------------- real organisations

function principalOf(org: Organisation, party: PartyId): PrincipalId {
  const p = org.parties.find((x) => x.id === party);
  if (p === undefined) throw new Error(`no party ${party} in ${org.id}`);
  return p.principal;
}

/** A member representing a real party of the organisation; n tells different people apart. */
function holder(org: Organisation, party: PartyId, n = 1): TermHolder {
  return { aadObjectId: `aad-${party}-${n}`, displayName: `Ledamot ${party} ${n}`, party, principal: principalOf(org, party) };
}

/** Parties at a group's table, with their principals from the organisation file. */
const table = (org: Organisation, ids: readonly PartyId[]) => ids.map((id) => ({ id, principal: principalOf(org, id) }));

function termMonths(g: Group): number | null {
  if (g.chairRule === null) throw new Error(`${g.id} has no chair rule`);
  return g.chairRule.termMonths;
}

function term(org: Organisation, g: Group, id: string, role: TermRole, h: TermHolder, start: string, plannedEnd?: string, extra: Partial<Term> = {}): Term {
  return buildTerm({
    id,
    org: org.id,
    group: g.id,
    role,
    holder: h,
    start,
    plannedEnd: plannedEnd ?? termEnd(start, termMonths(g)),
    recordedAt: '2024-12-10T15:00:00.000Z',
    ...extra,
  });
}

const gt = (g: Group, terms: readonly Term[]): GroupTerms => ({ group: g, terms });

function proposal(role: TermRole, h: TermHolder, start: string, plannedEnd: string, origin: TermOrigin = 'rotation', replaces: string | null = null): Proposal {
  return { role, holder: h, start, plannedEnd, origin, replaces };
}

const PRINCIPALS: readonly PrincipalId[] = GBG.principals.map((p) => p.id);
const SAMLA_PRINCIPALS: readonly PrincipalId[] = SAMLA.principals.map((p) => p.id);

const SAMRAD = withRule(group(GBG, 'politiskt-samrad'), { termMonths: 24 });
const LGS = group(GBG, 'lgs');
const STYRGRUPP = group(GBG, 'lgs-styrgrupp');
const TEMA = group(GBG, 'tema-aldre');
const NOSAM = withRule(group(GBG, 'nosam-sydvast'), { termMonths: 12, appointment: 'last-meeting-of-year' });
const SAMLA_POL = withRule(group(SAMLA, 'samla-politisk-samradsgrupp'), { termMonths: 12 });
const SAMLA_SAM = group(SAMLA, 'samla-samordningsgrupp');

const G = (party: PartyId, n = 1) => holder(GBG, party, n);
const S = (party: PartyId, n = 1) => holder(SAMLA, party, n);

// ---- histories

/** Politiskt samråd: Göteborgs stad chairs 2023–2024 (003), the region 2025–2026. */
const s23 = term(GBG, SAMRAD, 'samrad-2023', 'chair', G('goteborgs-stad'), '2023-01-01');
const s25 = term(GBG, SAMRAD, 'samrad-2025', 'chair', G('delregional-namnd-goteborg'), '2025-01-01');
const SAMRAD_TERMS = gt(SAMRAD, [s23, s25]);

/** LGS: kommun chair, region vice 2023–2024 (003); region chair, kommun vice 2025–2026 (000). */
const l23 = term(GBG, LGS, 'lgs-2023-c', 'chair', G('goteborg-avo'), '2023-01-01');
const lv23 = term(GBG, LGS, 'lgs-2023-v', 'viceChair', G('su'), '2023-01-01');
const l25 = term(GBG, LGS, 'lgs-2025-c', 'chair', G('su', 2), '2025-01-01');
const lv25 = term(GBG, LGS, 'lgs-2025-v', 'viceChair', G('goteborg-avo', 2), '2025-01-01');
const LGS_TERMS = gt(LGS, [l23, lv23, l25, lv25]);
const LGS_TABLE = table(GBG, ['goteborg-avo', 'goteborg-ifo', 'molndal', 'su', 'narhalsan', 'koncernkontoret']);

/** Temagrupp Äldre: 18-month terms. */
const t1 = term(GBG, TEMA, 'tema-2021', 'chair', G('narhalsan'), '2021-07-01'); // → 2022-12-31
const t2 = term(GBG, TEMA, 'tema-2023', 'chair', G('su'), '2023-01-01'); // → 2024-06-30
const t3 = term(GBG, TEMA, 'tema-2024', 'chair', G('goteborg-avo'), '2024-07-01'); // → 2025-12-31
const TEMA_TERMS = gt(TEMA, [t1, t2, t3]);
const TEMA_TABLE = table(GBG, ['goteborg-avo', 'partille', 'molndal', 'narhalsan', 'su', 'sjukhusen-i-vaster']);

/** NOSAM Sydväst: calendar-year terms alternating kommun/region. */
const n21 = term(GBG, NOSAM, 'nosam-2021', 'chair', G('goteborg-ifo'), '2021-01-01');
const n22 = term(GBG, NOSAM, 'nosam-2022', 'chair', G('narhalsan'), '2022-01-01');
const n23 = term(GBG, NOSAM, 'nosam-2023', 'chair', G('goteborg-avo'), '2023-01-01');
const n24 = term(GBG, NOSAM, 'nosam-2024', 'chair', G('su'), '2024-01-01');
const n25 = term(GBG, NOSAM, 'nosam-2025', 'chair', G('goteborg-fss'), '2025-01-01');
const NOSAM_TERMS = gt(NOSAM, [n21, n22, n23, n24, n25]);
const NOSAM_TABLE = table(GBG, [
  'goteborg-avo',
  'goteborg-ifo',
  'goteborg-fss',
  'goteborg-grundskola',
  'narhalsan',
  'su',
  'sjukhusen-i-vaster',
  'privata-vardcentraler',
  'habilitering-och-halsa',
]);

/** SAMLA: Lerum (kommun) chairs the political group in 2025; Alingsås chairs samordningsgruppen, Regionhälsan vice. */
const sp25 = term(SAMLA, SAMLA_POL, 'samla-pol-2025', 'chair', S('lerum'), '2025-01-01');
const ss25 = term(SAMLA, SAMLA_SAM, 'samla-sam-2025-c', 'chair', S('alingsas'), '2025-01-01');
const ssv25 = term(SAMLA, SAMLA_SAM, 'samla-sam-2025-v', 'viceChair', S('regionhalsan'), '2025-01-01');
const SAMLA_POL_TERMS = gt(SAMLA_POL, [sp25]);
const SAMLA_SAM_TERMS = gt(SAMLA_SAM, [ss25, ssv25]);
const SAMLA_TABLE = table(SAMLA, ['alingsas', 'lerum', 'gr', 'delregional-namnd-vastra', 'offentliga-vardcentraler', 'privata-vardcentraler', 'regionhalsan']);

/** A NOSAM with the rule changed to "no vice chair", to exercise vice-not-allowed. */
function withRule(g: Group, change: Partial<ChairRule>): Group {
  if (g.chairRule === null) throw new Error(`${g.id} has no chair rule`);
  return { ...g, chairRule: { ...g.chairRule, ...change } };
}
const NOSAM_NO_VICE = withRule(NOSAM, { vice: 'none' });

const rules = (bs: readonly RuleBreach[]): RuleCode[] => bs.map((b) => b.rule);

// ---------------------------------------------------------------- the rules as shipped

describe('chair rules in the shipped organisation files', () => {
  const TEMA_IDS = ['tema-barn-och-unga', 'tema-psykiatri', 'tema-rehab-hab', 'tema-aldre'];
  const NOSAM_IDS = ['nosam-sydvast', 'nosam-hisingen', 'nosam-nordost', 'nosam-centrum', 'nosam-partille', 'nosam-harryda', 'nosam-molndal', 'nosam-ockero'];

  it.each([
    [
      'politiskt-samrad',
      GBG,
      {
        termMonths: null,
        principal: { kind: 'alternate' },
        rotateAmongParties: false,
        vice: 'other-principal',
        extensionByConsensus: false,
        replacementByLeavingPrincipal: false,
        appointment: 'any-meeting',
      },
    ],
    [
      'lgs',
      GBG,
      {
        termMonths: 24,
        principal: { kind: 'follow', group: 'politiskt-samrad' },
        rotateAmongParties: false,
        vice: 'other-principal',
        extensionByConsensus: false,
        replacementByLeavingPrincipal: true,
        appointment: 'any-meeting',
      },
    ],
    ...TEMA_IDS.map(
      (id) =>
        [
          id,
          GBG,
          {
            termMonths: 18,
            principal: { kind: 'any' },
            rotateAmongParties: true,
            vice: 'optional',
            extensionByConsensus: true,
            replacementByLeavingPrincipal: true,
            appointment: 'any-meeting',
          },
        ] as const,
    ),
    ...NOSAM_IDS.map(
      (id) =>
        [
          id,
          GBG,
          {
            termMonths: null,
            principal: { kind: 'alternate' },
            rotateAmongParties: true,
            vice: 'optional',
            extensionByConsensus: false,
            replacementByLeavingPrincipal: true,
            appointment: 'any-meeting',
          },
        ] as const,
    ),
    [
      'samla-politisk-samradsgrupp',
      SAMLA,
      {
        termMonths: null,
        principal: { kind: 'alternate' },
        rotateAmongParties: false,
        vice: 'optional',
        extensionByConsensus: false,
        replacementByLeavingPrincipal: false,
        appointment: 'any-meeting',
      },
    ],
    [
      'samla-samordningsgrupp',
      SAMLA,
      {
        termMonths: 12,
        principal: { kind: 'follow', group: 'samla-politisk-samradsgrupp' },
        rotateAmongParties: false,
        vice: 'other-principal',
        extensionByConsensus: false,
        replacementByLeavingPrincipal: false,
        appointment: 'any-meeting',
      },
    ],
  ] as const)('%s', (id, org, expected) => {
    expect(group(org, id).chairRule).toMatchObject(expected);
  });

  it.each([
    ['lgs-styrgrupp', GBG],
    ['politiskt-presidium', GBG],
    ['samla-au', SAMLA],
  ] as const)('%s has no chair rule of its own', (id, org) => {
    expect(group(org, id).chairRule).toBeNull();
  });

  it('both organisations have exactly the two principals kommun and region', () => {
    expect(PRINCIPALS).toEqual(['kommun', 'region']);
    expect(SAMLA_PRINCIPALS).toEqual(['kommun', 'region']);
  });
});

// ---------------------------------------------------------------- principals

describe('otherPrincipal', () => {
  it.each([
    [['kommun', 'region'], 'kommun', 'region'],
    [['kommun', 'region'], 'region', 'kommun'],
    [['kommun'], 'kommun', null],
    [['kommun', 'region', 'privat'], 'kommun', null],
  ] as const)('%j, %s → %s', (ps, p, expected) => {
    expect(otherPrincipal(ps, p)).toBe(expected);
  });
});

describe('chairPrincipalOn', () => {
  it.each([
    ['no history', gt(SAMRAD, []), '2025-01-01', null],
    ['samråd, before its first term', SAMRAD_TERMS, '2022-12-31', null],
    ['samråd, first day in office', SAMRAD_TERMS, '2023-01-01', { principal: 'kommun', projected: false }],
    ['samråd, last day of the kommun term', SAMRAD_TERMS, '2024-12-31', { principal: 'kommun', projected: false }],
    ['samråd, first day of the region term', SAMRAD_TERMS, '2025-01-01', { principal: 'region', projected: false }],
    ['samråd, last day of the region term', SAMRAD_TERMS, '2026-12-31', { principal: 'region', projected: false }],
    ['samråd, after the last term: alternation flips it', SAMRAD_TERMS, '2027-01-01', { principal: 'kommun', projected: true }],
    ['samråd ended kommun term, nothing recorded after', gt(SAMRAD, [s23]), '2025-01-01', { principal: 'region', projected: true }],
    ['SAMLA political group after its kommun year', SAMLA_POL_TERMS, '2026-01-01', { principal: 'region', projected: true }],
    ['LGS (follows, not alternating) after its term keeps the principal', gt(LGS, [l25]), '2027-01-01', { principal: 'region', projected: true }],
    ['temagrupp (any) after its term keeps the principal', TEMA_TERMS, '2026-01-01', { principal: 'kommun', projected: true }],
  ])('%s on %s', (_name, g, date, expected) => {
    expect(chairPrincipalOn(g, PRINCIPALS, date)).toEqual(expected);
  });

  it('cannot project an alternation among more than two principals', () => {
    expect(chairPrincipalOn(gt(SAMRAD, [s23]), ['kommun', 'region', 'privat'], '2025-01-01')).toBeNull();
    expect(chairPrincipalOn(gt(SAMRAD, [s23]), ['kommun', 'region', 'privat'], '2024-01-01')).toEqual({ principal: 'kommun', projected: false });
  });
});

describe('requiredChairPrincipal', () => {
  describe('NOSAM: alternates kommun/region (002)', () => {
    it.each([
      ['first term ever', gt(NOSAM, []), '2026-01-01', { kind: 'alternate-first', next: null }],
      ['after kommun 2025', NOSAM_TERMS, '2026-01-01', { kind: 'alternate', previous: 'kommun', next: 'region' }],
      ['after region 2024 (the 2025 record itself is not "previous")', NOSAM_TERMS, '2025-01-01', { kind: 'alternate', previous: 'region', next: 'kommun' }],
      ['after region 2022', NOSAM_TERMS, '2023-01-01', { kind: 'alternate', previous: 'region', next: 'kommun' }],
      ['after kommun 2021', NOSAM_TERMS, '2022-01-01', { kind: 'alternate', previous: 'kommun', next: 'region' }],
      ['before any term', NOSAM_TERMS, '2021-01-01', { kind: 'alternate-first', next: null }],
      ['a year without a chair does not flip it twice', gt(NOSAM, [n23]), '2025-01-01', { kind: 'alternate', previous: 'kommun', next: 'region' }],
      [
        'a same-principal replacement mid-year keeps kommun as previous',
        gt(NOSAM, [
          { ...n25, actualEnd: '2025-05-31' },
          term(GBG, NOSAM, 'nosam-2025-r', 'chair', G('goteborg-ifo'), '2025-06-01', '2025-12-31', { origin: 'replacement', replaces: 'nosam-2025' }),
        ]),
        '2026-01-01',
        { kind: 'alternate', previous: 'kommun', next: 'region' },
      ],
    ])('%s, start %s', (_name, g, start, expected) => {
      expect(requiredChairPrincipal(g, null, PRINCIPALS, start)).toEqual(expected);
    });

    it('needs exactly two principals to alternate', () => {
      expect(requiredChairPrincipal(NOSAM_TERMS, null, ['kommun', 'region', 'privat'], '2026-01-01')).toEqual({ kind: 'alternate-first', next: null });
    });
  });

  describe('LGS: follows politiskt samråd (000)', () => {
    it.each([
      ['samråd kommun in office', '2024-12-31', SAMRAD_TERMS, { kind: 'follow', group: SAMRAD, next: 'kommun', projected: false }],
      ['samråd changes to region on the start date', '2025-01-01', SAMRAD_TERMS, { kind: 'follow', group: SAMRAD, next: 'region', projected: false }],
      ['samråd region in office', '2026-12-31', SAMRAD_TERMS, { kind: 'follow', group: SAMRAD, next: 'region', projected: false }],
      ['samråd has no term then: projected by alternation', '2027-01-01', SAMRAD_TERMS, { kind: 'follow', group: SAMRAD, next: 'kommun', projected: true }],
      ['only the kommun term recorded: projected region', '2025-01-01', gt(SAMRAD, [s23]), { kind: 'follow', group: SAMRAD, next: 'region', projected: true }],
      // Politicians rarely use the bot: with no samråd chair registered, LGS "roterar mellan kommun
      // och region" (000) against its own previous chair (kommun 2023) instead of accepting any principal.
      [
        'samråd has no history: alternates against LGS’s own kommun chair',
        '2025-01-01',
        gt(SAMRAD, []),
        { kind: 'follow-fallback', group: SAMRAD, previous: 'kommun', next: 'region' },
      ],
      [
        'samråd has only a later term: alternates against LGS’s own chair',
        '2024-06-01',
        gt(SAMRAD, [s25]),
        { kind: 'follow-fallback', group: SAMRAD, previous: 'kommun', next: 'region' },
      ],
      [
        'samråd records overlap: the latest-starting term decides',
        '2025-01-01',
        gt(SAMRAD, [{ ...s23, plannedEnd: '2026-12-31' }, s25]),
        { kind: 'follow', group: SAMRAD, next: 'region', projected: false },
      ],
    ])('%s, start %s', (_name, start, followed, expected) => {
      expect(requiredChairPrincipal(gt(LGS, [l23]), followed, PRINCIPALS, start)).toEqual(expected);
    });

    it('the required principal changes with samråd: a new samråd term from the same date', () => {
      const before = gt(SAMRAD, [s23]);
      const after = gt(SAMRAD, [s23, term(GBG, SAMRAD, 'samrad-2025-k', 'chair', G('goteborgs-stad', 2), '2025-01-01')]);
      // Without the 2025 record the alternation projects region; recorded as kommun (e.g. by exception), LGS follows kommun.
      expect(requiredChairPrincipal(LGS_TERMS, before, PRINCIPALS, '2025-01-01')).toEqual({ kind: 'follow', group: SAMRAD, next: 'region', projected: true });
      expect(requiredChairPrincipal(LGS_TERMS, after, PRINCIPALS, '2025-01-01')).toEqual({ kind: 'follow', group: SAMRAD, next: 'kommun', projected: false });
    });

    it('ignores LGS’s own history: only samråd decides', () => {
      expect(requiredChairPrincipal(gt(LGS, []), SAMRAD_TERMS, PRINCIPALS, '2025-06-01')).toEqual({ kind: 'follow', group: SAMRAD, next: 'region', projected: false });
      expect(requiredChairPrincipal(gt(LGS, [l25]), SAMRAD_TERMS, PRINCIPALS, '2025-06-01')).toEqual({ kind: 'follow', group: SAMRAD, next: 'region', projected: false });
    });

    it('without the followed group given, alternates against LGS’s own previous chair (region 2025 → kommun)', () => {
      expect(requiredChairPrincipal(LGS_TERMS, null, PRINCIPALS, '2027-01-01')).toEqual({ kind: 'follow-fallback', group: null, previous: 'region', next: 'kommun' });
    });

    it('with no chair registered in samråd nor LGS, the rule cannot decide (follow-unknown)', () => {
      expect(requiredChairPrincipal(gt(LGS, []), gt(SAMRAD, []), PRINCIPALS, '2025-01-01')).toEqual({ kind: 'follow-unknown', group: SAMRAD, next: null });
    });
  });

  describe('SAMLA samordningsgrupp: follows the political samrådsgrupp (001)', () => {
    it.each([
      ['political group kommun in office', '2025-12-31', SAMLA_POL_TERMS, { kind: 'follow', group: SAMLA_POL, next: 'kommun', projected: false }],
      ['after the political group’s year: projected region', '2026-01-01', SAMLA_POL_TERMS, { kind: 'follow', group: SAMLA_POL, next: 'region', projected: true }],
      [
        'political group region recorded for 2026',
        '2026-01-01',
        gt(SAMLA_POL, [sp25, term(SAMLA, SAMLA_POL, 'samla-pol-2026', 'chair', S('delregional-namnd-vastra'), '2026-01-01')]),
        { kind: 'follow', group: SAMLA_POL, next: 'region', projected: false },
      ],
      // 001: "Ordförandeskapet roterar mellan huvudmännen med en mandatperiod om ett år": without the
      // political group's chair, alternate against the samordningsgrupp's own previous chair (Alingsås, kommun).
      [
        'political group without history: alternates against its own kommun chair',
        '2026-01-01',
        gt(SAMLA_POL, []),
        { kind: 'follow-fallback', group: SAMLA_POL, previous: 'kommun', next: 'region' },
      ],
    ])('%s, start %s', (_name, start, followed, expected) => {
      expect(requiredChairPrincipal(SAMLA_SAM_TERMS, followed, SAMLA_PRINCIPALS, start)).toEqual(expected);
    });
  });

  it.each([
    ['temagrupp (rotates among parties, any principal)', TEMA_TERMS],
    ['temagrupp without history', gt(TEMA, [])],
    ['LGS styrgrupp (no rule)', gt(STYRGRUPP, [])],
  ])('%s: any principal', (_name, g) => {
    expect(requiredChairPrincipal(g, SAMRAD_TERMS, PRINCIPALS, '2026-01-01')).toEqual({ kind: 'any', next: null });
  });
});

// ---------------------------------------------------------------- nextChair

describe('nextChair', () => {
  it('NOSAM after a kommun year: region next, outgoing party excluded, never-chaired parties first', () => {
    expect(nextChair(NOSAM_TERMS, null, PRINCIPALS, NOSAM_TABLE, '2025-06-15')).toEqual({
      startsOn: '2026-01-01',
      plannedEnd: '2026-12-31',
      decidedByGroup: false,
      principal: { kind: 'alternate', previous: 'kommun', next: 'region' },
      excludedParty: 'goteborg-fss',
      candidateParties: ['habilitering-och-halsa', 'privata-vardcentraler', 'sjukhusen-i-vaster', 'narhalsan', 'su'],
      vicePrincipal: null,
    });
  });

  it('NOSAM after a region year: kommun next, ordered never chaired, then longest since chairing', () => {
    const g = gt(NOSAM, [n21, n22, n23, n24]);
    expect(nextChair(g, null, PRINCIPALS, NOSAM_TABLE, '2024-12-31')).toEqual({
      startsOn: '2025-01-01',
      plannedEnd: '2025-12-31',
      decidedByGroup: false,
      principal: { kind: 'alternate', previous: 'region', next: 'kommun' },
      excludedParty: 'su',
      candidateParties: ['goteborg-fss', 'goteborg-grundskola', 'goteborg-ifo', 'goteborg-avo'],
      vicePrincipal: null,
    });
  });

  it('NOSAM on the last day of the term still looks at the next year', () => {
    expect(nextChair(NOSAM_TERMS, null, PRINCIPALS, NOSAM_TABLE, '2025-12-31')?.startsOn).toBe('2026-01-01');
  });

  it('NOSAM: the outgoing party is excluded even when it is from the required principal', () => {
    // 2025 was chaired by goteborg-fss after an (accepted) breach of alternation: kommun twice.
    const n25k = term(GBG, NOSAM, 'nosam-2025', 'chair', G('goteborg-fss'), '2025-01-01');
    const g = gt(NOSAM, [n22, n23, term(GBG, NOSAM, 'nosam-2024', 'chair', G('goteborg-ifo'), '2024-01-01'), n25k]);
    const next = nextChair(g, null, PRINCIPALS, NOSAM_TABLE, '2025-06-01');
    expect(next?.principal).toEqual({ kind: 'alternate', previous: 'kommun', next: 'region' });
    // and with an explicit 'any' principal rule, the kommun party itself is left out
    const anyRule = gt(withRule(NOSAM, { principal: { kind: 'any' } }), g.terms);
    expect(nextChair(anyRule, null, PRINCIPALS, NOSAM_TABLE, '2025-06-01')?.candidateParties).toEqual([
      'goteborg-grundskola',
      'habilitering-och-halsa',
      'privata-vardcentraler',
      'sjukhusen-i-vaster',
      'su',
      'narhalsan',
      'goteborg-avo',
      'goteborg-ifo',
    ]);
  });

  it('NOSAM first term ever: starts at the new year (appointed at the last meeting), no required principal, every party a candidate', () => {
    expect(nextChair(gt(NOSAM, []), null, PRINCIPALS, NOSAM_TABLE, '2025-11-20')).toEqual({
      startsOn: '2026-01-01',
      plannedEnd: '2026-12-31',
      decidedByGroup: false,
      principal: { kind: 'alternate-first', next: null },
      excludedParty: null,
      candidateParties: [
        'goteborg-avo',
        'goteborg-fss',
        'goteborg-grundskola',
        'goteborg-ifo',
        'habilitering-och-halsa',
        'narhalsan',
        'privata-vardcentraler',
        'sjukhusen-i-vaster',
        'su',
      ],
      vicePrincipal: null,
    });
  });

  it('NOSAM after a same-principal replacement: the replacement’s party is the outgoing one', () => {
    const g = gt(NOSAM, [
      n24,
      { ...n25, holder: G('goteborg-avo'), actualEnd: '2025-05-31' },
      term(GBG, NOSAM, 'nosam-2025-r', 'chair', G('goteborg-ifo', 2), '2025-06-01', '2025-12-31', { origin: 'replacement', replaces: 'nosam-2025' }),
    ]);
    const next = nextChair(g, null, PRINCIPALS, NOSAM_TABLE, '2025-09-01');
    expect(next?.startsOn).toBe('2026-01-01');
    expect(next?.plannedEnd).toBe('2026-12-31');
    expect(next?.principal).toEqual({ kind: 'alternate', previous: 'kommun', next: 'region' });
    expect(next?.excludedParty).toBe('goteborg-ifo');
  });

  it('temagrupp: 18 months from the day after the current term, any principal, outgoing party excluded', () => {
    expect(nextChair(TEMA_TERMS, null, PRINCIPALS, TEMA_TABLE, '2025-06-01')).toEqual({
      startsOn: '2026-01-01',
      plannedEnd: '2027-06-30',
      decidedByGroup: false,
      principal: { kind: 'any', next: null },
      excludedParty: 'goteborg-avo',
      candidateParties: ['molndal', 'partille', 'sjukhusen-i-vaster', 'narhalsan', 'su'],
      vicePrincipal: null,
    });
  });

  it('temagrupp with no chair in office: starts today, outgoing party still excluded', () => {
    expect(nextChair(TEMA_TERMS, null, PRINCIPALS, TEMA_TABLE, '2026-02-01')).toMatchObject({
      startsOn: '2026-02-01',
      plannedEnd: '2027-07-31',
      excludedParty: 'goteborg-avo',
      candidateParties: ['molndal', 'partille', 'sjukhusen-i-vaster', 'narhalsan', 'su'],
    });
  });

  it('temagrupp after an extension by consensus: the next term starts after the extension', () => {
    const ext = term(GBG, TEMA, 'tema-2026-ext', 'chair', G('goteborg-avo'), '2026-01-01', '2026-12-31', { origin: 'extension' });
    expect(nextChair(gt(TEMA, [t1, t2, t3, ext]), null, PRINCIPALS, TEMA_TABLE, '2026-03-01')).toMatchObject({
      startsOn: '2027-01-01',
      plannedEnd: '2028-06-30',
      excludedParty: 'goteborg-avo',
    });
  });

  it('LGS: follows samråd, projected when samråd has no term then; vice from the other principal', () => {
    expect(nextChair(LGS_TERMS, SAMRAD_TERMS, PRINCIPALS, LGS_TABLE, '2025-06-01')).toEqual({
      startsOn: '2027-01-01',
      plannedEnd: '2028-12-31',
      decidedByGroup: false,
      principal: { kind: 'follow', group: SAMRAD, next: 'kommun', projected: true },
      excludedParty: null,
      candidateParties: ['goteborg-ifo', 'molndal', 'goteborg-avo'],
      vicePrincipal: 'region',
    });
  });

  it('LGS: samråd’s next term recorded makes it certain', () => {
    const s27 = term(GBG, SAMRAD, 'samrad-2027', 'chair', G('goteborgs-stad'), '2027-01-01');
    expect(nextChair(LGS_TERMS, gt(SAMRAD, [s23, s25, s27]), PRINCIPALS, LGS_TABLE, '2025-06-01')?.principal).toEqual({
      kind: 'follow',
      group: SAMRAD,
      next: 'kommun',
      projected: false,
    });
  });

  it('LGS: when samråd stays with the region, so does LGS (party may repeat: LGS does not rotate among parties)', () => {
    const s27r = term(GBG, SAMRAD, 'samrad-2027', 'chair', G('delregional-namnd-goteborg'), '2027-01-01');
    expect(nextChair(LGS_TERMS, gt(SAMRAD, [s23, s25, s27r]), PRINCIPALS, LGS_TABLE, '2025-06-01')).toEqual({
      startsOn: '2027-01-01',
      plannedEnd: '2028-12-31',
      decidedByGroup: false,
      principal: { kind: 'follow', group: SAMRAD, next: 'region', projected: false },
      excludedParty: null,
      candidateParties: ['koncernkontoret', 'narhalsan', 'su'],
      vicePrincipal: 'kommun',
    });
  });

  it('LGS: samråd without history → alternates against LGS’s own region chair: kommun next, vice from the region (000)', () => {
    expect(nextChair(LGS_TERMS, gt(SAMRAD, []), PRINCIPALS, LGS_TABLE, '2025-06-01')).toEqual({
      startsOn: '2027-01-01',
      plannedEnd: '2028-12-31',
      decidedByGroup: false,
      principal: { kind: 'follow-fallback', group: SAMRAD, previous: 'region', next: 'kommun' },
      excludedParty: null,
      candidateParties: ['goteborg-ifo', 'molndal', 'goteborg-avo'],
      vicePrincipal: 'region',
    });
  });

  it('SAMLA samordningsgrupp: 1-year term following the political group, vice from the other principal', () => {
    expect(nextChair(SAMLA_SAM_TERMS, SAMLA_POL_TERMS, SAMLA_PRINCIPALS, SAMLA_TABLE, '2025-03-01')).toEqual({
      startsOn: '2026-01-01',
      plannedEnd: '2026-12-31',
      decidedByGroup: false,
      principal: { kind: 'follow', group: SAMLA_POL, next: 'region', projected: true },
      excludedParty: null,
      candidateParties: ['delregional-namnd-vastra', 'offentliga-vardcentraler', 'privata-vardcentraler', 'regionhalsan'],
      vicePrincipal: 'kommun',
    });
  });

  it('SAMLA samordningsgrupp while the political group is kommun: kommun, vice region', () => {
    const next = nextChair(gt(SAMLA_SAM, []), SAMLA_POL_TERMS, SAMLA_PRINCIPALS, SAMLA_TABLE, '2025-03-01');
    expect(next?.principal).toEqual({ kind: 'follow', group: SAMLA_POL, next: 'kommun', projected: false });
    expect(next?.candidateParties).toEqual(['alingsas', 'gr', 'lerum']);
    expect(next?.vicePrincipal).toBe('region');
    expect(next?.startsOn).toBe('2025-03-01');
    expect(next?.plannedEnd).toBe('2026-02-28');
  });

  it('a group without a chair rule (LGS styrgrupp) has no next chair', () => {
    expect(nextChair(gt(STYRGRUPP, []), null, PRINCIPALS, LGS_TABLE, '2025-06-01')).toBeNull();
  });

  it.each([
    ['NOSAM', NOSAM_TERMS, null, NOSAM_TABLE, '2025-06-15', PRINCIPALS, GBG],
    ['temagrupp', TEMA_TERMS, null, TEMA_TABLE, '2025-06-01', PRINCIPALS, GBG],
    ['LGS', LGS_TERMS, SAMRAD_TERMS, LGS_TABLE, '2025-06-01', PRINCIPALS, GBG],
    ['SAMLA samordningsgrupp', SAMLA_SAM_TERMS, SAMLA_POL_TERMS, SAMLA_TABLE, '2025-03-01', SAMLA_PRINCIPALS, SAMLA],
  ] as const)('%s: the chair (and vice) nextChair suggests pass checkAppointment', (_name, g, followed, tbl, today, principals, org) => {
    const next = nextChair(g, followed, principals, tbl, today);
    if (next === null) throw new Error('expected a next chair');
    const chair = proposal('chair', holder(org, next.candidateParties[0] ?? ''), next.startsOn, next.plannedEnd);
    expect(checkAppointment(g, followed, principals, chair)).toEqual([]);
    if (next.vicePrincipal !== null) {
      const viceParty = tbl.find((p) => p.principal === next.vicePrincipal);
      const recorded = applyAppointment(g, chair, { id: 'new-chair', org: org.id, recordedBy: 'x', recordedAt: 'y', exception: null }).term;
      const vice = proposal('viceChair', holder(org, viceParty?.id ?? '', 3), next.startsOn, next.plannedEnd);
      expect(checkAppointment(gt(g.group, [...g.terms, recorded]), followed, principals, vice)).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------- checkAppointment

describe('checkAppointment', () => {
  type Case = [string, GroupTerms, GroupTerms | null, Proposal, RuleBreach[]];
  const check = (g: GroupTerms, followed: GroupTerms | null, p: Proposal, principals: readonly PrincipalId[] = PRINCIPALS) =>
    checkAppointment(g, followed, principals, p);

  const LGS_BEFORE_2025 = gt(LGS, [l23, lv23]);
  const LGS_CHAIR_ONLY_2025 = gt(LGS, [l23, lv23, l25]);

  describe('term-length', () => {
    it.each<Case>([
      [
        'NOSAM one day short',
        NOSAM_TERMS,
        null,
        proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-30'),
        [{ rule: 'term-length', expected: '2026-12-31', actual: '2026-12-30' }],
      ],
      [
        'NOSAM 18 months',
        NOSAM_TERMS,
        null,
        proposal('chair', G('narhalsan'), '2026-01-01', '2027-06-30'),
        [{ rule: 'term-length', expected: '2026-12-31', actual: '2027-06-30' }],
      ],
      [
        'temagrupp 12 months',
        TEMA_TERMS,
        null,
        proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-31'),
        [{ rule: 'term-length', expected: '2027-06-30', actual: '2026-12-31' }],
      ],
      [
        'LGS 12 months',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('chair', G('goteborg-ifo'), '2027-01-01', '2027-12-31'),
        [{ rule: 'term-length', expected: '2028-12-31', actual: '2027-12-31' }],
      ],
      [
        'SAMLA two years',
        SAMLA_SAM_TERMS,
        SAMLA_POL_TERMS,
        proposal('chair', S('offentliga-vardcentraler'), '2026-01-01', '2027-12-31'),
        [{ rule: 'term-length', expected: '2026-12-31', actual: '2027-12-31' }],
      ],
      ['NOSAM correct', NOSAM_TERMS, null, proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-31'), []],
      ['temagrupp correct across a year end', TEMA_TERMS, null, proposal('chair', G('narhalsan'), '2026-01-01', '2027-06-30'), []],
      ['temagrupp correct mid-year start', gt(TEMA, [t1, t2]), null, proposal('chair', G('goteborg-avo'), '2024-07-01', '2025-12-31'), []],
      ['LGS correct', LGS_TERMS, SAMRAD_TERMS, proposal('chair', G('goteborg-ifo'), '2027-01-01', '2028-12-31'), []],
      ['SAMLA correct', SAMLA_SAM_TERMS, SAMLA_POL_TERMS, proposal('chair', S('offentliga-vardcentraler'), '2026-01-01', '2026-12-31'), []],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p, g === SAMLA_SAM_TERMS ? SAMLA_PRINCIPALS : PRINCIPALS)).toEqual(expected);
    });
  });

  describe('principal-alternation', () => {
    const samlaPolWithKommun = SAMLA_POL_TERMS;
    it.each<Case>([
      [
        'NOSAM kommun after kommun',
        NOSAM_TERMS,
        null,
        proposal('chair', G('goteborg-ifo'), '2026-01-01', '2026-12-31'),
        [{ rule: 'principal-alternation', expected: 'region', actual: 'kommun' }],
      ],
      [
        'NOSAM region after region',
        gt(NOSAM, [n21, n22, n23, n24]),
        null,
        proposal('chair', G('narhalsan'), '2025-01-01', '2025-12-31'),
        [{ rule: 'principal-alternation', expected: 'kommun', actual: 'region' }],
      ],
      [
        'politiskt samråd region after region',
        SAMRAD_TERMS,
        null,
        proposal('chair', G('koncernkontoret'), '2027-01-01', '2028-12-31'),
        [{ rule: 'principal-alternation', expected: 'kommun', actual: 'region' }],
      ],
      [
        'SAMLA political group kommun after kommun',
        samlaPolWithKommun,
        null,
        proposal('chair', S('alingsas'), '2026-01-01', '2026-12-31'),
        [{ rule: 'principal-alternation', expected: 'region', actual: 'kommun' }],
      ],
      ['NOSAM region after kommun', NOSAM_TERMS, null, proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-31'), []],
      ['NOSAM kommun after region', gt(NOSAM, [n21, n22, n23, n24]), null, proposal('chair', G('goteborg-grundskola'), '2025-01-01', '2025-12-31'), []],
      ['politiskt samråd kommun after region', SAMRAD_TERMS, null, proposal('chair', G('goteborgs-stad'), '2027-01-01', '2028-12-31'), []],
      ['SAMLA political group region after kommun', samlaPolWithKommun, null, proposal('chair', S('delregional-namnd-vastra'), '2026-01-01', '2026-12-31'), []],
      ['NOSAM first term ever, kommun', gt(NOSAM, []), null, proposal('chair', G('goteborg-avo'), '2026-01-01', '2026-12-31'), []],
      ['NOSAM first term ever, region', gt(NOSAM, []), null, proposal('chair', G('su'), '2026-01-01', '2026-12-31'), []],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p)).toEqual(expected);
    });
  });

  describe('principal-follows-group', () => {
    const samlaPol2026Region = gt(SAMLA_POL, [sp25, term(SAMLA, SAMLA_POL, 'samla-pol-2026', 'chair', S('delregional-namnd-vastra'), '2026-01-01')]);
    it.each<Case>([
      [
        'LGS kommun while samråd is region',
        LGS_BEFORE_2025,
        SAMRAD_TERMS,
        proposal('chair', G('goteborg-ifo'), '2025-01-01', '2026-12-31'),
        [{ rule: 'principal-follows-group', expected: 'region', actual: 'kommun' }],
      ],
      [
        'LGS region when samråd is projected kommun',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('chair', G('narhalsan'), '2027-01-01', '2028-12-31'),
        [{ rule: 'principal-follows-group', expected: 'kommun', actual: 'region' }],
      ],
      ['LGS kommun one day before samråd changes to region', gt(LGS, []), SAMRAD_TERMS, proposal('chair', G('goteborg-ifo'), '2024-12-31', '2026-12-30'), []],
      [
        'LGS region one day before samråd changes to region',
        gt(LGS, []),
        SAMRAD_TERMS,
        proposal('chair', G('su'), '2024-12-31', '2026-12-30'),
        [{ rule: 'principal-follows-group', expected: 'kommun', actual: 'region' }],
      ],
      ['LGS region while samråd is region', LGS_BEFORE_2025, SAMRAD_TERMS, proposal('chair', G('su'), '2025-01-01', '2026-12-31'), []],
      ['LGS kommun when samråd is projected kommun', LGS_TERMS, SAMRAD_TERMS, proposal('chair', G('goteborg-ifo'), '2027-01-01', '2028-12-31'), []],
      // Before: any principal was accepted. Now LGS alternates against its own previous chair (kommun 2023).
      [
        'LGS, samråd without history: kommun again breaks the alternation',
        LGS_BEFORE_2025,
        gt(SAMRAD, []),
        proposal('chair', G('goteborg-ifo'), '2025-01-01', '2026-12-31'),
        [{ rule: 'principal-alternation', expected: 'region', actual: 'kommun' }],
      ],
      ['LGS, samråd without history: region follows the alternation', LGS_BEFORE_2025, gt(SAMRAD, []), proposal('chair', G('su'), '2025-01-01', '2026-12-31'), []],
      ['LGS and samråd both without history: any principal', gt(LGS, []), gt(SAMRAD, []), proposal('chair', G('goteborg-ifo'), '2025-01-01', '2026-12-31'), []],
      [
        'SAMLA kommun while the political group is region',
        SAMLA_SAM_TERMS,
        samlaPol2026Region,
        proposal('chair', S('lerum'), '2026-01-01', '2026-12-31'),
        [{ rule: 'principal-follows-group', expected: 'region', actual: 'kommun' }],
      ],
      ['SAMLA region while the political group is region', SAMLA_SAM_TERMS, samlaPol2026Region, proposal('chair', S('regionhalsan'), '2026-01-01', '2026-12-31'), []],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p)).toEqual(expected);
    });

    it('when samråd gets a new principal from the LGS start date, LGS must follow the new one', () => {
      const samradKommunUntil2024 = gt(SAMRAD, [s23]);
      const p = proposal('chair', G('goteborg-ifo'), '2025-01-01', '2026-12-31');
      // samråd kommun recorded as continuing (by exception) from 2025-01-01: LGS kommun is right
      const continued = gt(SAMRAD, [s23, term(GBG, SAMRAD, 'samrad-2025-k', 'chair', G('goteborgs-stad', 2), '2025-01-01')]);
      expect(check(LGS_BEFORE_2025, continued, p)).toEqual([]);
      // samråd region from 2025-01-01: LGS kommun breaks the rule
      expect(check(LGS_BEFORE_2025, SAMRAD_TERMS, p)).toEqual([{ rule: 'principal-follows-group', expected: 'region', actual: 'kommun' }]);
      // nothing recorded for samråd 2025: projected region, still a breach
      expect(check(LGS_BEFORE_2025, samradKommunUntil2024, p)).toEqual([{ rule: 'principal-follows-group', expected: 'region', actual: 'kommun' }]);
    });
  });

  describe('party-rotation', () => {
    it.each<Case>([
      [
        'temagrupp: the same party again (another person)',
        TEMA_TERMS,
        null,
        proposal('chair', G('goteborg-avo', 2), '2026-01-01', '2027-06-30'),
        [{ rule: 'party-rotation', expected: 'inte goteborg-avo', actual: 'goteborg-avo' }],
      ],
      [
        'temagrupp: the same person again by rotation',
        TEMA_TERMS,
        null,
        proposal('chair', G('goteborg-avo'), '2026-01-01', '2027-06-30'),
        [{ rule: 'party-rotation', expected: 'inte goteborg-avo', actual: 'goteborg-avo' }],
      ],
      ['temagrupp: the same principal, another party', TEMA_TERMS, null, proposal('chair', G('partille'), '2026-01-01', '2027-06-30'), []],
      ['temagrupp: a party that chaired before, not last', TEMA_TERMS, null, proposal('chair', G('su'), '2026-01-01', '2027-06-30'), []],
      [
        'temagrupp: after a gap the last party is still excluded',
        TEMA_TERMS,
        null,
        proposal('chair', G('goteborg-avo', 2), '2026-03-01', '2027-08-31'),
        [{ rule: 'party-rotation', expected: 'inte goteborg-avo', actual: 'goteborg-avo' }],
      ],
      [
        'LGS does not rotate among parties: su twice is fine',
        LGS_TERMS,
        gt(SAMRAD, [s23, s25, term(GBG, SAMRAD, 'samrad-2027', 'chair', G('delregional-namnd-goteborg'), '2027-01-01')]),
        proposal('chair', G('su', 2), '2027-01-01', '2028-12-31'),
        [],
      ],
      ['a vice chair is not bound by party rotation', TEMA_TERMS, null, proposal('viceChair', G('goteborg-avo', 2), '2026-01-01', '2027-06-30'), []],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p)).toEqual(expected);
    });
  });

  describe('vice-other-principal', () => {
    it.each<[string, GroupTerms, GroupTerms | null, Proposal, RuleBreach[], readonly PrincipalId[]]>([
      [
        'LGS vice region under a region chair',
        LGS_CHAIR_ONLY_2025,
        SAMRAD_TERMS,
        proposal('viceChair', G('narhalsan'), '2025-01-01', '2026-12-31'),
        [{ rule: 'vice-other-principal', expected: 'kommun', actual: 'region' }],
        PRINCIPALS,
      ],
      ['LGS vice kommun under a region chair', LGS_CHAIR_ONLY_2025, SAMRAD_TERMS, proposal('viceChair', G('goteborg-avo'), '2025-01-01', '2026-12-31'), [], PRINCIPALS],
      [
        'LGS vice kommun under a kommun chair',
        gt(LGS, [l23]),
        SAMRAD_TERMS,
        proposal('viceChair', G('molndal'), '2023-01-01', '2024-12-31'),
        [{ rule: 'vice-other-principal', expected: 'region', actual: 'kommun' }],
        PRINCIPALS,
      ],
      [
        'SAMLA vice kommun under a kommun chair',
        gt(SAMLA_SAM, [ss25]),
        SAMLA_POL_TERMS,
        proposal('viceChair', S('lerum'), '2025-01-01', '2025-12-31'),
        [{ rule: 'vice-other-principal', expected: 'region', actual: 'kommun' }],
        SAMLA_PRINCIPALS,
      ],
      [
        'SAMLA vice region under a kommun chair',
        gt(SAMLA_SAM, [ss25]),
        SAMLA_POL_TERMS,
        proposal('viceChair', S('regionhalsan'), '2025-01-01', '2025-12-31'),
        [],
        SAMLA_PRINCIPALS,
      ],
      ['temagrupp (vice optional) may take the chair’s principal', TEMA_TERMS, null, proposal('viceChair', G('partille'), '2025-01-01', '2026-06-30'), [], PRINCIPALS],
      ['NOSAM (vice optional) may take the chair’s principal', NOSAM_TERMS, null, proposal('viceChair', G('goteborg-avo'), '2025-01-01', '2025-12-31'), [], PRINCIPALS],
    ])('%s', (_name, g, followed, p, expected, principals) => {
      expect(check(g, followed, p, principals)).toEqual(expected);
    });
  });

  describe('vice-not-allowed', () => {
    it.each<Case>([
      [
        'vice chair in a group with vice "none"',
        gt(NOSAM_NO_VICE, NOSAM_TERMS.terms),
        null,
        proposal('viceChair', G('goteborg-avo'), '2026-01-01', '2026-12-31'),
        [{ rule: 'vice-not-allowed', expected: 'ingen vice ordförande', actual: 'Ledamot goteborg-avo 1' }],
      ],
      [
        'vice replacement in a group with vice "none"',
        gt(NOSAM_NO_VICE, NOSAM_TERMS.terms),
        null,
        proposal('viceChair', G('goteborg-avo'), '2025-06-01', '2025-12-31', 'replacement', null),
        [
          { rule: 'vice-not-allowed', expected: 'ingen vice ordförande', actual: 'Ledamot goteborg-avo 1' },
          { rule: 'replacement-without-term', expected: 'viceChair', actual: '2025-06-01' },
        ],
      ],
      ['the same vice chair in the real NOSAM (vice optional)', NOSAM_TERMS, null, proposal('viceChair', G('goteborg-avo'), '2026-01-01', '2026-12-31'), []],
      ['a chair in the group with vice "none"', gt(NOSAM_NO_VICE, NOSAM_TERMS.terms), null, proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-31'), []],
      ['a vice chair in a temagrupp (may appoint one)', TEMA_TERMS, null, proposal('viceChair', G('su'), '2026-01-01', '2027-06-30'), []],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p)).toEqual(expected);
    });
  });

  describe('replacements', () => {
    it.each<Case>([
      [
        'LGS chair replaced from the other principal',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('chair', G('goteborg-ifo'), '2025-09-01', '2026-12-31', 'replacement', 'lgs-2025-c'),
        [
          { rule: 'replacement-same-principal', expected: 'region', actual: 'kommun' },
          { rule: 'vice-other-principal', expected: 'region', actual: 'kommun' },
        ],
      ],
      [
        'LGS chair replaced from the same principal, another party',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('chair', G('narhalsan'), '2025-09-01', '2026-12-31', 'replacement', 'lgs-2025-c'),
        [],
      ],
      ['LGS chair replaced from the same party', LGS_TERMS, SAMRAD_TERMS, proposal('chair', G('su', 3), '2025-09-01', '2026-12-31', 'replacement', 'lgs-2025-c'), []],
      [
        'LGS vice replaced from the chair’s principal: two breaches',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('viceChair', G('narhalsan'), '2025-09-01', '2026-12-31', 'replacement', 'lgs-2025-v'),
        [
          { rule: 'replacement-same-principal', expected: 'kommun', actual: 'region' },
          { rule: 'vice-other-principal', expected: 'kommun', actual: 'region' },
        ],
      ],
      [
        'LGS vice replaced from the same principal',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('viceChair', G('molndal'), '2025-09-01', '2026-12-31', 'replacement', 'lgs-2025-v'),
        [],
      ],
      [
        'NOSAM chair replaced from the other principal',
        NOSAM_TERMS,
        null,
        proposal('chair', G('su', 2), '2025-06-01', '2025-12-31', 'replacement', 'nosam-2025'),
        [{ rule: 'replacement-same-principal', expected: 'kommun', actual: 'region' }],
      ],
      [
        'NOSAM chair replaced from the same principal mid-year (no new-year rule for replacements)',
        NOSAM_TERMS,
        null,
        proposal('chair', G('goteborg-avo', 2), '2025-06-01', '2025-12-31', 'replacement', 'nosam-2025'),
        [],
      ],
      [
        'temagrupp chair replaced from the other principal',
        TEMA_TERMS,
        null,
        proposal('chair', G('narhalsan', 2), '2025-03-01', '2025-12-31', 'replacement', 'tema-2024'),
        [{ rule: 'replacement-same-principal', expected: 'kommun', actual: 'region' }],
      ],
      [
        'temagrupp chair replaced by another kommun party',
        TEMA_TERMS,
        null,
        proposal('chair', G('partille'), '2025-03-01', '2025-12-31', 'replacement', 'tema-2024'),
        [],
      ],
      [
        'politiskt samråd (no replacement rule) may replace from either principal',
        SAMRAD_TERMS,
        null,
        proposal('chair', G('koncernkontoret'), '2025-09-01', '2026-12-31', 'replacement', 'samrad-2025'),
        [],
      ],
      [
        'replacement-end: a fresh 24-month term instead of the rest',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('chair', G('narhalsan'), '2025-09-01', '2027-08-31', 'replacement', 'lgs-2025-c'),
        [{ rule: 'replacement-end', expected: '2026-12-31', actual: '2027-08-31' }],
      ],
      [
        'replacement-end: ends before the original term',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('chair', G('narhalsan'), '2025-09-01', '2026-06-30', 'replacement', 'lgs-2025-c'),
        [{ rule: 'replacement-end', expected: '2026-12-31', actual: '2026-06-30' }],
      ],
      [
        'replacement from the other principal with the wrong end: both reported',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('chair', G('goteborg-ifo'), '2025-09-01', '2027-08-31', 'replacement', 'lgs-2025-c'),
        [
          { rule: 'replacement-same-principal', expected: 'region', actual: 'kommun' },
          { rule: 'replacement-end', expected: '2026-12-31', actual: '2027-08-31' },
          // The sitting vice chair is kommun too: chair and vice must come from different principals.
          { rule: 'vice-other-principal', expected: 'region', actual: 'kommun' },
        ],
      ],
      [
        'NOSAM replacement ending with the year',
        NOSAM_TERMS,
        null,
        proposal('chair', G('goteborg-avo', 2), '2025-06-01', '2026-05-31', 'replacement', 'nosam-2025'),
        [{ rule: 'replacement-end', expected: '2025-12-31', actual: '2026-05-31' }],
      ],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p)).toEqual(expected);
    });

    it('a replacement ends with the original term: applyAppointment ends the replaced term the day before and keeps history', () => {
      const p = proposal('chair', G('narhalsan'), '2025-09-01', '2026-12-31', 'replacement', 'lgs-2025-c');
      expect(check(LGS_TERMS, SAMRAD_TERMS, p)).toEqual([]);
      const meta = { id: 'lgs-2025-c-r', org: 'goteborgsomradet', recordedBy: 'aad-processledare-lgs', recordedAt: '2025-08-20T09:00:00.000Z', exception: null };
      const { term: recorded, ended } = applyAppointment(LGS_TERMS, p, meta);
      expect(recorded).toEqual({
        id: 'lgs-2025-c-r',
        org: 'goteborgsomradet',
        group: 'lgs',
        role: 'chair',
        holder: { aadObjectId: 'aad-narhalsan-1', displayName: 'Ledamot narhalsan 1', party: 'narhalsan', principal: 'region' },
        start: '2025-09-01',
        plannedEnd: '2026-12-31',
        actualEnd: null,
        origin: 'replacement',
        replaces: 'lgs-2025-c',
        exception: null,
        recordedBy: 'aad-processledare-lgs',
        recordedAt: '2025-08-20T09:00:00.000Z',
      });
      expect(recorded.plannedEnd).toBe(l25.plannedEnd);
      expect(ended).toEqual({ ...l25, actualEnd: '2025-08-31' });
      expect(ended?.plannedEnd).toBe('2026-12-31'); // the plan is kept; only the actual end is set
      expect(l25.actualEnd).toBeNull(); // the recorded term is not mutated

      const history = [...LGS_TERMS.terms.map((t) => (t.id === ended?.id ? ended : t)), recorded];
      expect(history.map((t) => t.id)).toEqual(['lgs-2023-c', 'lgs-2023-v', 'lgs-2025-c', 'lgs-2025-v', 'lgs-2025-c-r']);
      expect(presidiumOn(history, '2025-08-31').chair?.id).toBe('lgs-2025-c');
      expect(presidiumOn(history, '2025-09-01').chair?.id).toBe('lgs-2025-c-r');
      expect(presidiumOn(history, '2025-09-01').viceChair?.id).toBe('lgs-2025-v');
      expect(presidiumOn(history, '2026-12-31').chair?.id).toBe('lgs-2025-c-r');
      expect(presidiumOn(history, '2027-01-01').chair).toBeNull();
      // the next regular term still starts when the original would have ended
      expect(nextChair(gt(LGS, history), SAMRAD_TERMS, PRINCIPALS, LGS_TABLE, '2025-10-01')).toMatchObject({
        startsOn: '2027-01-01',
        plannedEnd: '2028-12-31',
        principal: { kind: 'follow', next: 'kommun', projected: true },
      });
    });

    // Seed 000: the replacement serves "for the rest of the term" of a chair who left: there
    // must be such a term, of the same post, in office on the replacement's first day.
    it.each([
      ['replaces null', null],
      ['replaces an unknown term id', 'no-such-term'],
    ])('a replacement that %s is refused: no term in progress to complete', (_name, replaces) => {
      const p = proposal('chair', G('goteborg-ifo'), '2025-09-01', '2030-12-31', 'replacement', replaces);
      expect(rules(check(LGS_TERMS, SAMRAD_TERMS, p))).toEqual(['replacement-without-term', 'vice-other-principal']);
    });

    // 001: SAMLA's chair "följer samma huvudman som ordförandeskapet i den politiska
    // samrådsgruppen", also mid-term, even though the rule has no leaving-principal replacement.
    it('a SAMLA replacement chair must still follow the political group’s principal', () => {
      const p = proposal('chair', S('regionhalsan', 2), '2025-06-01', '2025-12-31', 'replacement', 'samla-sam-2025-c');
      expect(rules(check(SAMLA_SAM_TERMS, SAMLA_POL_TERMS, p, SAMLA_PRINCIPALS))).toContain('principal-follows-group');
    });

    // 000: the principal appoints "ny ordförande eller vice ordförande" — like for like.
    it('a vice-chair replacement cannot replace (and end) the chair’s term', () => {
      const p = proposal('viceChair', G('goteborg-ifo'), '2025-09-01', '2026-12-31', 'replacement', 'lgs-2025-c');
      expect(rules(check(LGS_TERMS, SAMRAD_TERMS, p))).toContain('replacement-without-term');
      const { ended } = applyAppointment(LGS_TERMS, p, { id: 'r', org: 'goteborgsomradet', recordedBy: 'x', recordedAt: 'y', exception: null });
      expect(ended).toBeNull();
    });

    // The tema term ended 2025-12-31; a "replacement" from 2026-02-01 completes nothing.
    const lateReplacement = proposal('chair', G('partille'), '2026-02-01', '2025-12-31', 'replacement', 'tema-2024');
    it('refuses a replacement starting after the replaced term ended', () => {
      expect(rules(check(TEMA_TERMS, null, lateReplacement))).toEqual(['replacement-without-term']);
    });
    it('never lengthens a finished term when applying such a replacement', () => {
      const { ended } = applyAppointment(TEMA_TERMS, lateReplacement, { id: 'r', org: 'goteborgsomradet', recordedBy: 'x', recordedAt: 'y', exception: null });
      expect(ended).toBeNull();
    });
  });

  describe('extensions by consensus', () => {
    it.each<Case>([
      [
        'NOSAM cannot extend',
        NOSAM_TERMS,
        null,
        proposal('chair', G('goteborg-fss'), '2026-01-01', '2026-12-31', 'extension'),
        [{ rule: 'extension-not-allowed', expected: 'ingen förlängning', actual: 'förlängning' }],
      ],
      [
        'LGS cannot extend',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('chair', G('su', 2), '2027-01-01', '2028-12-31', 'extension'),
        [{ rule: 'extension-not-allowed', expected: 'ingen förlängning', actual: 'förlängning' }],
      ],
      [
        'SAMLA samordningsgrupp cannot extend',
        SAMLA_SAM_TERMS,
        SAMLA_POL_TERMS,
        proposal('chair', S('alingsas'), '2026-01-01', '2026-12-31', 'extension'),
        [{ rule: 'extension-not-allowed', expected: 'ingen förlängning', actual: 'förlängning' }],
      ],
      [
        'NOSAM extension also starting late: both reported',
        NOSAM_TERMS,
        null,
        proposal('chair', G('goteborg-fss'), '2026-02-01', '2026-12-31', 'extension'),
        [
          { rule: 'extension-not-allowed', expected: 'ingen förlängning', actual: 'förlängning' },
          { rule: 'extension-start', expected: '2026-01-01', actual: '2026-02-01' },
        ],
      ],
      [
        'temagrupp extension starting a month late',
        TEMA_TERMS,
        null,
        proposal('chair', G('goteborg-avo'), '2026-02-01', '2027-01-31', 'extension'),
        [{ rule: 'extension-start', expected: '2026-01-01', actual: '2026-02-01' }],
      ],
      [
        'temagrupp extension starting on the last day of the term',
        TEMA_TERMS,
        null,
        proposal('chair', G('goteborg-avo'), '2025-12-31', '2026-12-31', 'extension'),
        [{ rule: 'extension-start', expected: '2026-01-01', actual: '2025-12-31' }],
      ],
      [
        'temagrupp "extension" for another person of the same party',
        TEMA_TERMS,
        null,
        proposal('chair', G('goteborg-avo', 2), '2026-01-01', '2026-12-31', 'extension'),
        [{ rule: 'extension-start', expected: '2026-01-01', actual: '2026-01-01' }],
      ],
      [
        'temagrupp "extension" for another party',
        TEMA_TERMS,
        null,
        proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-31', 'extension'),
        [{ rule: 'extension-start', expected: '2026-01-01', actual: '2026-01-01' }],
      ],
      [
        'temagrupp "extension" with no term to extend',
        gt(TEMA, []),
        null,
        proposal('chair', G('goteborg-avo'), '2026-01-01', '2026-12-31', 'extension'),
        [{ rule: 'extension-start', expected: '', actual: '2026-01-01' }],
      ],
      ['temagrupp extension by consensus for a year', TEMA_TERMS, null, proposal('chair', G('goteborg-avo'), '2026-01-01', '2026-12-31', 'extension'), []],
      ['temagrupp extension by consensus for a full term', TEMA_TERMS, null, proposal('chair', G('goteborg-avo'), '2026-01-01', '2027-06-30', 'extension'), []],
      [
        'temagrupp extension of a term that ended early starts the day after its actual end',
        gt(TEMA, [t1, t2, { ...t3, actualEnd: '2025-09-30' }]),
        null,
        proposal('chair', G('goteborg-avo'), '2025-10-01', '2026-12-31', 'extension'),
        [],
      ],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p, g === SAMLA_SAM_TERMS ? SAMLA_PRINCIPALS : PRINCIPALS)).toEqual(expected);
    });

    it('a valid temagrupp extension is recorded as a new term; the extended term is left as it was', () => {
      const p = proposal('chair', G('goteborg-avo'), '2026-01-01', '2026-12-31', 'extension');
      const { term: recorded, ended } = applyAppointment(TEMA_TERMS, p, {
        id: 'tema-2026-ext',
        org: 'goteborgsomradet',
        recordedBy: 'aad-pl',
        recordedAt: '2025-11-01T10:00:00.000Z',
        exception: null,
      });
      expect(ended).toBeNull();
      expect(recorded).toMatchObject({
        id: 'tema-2026-ext',
        group: 'tema-aldre',
        origin: 'extension',
        replaces: null,
        start: '2026-01-01',
        plannedEnd: '2026-12-31',
        actualEnd: null,
      });
      const history = [...TEMA_TERMS.terms, recorded];
      expect(presidiumOn(history, '2025-12-31').chair?.id).toBe('tema-2024');
      expect(presidiumOn(history, '2025-12-31').nextChair?.id).toBe('tema-2026-ext');
      expect(presidiumOn(history, '2026-01-01').chair?.id).toBe('tema-2026-ext');
    });
  });

  describe('starts-at-new-year (NOSAM: the last meeting of the year appoints next year’s chair, 002)', () => {
    it.each<Case>([
      [
        'NOSAM chair from 1 February',
        NOSAM_TERMS,
        null,
        proposal('chair', G('narhalsan'), '2026-02-01', '2027-01-31'),
        [{ rule: 'starts-at-new-year', expected: '2026-01-01', actual: '2026-02-01' }],
      ],
      [
        'NOSAM chair from 31 December',
        gt(NOSAM, [n21, n22, n23, n24]),
        null,
        proposal('chair', G('goteborg-avo'), '2024-12-31', '2025-12-30'),
        [
          { rule: 'overlaps-current-term', expected: '2025-01-01', actual: '2024-12-31' },
          { rule: 'starts-at-new-year', expected: '2024-01-01', actual: '2024-12-31' },
        ],
      ],
      [
        'NOSAM vice chair from 1 March',
        NOSAM_TERMS,
        null,
        proposal('viceChair', G('su'), '2026-03-01', '2027-02-28'),
        [{ rule: 'starts-at-new-year', expected: '2026-01-01', actual: '2026-03-01' }],
      ],
      [
        'NOSAM first chair ever from 1 March',
        gt(NOSAM, []),
        null,
        proposal('chair', G('su'), '2023-03-01', '2024-02-29'),
        [{ rule: 'starts-at-new-year', expected: '2023-01-01', actual: '2023-03-01' }],
      ],
      ['NOSAM chair from 1 January', NOSAM_TERMS, null, proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-31'), []],
      ['temagrupp (any meeting) from 1 February', TEMA_TERMS, null, proposal('chair', G('narhalsan'), '2026-02-01', '2027-07-31'), []],
      ['LGS (any meeting) from 1 March', LGS_TERMS, SAMRAD_TERMS, proposal('chair', G('goteborg-ifo'), '2027-03-01', '2029-02-28'), []],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p)).toEqual(expected);
    });
  });

  describe('overlaps-current-term', () => {
    it.each<Case>([
      [
        'temagrupp chair starting while the current one is in office',
        TEMA_TERMS,
        null,
        proposal('chair', G('narhalsan'), '2025-10-01', '2027-03-31'),
        [{ rule: 'overlaps-current-term', expected: '2026-01-01', actual: '2025-10-01' }],
      ],
      [
        'temagrupp chair starting on the current one’s last day',
        TEMA_TERMS,
        null,
        proposal('chair', G('narhalsan'), '2025-12-31', '2027-06-30'),
        [{ rule: 'overlaps-current-term', expected: '2026-01-01', actual: '2025-12-31' }],
      ],
      [
        'LGS vice starting while the current vice is in office',
        LGS_TERMS,
        SAMRAD_TERMS,
        proposal('viceChair', G('goteborg-ifo'), '2026-01-01', '2027-12-31'),
        [{ rule: 'overlaps-current-term', expected: '2027-01-01', actual: '2026-01-01' }],
      ],
      [
        'NOSAM 2025 chair recorded twice, wrong principal too',
        NOSAM_TERMS,
        null,
        proposal('chair', G('narhalsan'), '2025-01-01', '2025-12-31'),
        [
          { rule: 'overlaps-current-term', expected: '2026-01-01', actual: '2025-01-01' },
          { rule: 'principal-alternation', expected: 'kommun', actual: 'region' },
        ],
      ],
      ['temagrupp chair the day after the current term', TEMA_TERMS, null, proposal('chair', G('narhalsan'), '2026-01-01', '2027-06-30'), []],
      [
        'temagrupp chair the day after a term that ended early',
        gt(TEMA, [t1, t2, { ...t3, actualEnd: '2025-08-31' }]),
        null,
        proposal('chair', G('narhalsan'), '2025-09-01', '2027-02-28'),
        [],
      ],
      ['LGS vice the day after the current vice', LGS_TERMS, SAMRAD_TERMS, proposal('viceChair', G('su'), '2027-01-01', '2028-12-31'), []],
    ])('%s', (_name, g, followed, p, expected) => {
      expect(check(g, followed, p)).toEqual(expected);
    });
  });

  describe('several breaches at once', () => {
    it('NOSAM: same party and principal again, mid-year, overlapping, wrong length — all five reported, in order', () => {
      expect(check(NOSAM_TERMS, null, proposal('chair', G('goteborg-fss', 2), '2025-07-01', '2026-12-31'))).toEqual([
        { rule: 'term-length', expected: '2026-06-30', actual: '2026-12-31' },
        { rule: 'overlaps-current-term', expected: '2026-01-01', actual: '2025-07-01' },
        { rule: 'starts-at-new-year', expected: '2025-01-01', actual: '2025-07-01' },
        { rule: 'principal-alternation', expected: 'region', actual: 'kommun' },
        { rule: 'party-rotation', expected: 'inte goteborg-fss', actual: 'goteborg-fss' },
      ]);
    });

    it('LGS vice: wrong length and the chair’s principal', () => {
      expect(check(LGS_CHAIR_ONLY_2025, SAMRAD_TERMS, proposal('viceChair', G('narhalsan'), '2025-01-01', '2025-12-31'))).toEqual([
        { rule: 'term-length', expected: '2026-12-31', actual: '2025-12-31' },
        { rule: 'vice-other-principal', expected: 'kommun', actual: 'region' },
      ]);
    });

    it('LGS chair: following the wrong principal, too short and overlapping', () => {
      expect(rules(check(LGS_TERMS, SAMRAD_TERMS, proposal('chair', G('goteborg-ifo'), '2026-01-01', '2026-12-31')))).toEqual([
        'term-length',
        'overlaps-current-term',
        'principal-follows-group',
        'vice-other-principal',
      ]);
    });

    it('vice-not-allowed with a wrong length', () => {
      expect(check(gt(NOSAM_NO_VICE, NOSAM_TERMS.terms), null, proposal('viceChair', G('su'), '2026-01-01', '2026-06-30'))).toEqual([
        { rule: 'vice-not-allowed', expected: 'ingen vice ordförande', actual: 'Ledamot su 1' },
        { rule: 'term-length', expected: '2026-12-31', actual: '2026-06-30' },
      ]);
    });
  });

  it('a group without a chair rule accepts anything', () => {
    expect(check(gt(STYRGRUPP, []), null, proposal('chair', G('su'), '2025-02-03', '2025-02-04', 'extension'))).toEqual([]);
  });

  // One minimal triggering case per code, typed by RuleCode: a new code in RULE_CODES does not
  // compile until it has a case here, and each case must really produce its code.
  const TRIGGERS: Record<RuleCode, () => readonly RuleBreach[]> = {
    'term-length': () => check(NOSAM_TERMS, null, proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-30')),
    'principal-alternation': () => check(NOSAM_TERMS, null, proposal('chair', G('goteborg-ifo'), '2026-01-01', '2026-12-31')),
    'principal-follows-group': () => check(LGS_BEFORE_2025, SAMRAD_TERMS, proposal('chair', G('goteborg-ifo'), '2025-01-01', '2026-12-31')),
    'party-rotation': () => check(TEMA_TERMS, null, proposal('chair', G('goteborg-avo', 2), '2026-01-01', '2027-06-30')),
    'vice-other-principal': () => check(LGS_CHAIR_ONLY_2025, SAMRAD_TERMS, proposal('viceChair', G('narhalsan'), '2025-01-01', '2026-12-31')),
    'vice-not-allowed': () => check(gt(NOSAM_NO_VICE, NOSAM_TERMS.terms), null, proposal('viceChair', G('goteborg-avo'), '2026-01-01', '2026-12-31')),
    'replacement-same-principal': () => check(NOSAM_TERMS, null, proposal('chair', G('su', 2), '2025-06-01', '2025-12-31', 'replacement', 'nosam-2025')),
    'replacement-end': () => check(LGS_TERMS, SAMRAD_TERMS, proposal('chair', G('narhalsan'), '2025-09-01', '2027-08-31', 'replacement', 'lgs-2025-c')),
    'replacement-without-term': () => check(TEMA_TERMS, null, proposal('chair', G('partille'), '2026-02-01', '2025-12-31', 'replacement', 'tema-2024')),
    'extension-not-allowed': () => check(NOSAM_TERMS, null, proposal('chair', G('goteborg-fss'), '2026-01-01', '2026-12-31', 'extension')),
    'extension-start': () => check(TEMA_TERMS, null, proposal('chair', G('goteborg-avo'), '2026-02-01', '2027-01-31', 'extension')),
    'starts-at-new-year': () => check(NOSAM_TERMS, null, proposal('chair', G('narhalsan'), '2026-02-01', '2027-01-31')),
    'overlaps-current-term': () => check(TEMA_TERMS, null, proposal('chair', G('narhalsan'), '2025-10-01', '2027-03-31')),
  };

  it.each([...RULE_CODES])('the rule code %s is produced by a real case', (code) => {
    expect(rules(TRIGGERS[code]())).toContain(code);
  });
});

describe('applyAppointment', () => {
  const meta = { id: 'new', org: 'goteborgsomradet', recordedBy: 'aad-pl', recordedAt: '2025-12-10T15:00:00.000Z', exception: null };

  it('a rotation ends nothing', () => {
    const p = proposal('chair', G('narhalsan'), '2026-01-01', '2026-12-31');
    const r = applyAppointment(NOSAM_TERMS, p, meta);
    expect(r.ended).toBeNull();
    expect(r.term).toMatchObject({
      id: 'new',
      group: 'nosam-sydvast',
      role: 'chair',
      origin: 'rotation',
      replaces: null,
      actualEnd: null,
      start: '2026-01-01',
      plannedEnd: '2026-12-31',
    });
  });

  it('records an accepted exception with the term', () => {
    const exception = { rules: ['principal-alternation', 'party-rotation'] as RuleCode[], reason: 'Enighet i NOSAM 2025-12-04: ingen regionpart kunde ta uppdraget.' };
    const p = proposal('chair', G('goteborg-fss', 2), '2026-01-01', '2026-12-31');
    expect(rules(checkAppointment(NOSAM_TERMS, null, PRINCIPALS, p))).toEqual(['principal-alternation', 'party-rotation']);
    expect(applyAppointment(NOSAM_TERMS, p, { ...meta, exception }).term.exception).toEqual(exception);
  });

  it('a NOSAM replacement ends the replaced term the day before and finishes the year', () => {
    const p = proposal('chair', G('goteborg-avo', 2), '2025-06-01', '2025-12-31', 'replacement', 'nosam-2025');
    const r = applyAppointment(NOSAM_TERMS, p, meta);
    expect(r.ended).toEqual({ ...n25, actualEnd: '2025-05-31' });
    expect(r.term.plannedEnd).toBe(n25.plannedEnd);
    const history = [...NOSAM_TERMS.terms.map((t) => (t.id === 'nosam-2025' && r.ended !== null ? r.ended : t)), r.term];
    expect(presidiumOn(history, '2025-05-31').chair?.holder.party).toBe('goteborg-fss');
    expect(presidiumOn(history, '2025-06-01').chair?.holder.party).toBe('goteborg-avo');
    expect(requiredChairPrincipal(gt(NOSAM, history), null, PRINCIPALS, '2026-01-01')).toEqual({ kind: 'alternate', previous: 'kommun', next: 'region' });
  });
});

// ---------------------------------------------------------------- term-end notices

describe('daysLeft', () => {
  it.each([
    ['2025-01-01', 364],
    ['2025-10-02', 90],
    ['2025-12-01', 30],
    ['2025-12-24', 7],
    ['2025-12-30', 1],
    ['2025-12-31', 0],
    ['2026-01-01', -1],
  ])('NOSAM 2025 term on %s: %i days left', (today, expected) => {
    expect(daysLeft(n25, today)).toBe(expected);
  });

  it('counts to the actual end of a term that ended early', () => {
    expect(daysLeft({ ...l25, actualEnd: '2025-08-31' }, '2025-08-01')).toBe(30);
  });
});

describe('projection over several elapsed terms, early ends and appointed successors', () => {
  const k21 = term(GBG, SAMRAD, 'samrad-2021', 'chair', G('goteborgs-stad'), '2021-01-01'); // kommun → 2022-12-31
  it.each([
    ['the term after (2023–24)', '2023-06-01', 'region'],
    ['two terms after (2025–26)', '2025-01-01', 'kommun'],
    ['three terms after (2027–28)', '2028-12-31', 'region'],
  ])('alternation flips once per whole term passed: %s', (_n, date, principal) => {
    expect(chairPrincipalOn(gt(SAMRAD, [k21]), PRINCIPALS, date)).toEqual({ principal, projected: true });
  });

  it("keeps a term's principal until its planned end when it ended early with no successor", () => {
    const early = { ...k21, actualEnd: '2021-06-30' };
    expect(chairPrincipalOn(gt(SAMRAD, [early]), PRINCIPALS, '2021-07-01')).toEqual({ principal: 'kommun', projected: true });
    expect(chairPrincipalOn(gt(SAMRAD, [early]), PRINCIPALS, '2023-01-01')).toEqual({ principal: 'region', projected: true });
  });

  it('offers the term after an already appointed successor, not the successor’s own slot', () => {
    const appointed = term(GBG, TEMA, 'tema-2026', 'chair', G('su'), '2026-01-01'); // → 2027-06-30
    const next = nextChair(gt(TEMA, [t1, t2, t3, appointed]), null, PRINCIPALS, TEMA_TABLE, '2025-12-15');
    expect([next?.startsOn, next?.plannedEnd, next?.excludedParty]).toEqual(['2027-07-01', '2028-12-31', 'su']);
  });

  it('alternation ignores a cross-principal replacement: the term belongs to the replaced principal', () => {
    const replacement = term(GBG, SAMRAD, 'samrad-2021-r', 'chair', G('su'), '2022-01-01', '2022-12-31', { origin: 'replacement', replaces: 'samrad-2021' });
    const history = gt(SAMRAD, [{ ...k21, actualEnd: '2021-12-31' }, replacement]);
    expect(requiredChairPrincipal(history, null, PRINCIPALS, '2023-01-01')).toEqual({ kind: 'alternate', previous: 'kommun', next: 'region' });
  });
});
