import type { Decision } from '../domain/decisions';
import type { Meeting } from '../domain/meetings';
import type { Minutes } from '../domain/minutes';
import type { Group, Organisation } from '../domain/organisation';
import { fail, ok, type Failure, type Result } from '../domain/result';
import { orgsOfUser, type UserContext } from '../domain/people';
import type { OrgCatalog } from './catalog';
import { allowed, type DecisionContext } from './decisions';
import { TERMS_ONLY, type CalendarTokenStore, type DecisionRepository, type GroupStateRepository } from './ports';

/** What an export holds: the group's decisions and its approved (or published) minutes. */
export interface ExportContent {
  readonly org: Organisation;
  readonly group: Group;
  readonly decisions: readonly Decision[];
  readonly minutes: readonly Minutes[];
  /** The group's meetings, so the export names a meeting by its date and time, never its id. */
  readonly meetings: readonly Meeting[];
  /** Display names by AAD id (the roster, the chair terms' holders, the names kept with the minutes), to put beside each id. */
  readonly people: Readonly<Record<string, string>>;
}

/** The content behind `/export/{token}/beslut.{md,csv,json}`, or null for an unknown token (the CSV needs no minutes). */
export async function exportContent(
  token: string,
  format: 'md' | 'csv' | 'json',
  deps: { tokens: CalendarTokenStore; catalog: OrgCatalog; decisions: DecisionRepository; groupState: Pick<GroupStateRepository, 'groups'> },
): Promise<ExportContent | null> {
  const target = await deps.tokens.resolve(token, 'export');
  const org = target === null ? undefined : deps.catalog.get(target.org);
  const group = org?.groups.find((g) => g.id === target?.group);
  if (org === undefined || group === undefined) return null;
  const decisions = await deps.decisions.list(org.id, group.id);
  const minutes = format === 'csv' ? [] : approvedMinutes(await deps.decisions.listMinutes(org.id, group.id));
  const record = (await deps.groupState.groups(org.id, [group.id], { members: format === 'json', meetings: 'all' })).get(group.id);
  // Later sources win: the current roster over a term's holder, and over a name kept with old minutes.
  const people: Record<string, string> = {};
  for (const m of minutes) Object.assign(people, m.names ?? {});
  for (const t of record?.terms ?? []) if (t.holder.aadObjectId !== null) people[t.holder.aadObjectId] = t.holder.displayName;
  for (const m of record?.members ?? []) people[m.aadObjectId] = m.displayName;
  return { org, group, decisions, minutes, meetings: record?.meetings ?? [], people };
}

/** Approved or published minutes, for the export (drafts are not public yet). */
const approvedMinutes = (ms: readonly Minutes[]) => ms.filter((m) => m.status === 'approved' || m.status === 'published');

/** The group's export token, for those who may export (admins and the group's leads). */
export async function exportToken(ctx: DecisionContext, tokens: CalendarTokenStore): Promise<Result<string, 'not-allowed'>> {
  if (!allowed('export', ctx)) return fail('not-allowed');
  return ok(await tokens.tokenFor(ctx.org.id, ctx.group.id, 'export'));
}

/** Replaces the group's export and calendar tokens (org admins only): old links stop working. */
export async function rotateTokens(ctx: DecisionContext, tokens: CalendarTokenStore): Promise<Result<string, 'not-allowed'>> {
  if (!allowed('rotateTokens', ctx)) return fail('not-allowed');
  await tokens.rotate(ctx.org.id, ctx.group.id);
  return ok(await tokens.tokenFor(ctx.org.id, ctx.group.id, 'export'));
}

/** The export links of a group, or new ones (`rotate`: old links stop working). */
export interface ExportLinks {
  readonly org: Organisation;
  readonly group: Group;
  readonly token: string;
  readonly rotated: boolean;
}

/**
 * `exportera <grupp>` (admins and the group's leads) and `exportera <grupp> ny länk` (admins):
 * the group's export token, new when rotating.
 */
export async function exportLinks(
  request: { groupQuery: string; rotate: boolean },
  asker: { user: UserContext; now: Date },
  ports: { catalog: OrgCatalog; groupState: GroupStateRepository; calendarTokens: CalendarTokenStore },
): Promise<Result<ExportLinks, Failure<'group-not-found'> | Failure<'not-allowed', { rotate: boolean }>>> {
  const found = ports.catalog.findGroup(request.groupQuery, orgsOfUser(asker.user));
  if (!found.ok) return fail('group-not-found');
  const { org, group } = found.value;
  const record = (await ports.groupState.groups(org.id, [group.id], TERMS_ONLY)).get(group.id);
  const ctx: DecisionContext = { org, group, user: asker.user, now: asker.now, record };
  const token = request.rotate ? await rotateTokens(ctx, ports.calendarTokens) : await exportToken(ctx, ports.calendarTokens);
  return token.ok ? ok({ org, group, token: token.value, rotated: request.rotate }) : fail('not-allowed', { rotate: request.rotate });
}
