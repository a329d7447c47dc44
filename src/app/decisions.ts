import { randomBytes } from 'node:crypto';
import { dateIn, isIsoDate } from '../domain/calendarDate';
import {
  checkDraft,
  completeForankring,
  correctDecision,
  retractDecision,
  newDecision,
  inDateWindow,
  matchesWords,
  type Decision,
  type DecisionDraft,
  type DraftProblem,
} from '../domain/decisions';
import type { IsoDate } from '../domain/calendarDate';
import { beforeStart, type Meeting } from '../domain/meetings';
import type { Group, Organisation } from '../domain/organisation';
import { orgsOfUser, type UserContext } from '../domain/people';
import { mayIn, type Action } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { GroupInOrg, GroupLookupFailure, OrgCatalog } from './catalog';
import { TERMS_ONLY, type DecisionRepository, type GroupRecord, type GroupStateRepository } from './ports';

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
    (seq) =>
      newDecision(checked.value, {
        org: ctx.org.id,
        group: ctx.group.id,
        shortName: ctx.group.shortName,
        year,
        seq,
        by: ctx.user.aadObjectId,
        now: ctx.now.toISOString(),
      }),
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

/**
 * How much one `beslut` reply reads: a listing reads the decisions it shows (plus one, to know
 * whether there are more); a search reads at most `scan` of the newest and offers the next
 * ones ("Visa fler"), so its cost never grows with the register.
 */
export const DECISION_PAGE = { shown: 10, scan: 300 } as const;

/** One page of a search or listing: `more` is where "Visa fler" continues (older than that decision). */
export interface FoundDecisions {
  readonly decisions: Decision[];
  readonly cut: boolean;
  /** The search words as used (for the next page's command), without the `före år:nr` part. */
  readonly query: string;
  readonly more: { readonly year: number; readonly seq: number } | null;
  /** Rows read for this page. */
  readonly scanned: number;
}

/** `före 2026:14` (or `before …`) at the end of a search: continue with older decisions than that one. */
function splitBefore(query: string): { query: string; before: { year: number; seq: number } | null } {
  const m = /(?:^|\s)(?:före|fore|before)\s+(\d{4}):(\d{1,4})\s*$/i.exec(query);
  if (m === null) return { query, before: null };
  return { query: query.slice(0, m.index).trim(), before: { year: Number(m[1]), seq: Number(m[2]) } };
}

/** The group's decisions matching the words (and a year, if one of the words is a year), newest first, one page. */
export async function findDecisions(org: Organisation, group: Group, query: string, repo: DecisionRepository): Promise<FoundDecisions> {
  const { query: search, before } = splitBefore(query.trim());
  const { words, cut } = boundQuery(search);
  const year = words.find((w) => /^\d{4}$/.test(w));
  const needles = words.filter((w) => w !== year);
  const page = await repo.newest(org.id, group.id, {
    year: year === undefined ? null : Number(year),
    before,
    limit: DECISION_PAGE.shown,
    scan: needles.length === 0 ? DECISION_PAGE.shown + 1 : DECISION_PAGE.scan,
    matches: matchesWords(needles),
  });
  return { decisions: page.decisions, cut, query: words.join(' '), more: page.more, scanned: page.scanned };
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
  const next = correctDecision(
    found.decision,
    { title: changes.title.trim(), text: changes.text.trim(), rationale: changes.rationale.trim() },
    ctx.user.aadObjectId,
    ctx.now.toISOString(),
  );
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

/** What the decision use cases read and write. */
export interface DecisionPorts {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly decisions: DecisionRepository;
}

/** Who is asking, and when. */
export interface Asker {
  readonly user: UserContext;
  readonly now: Date;
}

/** The group named by the words, looked up first in the user's own organisations. */
export function groupFor(ports: Pick<DecisionPorts, 'catalog'>, user: UserContext, query: string): Result<GroupInOrg, GroupLookupFailure> {
  return ports.catalog.findGroup(query, orgsOfUser(user));
}

/** A group by its ids (a card's data), or `unknown-group`. */
export function groupById(ports: Pick<DecisionPorts, 'catalog'>, orgId: string, groupId: string): Result<GroupInOrg, Failure<'unknown-group', { group: string }>> {
  const org = ports.catalog.get(orgId);
  const group = org?.groups.find((g) => g.id === groupId);
  return org === undefined || group === undefined ? fail('unknown-group', { group: groupId }) : ok({ org, group });
}

export async function contextFor(target: GroupInOrg, asker: Asker, ports: Pick<DecisionPorts, 'groupState'>): Promise<DecisionContext> {
  const record = (await ports.groupState.groups(target.org.id, [target.group.id], TERMS_ONLY)).get(target.group.id);
  return { ...target, user: asker.user, now: asker.now, record };
}

/** A group name is at most this many words: the rest of a command is searched, never tried as a name. */
export const GROUP_NAME_WORDS = 6;

/** The latest decisions (or those matching), for `beslut <grupp> [sökord] [år]`. */
export interface DecisionListing extends FoundDecisions {
  readonly group: Group;
  readonly canRecord: boolean;
}

/** Finds the group in the first words (longest name first) and searches its decisions with the rest. */
export async function listDecisions(words: readonly string[], asker: Asker, ports: DecisionPorts): Promise<Result<DecisionListing, 'group-not-found'>> {
  for (let n = Math.min(words.length, GROUP_NAME_WORDS); n >= 1; n--) {
    const found = groupFor(ports, asker.user, words.slice(0, n).join(' '));
    if (!found.ok) continue;
    const page = await findDecisions(found.value.org, found.value.group, words.slice(n).join(' '), ports.decisions);
    const canRecord = page.decisions.length > 0 && allowed('recordDecision', await contextFor(found.value, asker, ports));
    return ok({ ...page, group: found.value.group, canRecord });
  }
  return fail('group-not-found');
}

/** The record form: for a meeting (`org/group/meetingId`) or, as a chair decision, for a group by name. */
export interface DecisionFormView extends GroupInOrg {
  readonly meeting: Meeting | null;
  readonly today: IsoDate;
  readonly formKey: string;
}

export type DecisionFormFailure =
  Failure<'unknown-meeting'> | Failure<'group-not-found'> | Failure<'not-allowed', { group: Group }> | Failure<'not-started', { group: Group }>;

export async function openDecisionForm(
  target: { meetingRef: string } | { groupQuery: string },
  asker: Asker,
  ports: DecisionPorts,
): Promise<Result<DecisionFormView, DecisionFormFailure>> {
  let found: GroupInOrg;
  let meeting: Meeting | null = null;
  if ('groupQuery' in target) {
    const g = groupFor(ports, asker.user, target.groupQuery);
    if (!g.ok) return fail('group-not-found');
    found = g.value;
  } else {
    const [orgId = '', groupId = '', id = ''] = target.meetingRef.trim().split('/');
    const g = groupById(ports, orgId, groupId);
    if (!g.ok) return fail('unknown-meeting');
    meeting = (await ports.groupState.meeting(g.value.org.id, g.value.group.id, id))?.meeting ?? null;
    if (meeting === null) return fail('unknown-meeting');
    // A meeting decides once it has met; between meetings the chair decides (ordförandebeslut).
    if (beforeStart(meeting, asker.now)) return fail('not-started', { group: g.value.group });
    found = g.value;
  }
  const form = decisionForm(await contextFor(found, asker, ports));
  if (!form.ok) return fail('not-allowed', { group: found.group });
  return ok({ ...found, meeting, today: dateIn(asker.now, found.org.timeZone), formKey: form.value.formKey });
}

/** A submitted record form, parsed; ids as the card sent them. */
export interface RecordInput {
  readonly org: string;
  readonly group: string;
  readonly formKey: string;
  readonly draft: DecisionDraft;
}

export type RecordFromFormFailure =
  | Failure<'unknown-group', { group: string }>
  | Failure<'unknown-holder'>
  | Failure<'not-allowed', { group: Group }>
  | Failure<'not-started', { group: Group }>
  | Failure<Exclude<RecordFailure, 'not-allowed'>>;

/** Records a decision from the form: the group and every förankring holder must exist in the organisation. */
export async function recordFromForm(input: RecordInput, asker: Asker, ports: DecisionPorts): Promise<Result<Recorded & { group: Group }, RecordFromFormFailure>> {
  const g = groupById(ports, input.org, input.group);
  if (!g.ok) return g;
  const { org, group } = g.value;
  const known = new Set([...org.principals.map((p) => p.id), ...org.parties.map((p) => p.id)]);
  if (input.draft.forankring.some((f) => !known.has(f))) return fail('unknown-holder');
  if (input.draft.meetingId !== null) {
    const held = await ports.groupState.meeting(org.id, group.id, input.draft.meetingId);
    if (held !== null && beforeStart(held.meeting, asker.now)) return fail('not-started', { group });
  }
  const result = await recordDecision(input.draft, { ...(await contextFor(g.value, asker, ports)), formKey: input.formKey }, ports.decisions);
  if (!result.ok) return result.code === 'not-allowed' ? fail('not-allowed', { group }) : fail(result.code);
  return ok({ ...result.value, group });
}
