import { addDays, addMonths, type IsoDate } from './calendarDate';
import type { GroupId, OrgId, PartyId, PrincipalId } from './organisation';

export type TermRole = 'chair' | 'viceChair';

/** How a term began (seed 000: rotation, replacement for the rest of a term, extension by consensus). */
export type TermOrigin = 'rotation' | 'replacement' | 'extension';

/** Who holds a term: a member, the party they represent and that party's principal. */
export interface TermHolder {
  readonly aadObjectId: string | null;
  readonly displayName: string;
  readonly party: PartyId;
  readonly principal: PrincipalId;
}

/** A recorded exception: the rules an appointment broke and why the group accepted it. */
export interface TermException {
  readonly rules: readonly RuleCode[];
  readonly reason: string;
}

/** One chair or vice-chair term. History is kept: a term is ended, never overwritten. */
export interface Term {
  readonly id: string;
  readonly org: OrgId;
  readonly group: GroupId;
  readonly role: TermRole;
  readonly holder: TermHolder;
  /** First day in office. */
  readonly start: IsoDate;
  /** Last day in office as planned when appointed. */
  readonly plannedEnd: IsoDate;
  /** Last day in office when the term ended early (a replacement took over); null otherwise. */
  readonly actualEnd: IsoDate | null;
  readonly origin: TermOrigin;
  /** For a replacement: the term it completes. */
  readonly replaces: string | null;
  readonly exception: TermException | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** Every rule an appointment can break; the Teams layer names each in plain words. */
export const RULE_CODES = [
  'term-length',
  'principal-alternation',
  'principal-follows-group',
  'party-rotation',
  'vice-other-principal',
  'vice-not-allowed',
  'replacement-same-principal',
  'replacement-end',
  'replacement-without-term',
  'extension-not-allowed',
  'extension-start',
  'starts-at-new-year',
  'overlaps-current-term',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/**
 * The planned end of a term with no length in the documents: it lasts until the next chair is
 * recorded (politiskt samråd, SAMLA's political group, NOSAM). Stored as a date so history keeps one shape.
 */
export const OPEN_END: IsoDate = '9999-12-31';

/** True when a term has no planned end: the group decides when the next change is. */
export const isOpenEnded = (t: Pick<Term, 'plannedEnd' | 'actualEnd'>): boolean => t.actualEnd === null && t.plannedEnd === OPEN_END;

/** The last day of a term of `months` starting on `start`: the day before the same date, or the month's last day when clamped; OPEN_END without a length. */
export function termEnd(start: IsoDate, months: number | null): IsoDate {
  if (months === null) return OPEN_END;
  const next = addMonths(start, months);
  return next.clamped ? next.date : addDays(next.date, -1);
}

/** The last day a term is (or was) in office. */
export const effectiveEnd = (t: Term): IsoDate => t.actualEnd ?? t.plannedEnd;

/** True when the term is in office on `date` (first and last day included). */
export const inOffice = (t: Term, date: IsoDate): boolean => t.start <= date && date <= effectiveEnd(t);

/** The holder of a role on a date: the term in office then, the latest-starting one if records overlap. */
export function termOn(terms: readonly Term[], role: TermRole, date: IsoDate): Term | null {
  const candidates = terms.filter((t) => t.role === role && inOffice(t, date));
  return candidates.sort((a, b) => b.start.localeCompare(a.start))[0] ?? null;
}

/** The most recent term of a role that started on or before `date`, in office or not. */
export function latestTermBy(terms: readonly Term[], role: TermRole, date: IsoDate): Term | null {
  return terms.filter((t) => t.role === role && t.start <= date).sort((a, b) => b.start.localeCompare(a.start))[0] ?? null;
}

/** The next term of a role already appointed to start after `date`. */
export function upcomingTerm(terms: readonly Term[], role: TermRole, date: IsoDate): Term | null {
  return terms.filter((t) => t.role === role && t.start > date).sort((a, b) => a.start.localeCompare(b.start))[0] ?? null;
}

/** A group's chair and vice chair on a date, with the terms that follow. */
export interface Presidium {
  readonly chair: Term | null;
  readonly viceChair: Term | null;
  readonly nextChair: Term | null;
  readonly nextViceChair: Term | null;
}

/** Who chairs and vice-chairs on `date`, and who is already appointed next. */
export function presidiumOn(terms: readonly Term[], date: IsoDate): Presidium {
  return {
    chair: termOn(terms, 'chair', date),
    viceChair: termOn(terms, 'viceChair', date),
    nextChair: upcomingTerm(terms, 'chair', date),
    nextViceChair: upcomingTerm(terms, 'viceChair', date),
  };
}
