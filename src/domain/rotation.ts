import { addDays, daysBetween, yearOf, type IsoDate } from './calendarDate';
import {
  effectiveEnd,
  inOffice,
  isOpenEnded,
  latestTermBy,
  termEnd,
  termOn,
  type RuleCode,
  type Term,
  type TermHolder,
  type TermOrigin,
  type TermRole,
} from './chairTerms';
import type { ChairRule, Group, PartyId, PrincipalId } from './organisation';

/** A group with its rule and its whole term history. */
export interface GroupTerms {
  readonly group: Group;
  readonly terms: readonly Term[];
}

/** Why a principal must (or may) take the next chair term; the cards layer words it. */
export type PrincipalReason =
  | { readonly kind: 'alternate'; readonly previous: PrincipalId; readonly next: PrincipalId }
  | { readonly kind: 'alternate-first'; readonly next: null }
  | { readonly kind: 'follow'; readonly group: Group; readonly next: PrincipalId; readonly projected: boolean }
  /** The followed group's chair is not registered: alternate against the group's own previous chair (000, 001). */
  | { readonly kind: 'follow-fallback'; readonly group: Group | null; readonly previous: PrincipalId; readonly next: PrincipalId }
  | { readonly kind: 'follow-unknown'; readonly group: Group; readonly next: null }
  | { readonly kind: 'any'; readonly next: null };

/** What the rules say about the next chair term of a group. */
export interface NextChair {
  /** The day the next regular term starts: the day after the current (or latest) chair's term; today when terms are open-ended. */
  readonly startsOn: IsoDate;
  readonly plannedEnd: IsoDate;
  /** The rule gives no term length: the group decides when the next change is (no term-end reminders). */
  readonly decidedByGroup: boolean;
  readonly principal: PrincipalReason;
  /** The outgoing chair's party, which may not chair again at once when the chair rotates among parties. */
  readonly excludedParty: PartyId | null;
  /** Parties at the table that may take the term, longest since chairing first (never chaired first). */
  readonly candidateParties: readonly PartyId[];
  /** The principal the vice chair must come from, when the rule says "the other principal". */
  readonly vicePrincipal: PrincipalId | null;
}

/** The other of exactly two principals. */
export function otherPrincipal(principals: readonly PrincipalId[], p: PrincipalId): PrincipalId | null {
  return principals.length === 2 ? (principals.find((x) => x !== p) ?? null) : null;
}

/**
 * The chair's principal of a group on a date: the term in office, else projected from the
 * latest term by the group's own rule (alternation flips it once the term has ended).
 */
export function chairPrincipalOn(g: GroupTerms, principals: readonly PrincipalId[], date: IsoDate): { principal: PrincipalId; projected: boolean } | null {
  const current = termOn(g.terms, 'chair', date);
  if (current !== null) return { principal: current.holder.principal, projected: false };
  const latest = latestTermBy(g.terms, 'chair', date);
  if (latest === null) return null;
  const rule = g.group.chairRule;
  // A term that ended early still belongs to its principal until its planned end.
  if (date <= latest.plannedEnd || rule?.principal.kind !== 'alternate') return { principal: latest.holder.principal, projected: true };
  // Each whole term that has passed since flips the principal once more.
  let principal = latest.holder.principal;
  let start = addDays(latest.plannedEnd, 1);
  for (let i = 0; i < 100; i++) {
    const flipped = otherPrincipal(principals, principal);
    if (flipped === null) return null;
    principal = flipped;
    const end = termEnd(start, rule.termMonths);
    if (date <= end) break;
    start = addDays(end, 1);
  }
  return { principal, projected: true };
}

/** The principal a chair term starting on `start` must come from, and why. */
export function requiredChairPrincipal(g: GroupTerms, followed: GroupTerms | null, principals: readonly PrincipalId[], start: IsoDate): PrincipalReason {
  const rule = g.group.chairRule;
  if (rule === null || rule.principal.kind === 'any') return { kind: 'any', next: null };
  const previous = latestTermBy(
    g.terms.filter((t) => t.origin !== 'replacement'),
    'chair',
    addDays(start, -1),
  );
  const alternated = previous === null ? null : otherPrincipal(principals, previous.holder.principal);
  if (rule.principal.kind === 'follow') {
    const p = followed === null ? null : chairPrincipalOn(followed, principals, start);
    if (p !== null && followed !== null) return { kind: 'follow', group: followed.group, next: p.principal, projected: p.projected };
    // Politicians rarely use the bot: alternate against the group's own previous chair.
    if (previous !== null && alternated !== null)
      return { kind: 'follow-fallback', group: followed?.group ?? null, previous: previous.holder.principal, next: alternated };
    return followed === null ? { kind: 'any', next: null } : { kind: 'follow-unknown', group: followed.group, next: null };
  }
  if (previous === null || alternated === null) return { kind: 'alternate-first', next: null };
  return { kind: 'alternate', previous: previous.holder.principal, next: alternated };
}

/** Which principal and party must take the next chair term of a group after `today`, and why. */
export function nextChair(
  g: GroupTerms,
  followed: GroupTerms | null,
  principals: readonly PrincipalId[],
  partiesAtTable: readonly { id: PartyId; principal: PrincipalId }[],
  today: IsoDate,
): NextChair | null {
  const rule = g.group.chairRule;
  if (rule === null) return null;
  const latest = latestTermBy(g.terms, 'chair', '9999-12-31');
  const decidedByGroup = rule.termMonths === null;
  const startsOn = openTermStart(rule, g.terms, 'chair', today);
  const principal = requiredChairPrincipal(g, followed, principals, startsOn);
  const excludedParty = rule.rotateAmongParties && latest !== null ? latest.holder.party : null;
  const lastChaired = (party: PartyId) => g.terms.filter((t) => t.role === 'chair' && t.holder.party === party).reduce((acc, t) => (t.start > acc ? t.start : acc), '');
  const candidateParties = partiesAtTable
    .filter((p) => (principal.next === null || p.principal === principal.next) && p.id !== excludedParty)
    .sort((a, b) => lastChaired(a.id).localeCompare(lastChaired(b.id)) || a.id.localeCompare(b.id))
    .map((p) => p.id);
  const vicePrincipal = rule.vice === 'other-principal' && principal.next !== null ? otherPrincipal(principals, principal.next) : null;
  return { startsOn, plannedEnd: termEnd(startsOn, rule.termMonths), decidedByGroup, principal, excludedParty, candidateParties, vicePrincipal };
}

/** The first day of a post's next open term: the day after its latest appointed term (when that runs to today or later), else today or next 1 January as the rule appoints. */
function openTermStart(rule: ChairRule, terms: readonly Term[], role: TermRole, today: IsoDate): IsoDate {
  const latest = latestTermBy(terms, role, '9999-12-31');
  if (latest !== null && !isOpenEnded(latest) && effectiveEnd(latest) >= today) return addDays(effectiveEnd(latest), 1);
  return rule.appointment === 'last-meeting-of-year' && !today.endsWith('-01-01') ? `${yearOf(today) + 1}-01-01` : today;
}

/** The dates of a post's (chair's or vice's) next open term, for the appointment form; null when the group has no chair rule. */
export function nextOpenTerm(group: Group, terms: readonly Term[], role: TermRole, today: IsoDate): { startsOn: IsoDate; plannedEnd: IsoDate } | null {
  const rule = group.chairRule;
  if (rule === null) return null;
  const startsOn = openTermStart(rule, terms, role, today);
  return { startsOn, plannedEnd: termEnd(startsOn, rule.termMonths) };
}

/** A proposed appointment, before it is recorded. */
export interface Proposal {
  readonly role: TermRole;
  readonly holder: TermHolder;
  readonly start: IsoDate;
  readonly plannedEnd: IsoDate;
  readonly origin: TermOrigin;
  /** For a replacement: the id of the term it completes. */
  readonly replaces: string | null;
}

/** One broken rule, with what the rule expected and what was proposed. */
export interface RuleBreach {
  readonly rule: RuleCode;
  readonly expected: string;
  readonly actual: string;
}

/**
 * Checks a proposed appointment against the group's rules. Returns every rule it breaks;
 * an empty list means it follows the rules.
 */
export function checkAppointment(g: GroupTerms, followed: GroupTerms | null, principals: readonly PrincipalId[], p: Proposal): RuleBreach[] {
  const rule = g.group.chairRule;
  if (rule === null) return [];
  const breaches: RuleBreach[] = [];
  const breach = (r: RuleCode, expected: string, actual: string) => breaches.push({ rule: r, expected, actual });
  if (p.role === 'viceChair' && rule.vice === 'none') breach('vice-not-allowed', 'ingen vice ordförande', p.holder.displayName);

  if (p.origin === 'rotation') checkRotation(g, followed, principals, rule, p, breach);
  if (p.origin === 'replacement') {
    const replaced = replacedTerm(g, p);
    if (replaced === null) breach('replacement-without-term', p.role, p.start);
    else {
      if (rule.replacementByLeavingPrincipal && replaced.holder.principal !== p.holder.principal)
        breach('replacement-same-principal', replaced.holder.principal, p.holder.principal);
      else if (!rule.replacementByLeavingPrincipal && p.role === 'chair' && rule.principal.kind === 'follow') {
        const required = requiredChairPrincipal(g, followed, principals, p.start);
        if (required.next !== null && required.next !== p.holder.principal) breach('principal-follows-group', required.next, p.holder.principal);
      }
      if (p.plannedEnd !== replaced.plannedEnd) breach('replacement-end', replaced.plannedEnd, p.plannedEnd);
    }
  }
  if (p.origin === 'extension') {
    if (!rule.extensionByConsensus) breach('extension-not-allowed', 'ingen förlängning', 'förlängning');
    const previous = latestTermBy(g.terms, p.role, p.start);
    const expectedStart = previous === null ? '' : addDays(effectiveEnd(previous), 1);
    if (previous?.holder.aadObjectId !== p.holder.aadObjectId || previous.holder.party !== p.holder.party || p.start !== expectedStart)
      breach('extension-start', expectedStart, p.start);
  }
  if (rule.vice === 'other-principal') {
    // The chair and the vice chair in office together come from different principals.
    const other = termOn(
      g.terms.filter((t) => t.id !== p.replaces),
      p.role === 'chair' ? 'viceChair' : 'chair',
      p.start,
    );
    if (other !== null && other.holder.principal === p.holder.principal)
      breach('vice-other-principal', otherPrincipal(principals, other.holder.principal) ?? '', p.holder.principal);
  }
  return breaches;
}

/** The open-ended term (no length in the documents) that a new regular term ends, if any. */
function openTermEndedBy(g: GroupTerms, p: Proposal): Term | null {
  const current = termOn(g.terms, p.role, p.start);
  return current !== null && isOpenEnded(current) && current.start < p.start ? current : null;
}

/** The term a replacement completes: same post, in office on the replacement's first day, started before it. */
function replacedTerm(g: GroupTerms, p: Proposal): Term | null {
  const t = g.terms.find((x) => x.id === p.replaces);
  return t?.role === p.role && inOffice(t, p.start) && t.start < p.start ? t : null;
}

function checkRotation(
  g: GroupTerms,
  followed: GroupTerms | null,
  principals: readonly PrincipalId[],
  rule: ChairRule,
  p: Proposal,
  breach: (r: RuleCode, expected: string, actual: string) => void,
): void {
  // Without a term length in the documents the group sets the end (or leaves it open).
  const expectedEnd = termEnd(p.start, rule.termMonths);
  if (rule.termMonths !== null && p.plannedEnd !== expectedEnd) breach('term-length', expectedEnd, p.plannedEnd);
  const current = termOn(g.terms, p.role, p.start);
  // An open-ended term ends when the next one is recorded.
  if (current !== null && !(isOpenEnded(current) && current.start < p.start)) breach('overlaps-current-term', addDays(effectiveEnd(current), 1), p.start);
  if (rule.appointment === 'last-meeting-of-year' && !p.start.endsWith('-01-01')) breach('starts-at-new-year', `${p.start.slice(0, 4)}-01-01`, p.start);
  if (p.role !== 'chair') return;
  const required = requiredChairPrincipal(g, followed, principals, p.start);
  if (required.next !== null && required.next !== p.holder.principal)
    breach(required.kind === 'follow' ? 'principal-follows-group' : 'principal-alternation', required.next, p.holder.principal);
  const previous = latestTermBy(g.terms, 'chair', addDays(p.start, -1));
  if (rule.rotateAmongParties && previous !== null && previous.holder.party === p.holder.party) breach('party-rotation', `inte ${previous.holder.party}`, p.holder.party);
}

/** Builds the term to record and, for a replacement, the term it ends early. */
export function applyAppointment(
  g: GroupTerms,
  p: Proposal,
  meta: { id: string; org: string; recordedBy: string; recordedAt: string; exception: Term['exception'] },
): { term: Term; ended: Term | null } {
  const term: Term = {
    id: meta.id,
    org: meta.org,
    group: g.group.id,
    role: p.role,
    holder: p.holder,
    start: p.start,
    plannedEnd: p.plannedEnd,
    actualEnd: null,
    origin: p.origin,
    replaces: p.replaces,
    exception: meta.exception,
    recordedBy: meta.recordedBy,
    recordedAt: meta.recordedAt,
  };
  const replaced = p.origin === 'replacement' ? replacedTerm(g, p) : openTermEndedBy(g, p);
  const ended = replaced !== null ? { ...replaced, actualEnd: addDays(p.start, -1) } : null;
  return { term, ended };
}

/** Days from `today` to the last day of a term (0 on the last day). */
export const daysLeft = (t: Term, today: IsoDate): number => daysBetween(today, effectiveEnd(t));
