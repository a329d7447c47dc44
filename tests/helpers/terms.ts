import type { Term, TermHolder } from '../../src/domain/chairTerms';

/**
 * The one builder for chair terms in tests: a rotation term of an LGS chair from the region,
 * nothing ended, replaced or excepted, unless `over` says otherwise. Test files wrap it in the
 * short signature their tables read best with.
 */
export function buildTerm(over: Partial<Term> = {}): Term {
  return {
    id: 'term-1',
    org: 'goteborgsomradet',
    group: 'lgs',
    role: 'chair',
    holder: termHolder('aad-su', 'su', 'region'),
    start: '2026-01-01',
    plannedEnd: '2026-12-31',
    actualEnd: null,
    origin: 'rotation',
    replaces: null,
    exception: null,
    recordedBy: 'aad-processledare',
    recordedAt: '2025-01-01T09:00:00.000Z',
    ...over,
  };
}

/** Who holds a term: an account (or none), the party and its principal. */
export function termHolder(aadObjectId: string | null, party: string, principal: string, displayName = `Ledamot ${party}`): TermHolder {
  return { aadObjectId, displayName, party, principal };
}
