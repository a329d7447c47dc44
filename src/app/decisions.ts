import { randomBytes } from 'node:crypto';
import { dateIn, isIsoDate } from '../domain/calendarDate';
import {
  checkDraft,
  completeForankring,
  correctDecision,
  retractDecision,
  newDecision,
  inDateWindow,
  searchDecisions,
  type Decision,
  type DecisionDraft,
  type DraftProblem,
} from '../domain/decisions';
import type { Group, Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { mayIn, type Action } from '../domain/permissions';
import { fail, ok, type Result } from '../domain/result';
import type { DecisionRepository, GroupRecord } from './ports';

/** Who is asking, where, and when: what every decision use case needs for the permission check. */
export interface DecisionContext {
  readonly org: Organisation;
  readonly group: Group;
  readonly user: UserContext;
  readonly record: GroupRecord | undefined;
  readonly now: Date;
}

/** The permission module's verdict for this person in this group today. */
export function allowed(action: Action, ctx: DecisionContext): boolean {
  return mayIn(action, ctx.user, { org: ctx.org.id, group: ctx.group.id, terms: ctx.record?.terms ?? [], today: dateIn(ctx.now, ctx.org.timeZone) });
}

/** The key put on a decision form when it is shown: a replayed or double-clicked submission records one decision. */
export const newFormKey = () => randomBytes(8).toString('hex');

/** The record form may be shown (to those who record decisions), with its replay key. */
export function decisionForm(ctx: DecisionContext): Result<{ formKey: string }, 'not-allowed'> {
  return allowed('recordDecision', ctx) ? ok({ formKey: newFormKey() }) : fail('not-allowed');
}

export type RecordFailure = 'not-allowed' | 'bad-date' | DraftProblem;

/** A recorded decision; `replayed` when the same form had already recorded it. */
export interface Recorded {
  readonly decision: Decision;
  readonly replayed: boolean;
}

/** Records a decision with the group's next number for the year, after checking the role and the rules. */
export async function recordDecision(
  draft: DecisionDraft,
  ctx: DecisionContext & { formKey: string },
  repo: DecisionRepository,
): Promise<Result<Recorded, RecordFailure>> {
  if (!allowed('recordDecision', ctx)) return fail('not-allowed');
  if (!isIsoDate(draft.date) || !inDateWindow(draft.date)) return fail('bad-date');
  const checked = checkDraft(draft, ctx.org.decisionRule?.kind);
  if (!checked.ok) return checked;
  const year = Number(draft.date.slice(0, 4));
  const recorded = await repo.record(
    ctx.org.id,
    ctx.group.id,
    year,
    (seq) => newDecision(checked.value, { org: ctx.org.id, group: ctx.group.id, shortName: ctx.group.shortName, year, seq, by: ctx.user.aadObjectId, now: ctx.now.toISOString() }),
    ctx.formKey,
  );
  return ok(recorded);
}

/** Parses "2026:14" or "LGS 2026:14" into year and sequence. */
export function parseNumber(s: string): { year: number; seq: number } | null {
  const m = /(\d{4}):(\d{1,4})\s*$/.exec(s.trim());
  return m === null ? null : { year: Number(m[1]), seq: Number(m[2]) };
}

/** Bounds on a search, so no message can make it expensive. */
export const SEARCH_LIMITS = { words: 10, chars: 200 } as const;

/** The search words, cut to the limits; `cut` says whether anything was dropped. */
export function boundQuery(query: string): { words: string[]; cut: boolean } {
  const short = query.slice(0, SEARCH_LIMITS.chars);
  const all = short.split(/\s+/).filter((w) => w !== '');
  const words = all.slice(0, SEARCH_LIMITS.words);
  return { words, cut: short.length < query.trim().length || words.length < all.length };
}

/** The group's decisions matching the words (and a year, if one of the words is a year). */
export async function findDecisions(org: Organisation, group: Group, query: string, repo: DecisionRepository): Promise<{ decisions: Decision[]; cut: boolean }> {
  const { words, cut } = boundQuery(query);
  const year = words.find((w) => /^\d{4}$/.test(w));
  return { decisions: searchDecisions(await repo.list(org.id, group.id), words.filter((w) => w !== year), year === undefined ? null : Number(year)), cut };
}

/** Corrects a decision's text as a new version; the earlier one stays. */
export async function correct(
  target: { year: number; seq: number; etag: string },
  changes: { title: string; text: string; rationale: string },
  ctx: DecisionContext,
  repo: DecisionRepository,
): Promise<Result<Decision, 'not-allowed' | 'unknown' | 'retracted' | 'conflict' | 'empty-text'>> {
  if (!allowed('recordDecision', ctx)) return fail('not-allowed');
  if (changes.title.trim() === '' || changes.text.trim() === '') return fail('empty-text');
  const found = await repo.get(ctx.org.id, ctx.group.id, target.year, target.seq);
  if (found === null) return fail('unknown');
  if (found.etag !== target.etag) return fail('conflict');
  const next = correctDecision(found.decision, { title: changes.title.trim(), text: changes.text.trim(), rationale: changes.rationale.trim() }, ctx.user.aadObjectId, ctx.now.toISOString());
  if (!next.ok) return next;
  const saved = await repo.saveVersion(next.value, found.etag);
  return saved.ok ? ok(next.value) : fail('conflict');
}

/** Records that a principal or party has taken the decision in its own organisation. */
export async function markForankrad(
  target: { year: number; seq: number; holder: string; reference: string },
  ctx: DecisionContext,
  repo: DecisionRepository,
): Promise<Result<Decision, 'not-allowed' | 'unknown' | 'not-required' | 'already-done' | 'retracted' | 'conflict'>> {
  if (!allowed('recordDecision', ctx)) return fail('not-allowed');
  const found = await repo.get(ctx.org.id, ctx.group.id, target.year, target.seq);
  if (found === null) return fail('unknown');
  const next = completeForankring(found.decision, target.holder, dateIn(ctx.now, ctx.org.timeZone), target.reference.trim(), ctx.now.toISOString(), ctx.user.aadObjectId);
  if (!next.ok) return next;
  const saved = await repo.saveVersion(next.value, found.etag);
  return saved.ok ? ok(next.value) : fail('conflict');
}

/** Retracts a decision: marked as such with the reason, nothing deleted. */
export async function retract(
  target: { year: number; seq: number; reason: string },
  ctx: DecisionContext,
  repo: DecisionRepository,
): Promise<Result<Decision, 'not-allowed' | 'unknown' | 'retracted' | 'conflict' | 'empty-text'>> {
  if (!allowed('recordDecision', ctx)) return fail('not-allowed');
  if (target.reason.trim() === '') return fail('empty-text');
  const found = await repo.get(ctx.org.id, ctx.group.id, target.year, target.seq);
  if (found === null) return fail('unknown');
  const next = retractDecision(found.decision, target.reason.trim(), ctx.user.aadObjectId, ctx.now.toISOString());
  if (!next.ok) return next;
  const saved = await repo.saveVersion(next.value, found.etag);
  return saved.ok ? ok(next.value) : fail('conflict');
}
