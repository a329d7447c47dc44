import type { DecisionRule, GroupId, Organisation, OrgId } from './organisation';
import type { IsoDate } from './calendarDate';
import type { SentBack } from './meetings';
import { fail, ok, type Result } from './result';
import { foldDiacritics } from './names';

export const DECISION_KINDS = ['beslut', 'inriktningsbeslut', 'ställningstagande', 'ordförandebeslut'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * Göteborgsområdet (000): without consensus a matter is only sent back or struck. SAMLA (001)
 * "strävar efter att alla beslut fattas i bred enighet": there a decision without full
 * consensus (`bred-enighet`) is possible, with the dissent recorded.
 */
export const OUTCOMES = ['enighet', 'bred-enighet', 'antecknat', 'återremitterat', 'struket'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One principal's (or party's) förankring of a decision in its own organisation. */
export interface Forankring {
  readonly holder: string;
  readonly status: 'pending' | 'done';
  readonly doneOn: IsoDate | null;
  readonly reference: string | null;
}

/** A decision in the register; `version` grows with each correction, earlier versions are kept. */
export interface Decision {
  readonly org: OrgId;
  readonly group: GroupId;
  readonly year: number;
  readonly seq: number;
  /** e.g. "LGS 2026:14". */
  readonly number: string;
  readonly date: IsoDate;
  readonly kind: DecisionKind;
  readonly outcome: Outcome;
  readonly title: string;
  readonly text: string;
  readonly rationale: string;
  readonly meetingId: string | null;
  readonly itemId: string | null;
  readonly absentInputAtHand: boolean;
  readonly links: readonly string[];
  /** Reservation / avvikande mening recorded with a decision taken without full consensus; null otherwise. */
  readonly dissent: string | null;
  readonly forankring: readonly Forankring[];
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly version: number;
  readonly correctedBy: string | null;
  readonly retracted: { readonly by: string; readonly at: string; readonly reason: string } | null;
}

/** A decision as proposed, before it has a number: the decision's own fields, plus whether consensus was reached and who must anchor it. */
export type DecisionDraft = Pick<Decision, 'date' | 'kind' | 'outcome' | 'title' | 'text' | 'rationale' | 'meetingId' | 'itemId' | 'absentInputAtHand' | 'links'> & {
  /** Whether the group reached consensus (enighet). */
  readonly consensus: boolean;
  /** Principals or parties that must take the decision in their own organisation. */
  readonly forankring: readonly string[];
  /** Reservation / avvikande mening; required for `bred-enighet`. */
  readonly dissent?: string;
};

export type DraftProblem =
  | 'no-consensus-outcome'
  | 'consensus-outcome'
  | 'chair-decision-in-meeting'
  | 'meeting-decision-without-meeting'
  | 'empty-text'
  | 'broad-consensus-not-allowed'
  | 'dissent-missing';

/**
 * Checks a draft against the organisation's decision rule. `consensus-or-return` (000): without
 * consensus only återremitterat or struket. `broad-consensus` (001): without full consensus a
 * decision may also be taken in bred enighet, with the dissent recorded. With consensus a
 * decision is fattad i enighet or noted; an ordförandebeslut is taken between meetings; other
 * decisions belong to a meeting; a closed or sent-back matter needs no förankring (it is dropped).
 */
export function checkDraft(d: DecisionDraft, rule: DecisionRule['kind'] = 'consensus-or-return'): Result<DecisionDraft, DraftProblem> {
  if (d.text.trim() === '' || d.title.trim() === '') return fail('empty-text');
  if (d.outcome === 'bred-enighet') {
    if (rule !== 'broad-consensus') return fail('broad-consensus-not-allowed');
    if (d.consensus) return fail('consensus-outcome');
    if ((d.dissent ?? '').trim() === '') return fail('dissent-missing');
  } else {
    if (!d.consensus && d.outcome !== 'återremitterat' && d.outcome !== 'struket') return fail('no-consensus-outcome');
    if (d.consensus && (d.outcome === 'återremitterat' || d.outcome === 'struket')) return fail('consensus-outcome');
  }
  if (d.kind === 'ordförandebeslut' && d.meetingId !== null) return fail('chair-decision-in-meeting');
  if (d.kind !== 'ordförandebeslut' && d.meetingId === null) return fail('meeting-decision-without-meeting');
  // A sent-back or struck matter has nothing to anchor: the form's default förankring is dropped.
  if (d.outcome === 'återremitterat' || d.outcome === 'struket') return ok({ ...d, forankring: [] });
  return ok(d);
}

/** Whether an outcome means the group reached (full) consensus: decided or noted in enighet; sent back, struck or bred enighet without it. */
export const consensusOf = (outcome: Outcome): boolean => outcome === 'enighet' || outcome === 'antecknat';

/**
 * The förankring a new decision starts with: every principal of the organisation, pending
 * ("Varje huvudman ansvarar för att fatta formellt beslut … i den egna linje-/organisationen", 000).
 * The decision form is prefilled with it and the recorder may change it.
 */
export const defaultForankring = (org: Pick<Organisation, 'principals'>): string[] => org.principals.map((p) => p.id);

/** A decision's date must be a real date within 2000–2100 (a typo like 0226 or 20260 is refused). */
export const inDateWindow = (date: IsoDate): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= '2000-01-01' && date <= '2100-12-31';

/** The register number shown to users, e.g. "LGS 2026:14". */
export const decisionNumber = (groupShortName: string, year: number, seq: number): string => `${groupShortName} ${year}:${seq}`;

/** Builds the first version of a decision from a checked draft and its number. */
export function newDecision(d: DecisionDraft, at: { org: OrgId; group: GroupId; shortName: string; year: number; seq: number; by: string; now: string }): Decision {
  return {
    org: at.org,
    group: at.group,
    year: at.year,
    seq: at.seq,
    number: decisionNumber(at.shortName, at.year, at.seq),
    date: d.date,
    kind: d.kind,
    outcome: d.outcome,
    title: d.title.trim(),
    text: d.text.trim(),
    rationale: d.rationale.trim(),
    meetingId: d.meetingId,
    itemId: d.itemId,
    absentInputAtHand: d.absentInputAtHand,
    links: d.links,
    dissent: d.outcome === 'bred-enighet' ? (d.dissent ?? '').trim() : null,
    forankring: d.forankring.map((holder) => ({ holder, status: 'pending', doneOn: null, reference: null })),
    recordedBy: at.by,
    recordedAt: at.now,
    version: 1,
    correctedBy: null,
    retracted: null,
  };
}

/** A correction: a new version with the changed fields; the earlier version stays in the register. */
export function correctDecision(
  d: Decision,
  changes: Partial<Pick<Decision, 'title' | 'text' | 'rationale' | 'date' | 'links'>>,
  by: string,
  now: string,
): Result<Decision, 'retracted'> {
  if (d.retracted !== null) return fail('retracted');
  return ok({ ...d, ...changes, version: d.version + 1, correctedBy: by, recordedAt: now });
}

/** Marks a decision retracted: nothing is deleted. */
export function retractDecision(d: Decision, reason: string, by: string, now: string): Result<Decision, 'retracted'> {
  if (d.retracted !== null) return fail('retracted');
  return ok({ ...d, version: d.version + 1, retracted: { by, at: now, reason }, recordedAt: now });
}

/** Records that a principal has taken the decision in its own organisation. */
export function completeForankring(
  d: Decision,
  holder: string,
  doneOn: IsoDate,
  reference: string,
  now: string,
  by: string,
): Result<Decision, 'not-required' | 'already-done' | 'retracted'> {
  if (d.retracted !== null) return fail('retracted');
  const f = d.forankring.find((x) => x.holder === holder);
  if (f === undefined) return fail('not-required');
  if (f.status === 'done') return fail('already-done');
  return ok({
    ...d,
    forankring: d.forankring.map((x) => (x.holder === holder ? { holder, status: 'done', doneOn, reference } : x)),
    version: d.version + 1,
    correctedBy: by,
    recordedAt: now,
  });
}

/** An item sent back (återremitterat) returns to the group's queue for a coming agenda, with its history. */
export interface QueuedItem {
  readonly title: string;
  readonly origin: SentBack;
}

/** The queue entry for a decision that sent its matter back (not for one retracted). */
export function requeue(d: Decision): QueuedItem | null {
  return d.outcome === 'återremitterat' && d.retracted === null ? { title: d.title, origin: { kind: 'sent-back', decision: { year: d.year, seq: d.seq } } } : null;
}

/** True when every word (ignoring case and å/ä/ö) is in the decision's number, title, text or rationale. */
export function matchesWords(words: readonly string[]): (d: Decision) => boolean {
  const norm = foldDiacritics;
  const needles = words.map(norm);
  return (d) => {
    if (needles.length === 0) return true;
    const haystack = norm(`${d.number} ${d.title} ${d.text} ${d.rationale}`);
    return needles.every((w) => haystack.includes(w));
  };
}

/** Search by words (all must match, ignoring case and å/ä/ö) and optionally year: each text is folded once, so the cost is linear in decisions × text length × words. */
export function searchDecisions(ds: readonly Decision[], words: readonly string[], year: number | null): Decision[] {
  const matches = matchesWords(words);
  return ds
    .filter((d) => year === null || d.year === year)
    .filter(matches)
    .sort((a, b) => b.year - a.year || b.seq - a.seq);
}
