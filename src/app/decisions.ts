import { dateIn, isIsoDate } from '../domain/calendarDate';
import { termOn } from '../domain/chairTerms';
import {
  checkDraft,
  completeForankring,
  correctDecision,
  retractDecision,
  newDecision,
  searchDecisions,
  type Decision,
  type DecisionDraft,
  type DraftProblem,
} from '../domain/decisions';
import type { Group, Organisation } from '../domain/organisation';
import { isProcessLeader, type UserContext } from '../domain/people';
import { fail, ok, type Result } from '../domain/result';
import type { DecisionRepository, GroupRecord } from './ports';

/** Only the chair, the vice chair or the process leader may record decisions (everyone may read). */
export function mayRecord(user: UserContext, org: Organisation, group: Group, record: GroupRecord | undefined, now: Date): boolean {
  if (isProcessLeader(user, org.id, group.id)) return true;
  const today = dateIn(now, org.timeZone);
  return (['chair', 'viceChair'] as const).some((r) => termOn(record?.terms ?? [], r, today)?.holder.aadObjectId === user.aadObjectId);
}

export type RecordFailure = 'not-allowed' | 'bad-date' | DraftProblem;

/** Records a decision with the group's next number for the year, after checking the role and the rules. */
export async function recordDecision(
  draft: DecisionDraft,
  ctx: { org: Organisation; group: Group; user: UserContext; record: GroupRecord | undefined; now: Date },
  repo: DecisionRepository,
): Promise<Result<Decision, RecordFailure>> {
  if (!mayRecord(ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-allowed');
  if (!isIsoDate(draft.date)) return fail('bad-date');
  const checked = checkDraft(draft);
  if (!checked.ok) return checked;
  const year = Number(draft.date.slice(0, 4));
  const decision = await repo.record(ctx.org.id, ctx.group.id, year, (seq) =>
    newDecision(checked.value, { org: ctx.org.id, group: ctx.group.id, shortName: ctx.group.shortName, year, seq, by: ctx.user.aadObjectId, now: ctx.now.toISOString() }),
  );
  return ok(decision);
}

/** Parses "2026:14" or "LGS 2026:14" into year and sequence. */
export function parseNumber(s: string): { year: number; seq: number } | null {
  const m = /(\d{4}):(\d{1,4})\s*$/.exec(s.trim());
  return m === null ? null : { year: Number(m[1]), seq: Number(m[2]) };
}

/** The group's decisions matching the words (and a year, if one of the words is a year). */
export async function findDecisions(org: Organisation, group: Group, query: string, repo: DecisionRepository): Promise<Decision[]> {
  const words = query.split(/\s+/).filter((w) => w !== '');
  const year = words.find((w) => /^\d{4}$/.test(w));
  return searchDecisions(await repo.list(org.id, group.id), words.filter((w) => w !== year), year === undefined ? null : Number(year));
}

/** Corrects a decision's text as a new version; the earlier one stays. */
export async function correct(
  target: { year: number; seq: number; etag: string },
  changes: { title: string; text: string; rationale: string },
  ctx: { org: Organisation; group: Group; user: UserContext; record: GroupRecord | undefined; now: Date },
  repo: DecisionRepository,
): Promise<Result<Decision, 'not-allowed' | 'unknown' | 'retracted' | 'conflict' | 'empty-text'>> {
  if (!mayRecord(ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-allowed');
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
  ctx: { org: Organisation; group: Group; user: UserContext; record: GroupRecord | undefined; now: Date },
  repo: DecisionRepository,
): Promise<Result<Decision, 'not-allowed' | 'unknown' | 'not-required' | 'already-done' | 'retracted' | 'conflict'>> {
  if (!mayRecord(ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-allowed');
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
  ctx: { org: Organisation; group: Group; user: UserContext; record: GroupRecord | undefined; now: Date },
  repo: DecisionRepository,
): Promise<Result<Decision, 'not-allowed' | 'unknown' | 'retracted' | 'conflict' | 'empty-text'>> {
  if (!mayRecord(ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-allowed');
  if (target.reason.trim() === '') return fail('empty-text');
  const found = await repo.get(ctx.org.id, ctx.group.id, target.year, target.seq);
  if (found === null) return fail('unknown');
  const next = retractDecision(found.decision, target.reason.trim(), ctx.user.aadObjectId, ctx.now.toISOString());
  if (!next.ok) return next;
  const saved = await repo.saveVersion(next.value, found.etag);
  return saved.ok ? ok(next.value) : fail('conflict');
}
