import { upcomingDeadlines, type Occurrence } from '../domain/annualCycle';
import { addDays, dateIn, yearOf, type IsoDate } from '../domain/calendarDate';
import { yearOfKey } from '../domain/cycleEdits';
import type { CycleAudience, CycleEdit, Group, Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { may, rolesIn } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { groupByIds, namedGroup, type NamedGroupFailure } from './chairCommands';
import { recordOf } from './groupRecord';
import type { CycleEditRepository, GroupStateRepository } from './ports';

export interface CycleEditDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly cycleEdits: CycleEditRepository;
}

/** What the edit card shows: the group's dated occurrences of the coming year and whether org-wide edits are allowed. */
export interface CycleEditView {
  readonly org: Organisation;
  readonly group: Group;
  readonly occurrences: readonly Occurrence[];
  readonly mayEditOrg: boolean;
}

/** How far ahead the card offers dates: this year's and the coming months'. */
const HORIZON_DAYS = 400;

/** The occurrences a card may change: those with a date of their own (not derived from meetings or terms). */
function editable(org: Organisation, group: Group, state: Parameters<typeof upcomingDeadlines>[2], today: IsoDate): Occurrence[] {
  return upcomingDeadlines(org, group, state, addDays(today, -31), addDays(today, HORIZON_DAYS)).filter((o) => yearOfKey(o.key) !== null);
}

/** `årshjul <grupp> ändra`: the edit card's content, for the group's process leader, chair or an admin. */
export async function cycleEditForm(
  input: { user: UserContext; query: string; now: Date },
  deps: CycleEditDeps,
): Promise<Result<CycleEditView, NamedGroupFailure | Failure<'not-allowed', { group: Group }>>> {
  const found = namedGroup(input.query, input.user, deps.catalog);
  if (!found.ok) return found;
  const { org, group } = found.value;
  const today = dateIn(input.now, org.timeZone);
  const record = await recordOf(deps.groupState, org.id, group.id);
  const roles = rolesIn(input.user, { org: org.id, group: group.id, terms: record.terms, today });
  if (!may('editCycle', roles)) return fail('not-allowed', { group });
  return ok({ org, group, occurrences: editable(org, group, record, today), mayEditOrg: may('editOrgCycle', roles) });
}

/** One change from the edit card. */
export interface CycleChange {
  readonly org: string;
  readonly group: string;
  readonly action: 'confirm' | 'move' | 'remove' | 'add';
  /** The occurrence key (`item|proposed date`) for confirm, move and remove. */
  readonly target: string | null;
  /** The new date (move) or the one-off item's date (add). */
  readonly date: IsoDate | null;
  readonly title: string | null;
  readonly audience: readonly CycleAudience[];
  readonly remindDaysBefore: readonly number[];
  /** For the whole organisation (admins only) rather than this group. */
  readonly orgWide: boolean;
}

export type CycleChangeFailure =
  | Failure<'group-gone', { group: string }>
  | Failure<'not-allowed', { group: Group }>
  | Failure<'not-allowed-org', { group: Group }>
  | Failure<'choose-date'>
  | Failure<'need-date'>
  | Failure<'need-title'>;

/**
 * Confirms, moves or removes one of the group's dated årshjul occurrences for its year, or adds a
 * one-off item. The edit is appended to the organisation's log (who and when) and the catalog
 * takes it at once, so reminders, the årshjul card and the calendar feed follow. A refusal
 * changes nothing.
 */
export async function changeCycle(
  change: CycleChange,
  ctx: { user: UserContext; now: Date; newId: () => string },
  deps: CycleEditDeps,
): Promise<Result<{ org: Organisation; group: Group; edit: CycleEdit; occurrence: Occurrence | null }, CycleChangeFailure>> {
  const found = groupByIds(change.org, change.group, deps.catalog);
  if (!found.ok) return found;
  const { org, group } = found.value;
  const today = dateIn(ctx.now, org.timeZone);
  const record = await recordOf(deps.groupState, org.id, group.id);
  const roles = rolesIn(ctx.user, { org: org.id, group: group.id, terms: record.terms, today });
  if (!may('editCycle', roles)) return fail('not-allowed', { group });
  if (change.orgWide && !may('editOrgCycle', roles)) return fail('not-allowed-org', { group });
  const base = { id: ctx.newId(), group: change.orgWide ? null : group.id, by: ctx.user.aadObjectId, at: ctx.now.toISOString() };
  let edit: CycleEdit;
  if (change.action === 'add') {
    if (change.date === null) return fail('need-date');
    const title = change.title?.trim() ?? '';
    if (title === '') return fail('need-title');
    const audience = change.audience.length > 0 ? change.audience : (['processLeader'] as const);
    edit = {
      ...base,
      kind: 'add',
      year: yearOf(change.date),
      item: `extra-${base.id.replace(/[^a-z0-9]/g, '').slice(0, 12)}`,
      date: change.date,
      title,
      audience,
      remindDaysBefore: change.remindDaysBefore,
    };
  } else {
    // The target must be one of the group's dated occurrences: the card may be stale or forged.
    const target = editable(org, group, record, today).find((o) => o.key === change.target);
    const year = target === undefined ? null : yearOfKey(target.key);
    if (target === undefined || year === null) return fail('choose-date');
    if (change.action === 'move') {
      if (change.date === null) return fail('need-date');
      edit = { ...base, kind: 'move', year, target: target.key, date: change.date };
    } else edit = { ...base, kind: change.action, year, target: target.key };
  }
  await deps.cycleEdits.saveCycleEdit(org.id, edit);
  deps.catalog.setCycleEdits(org.id, await deps.cycleEdits.cycleEdits(org.id));
  const now = deps.catalog.get(org.id) ?? org;
  const key = edit.kind === 'add' ? `${edit.item}|${edit.date}` : edit.target;
  const occurrence = upcomingDeadlines(now, group, record, addDays(today, -731), addDays(today, 731)).find((o) => o.key === key) ?? null;
  return ok({ org: now, group, edit, occurrence });
}

/** Reads every organisation's stored edits into the catalog (start-up, and a new instance catching up). */
export async function loadCycleEdits(deps: { catalog: OrgCatalog; cycleEdits: CycleEditRepository }): Promise<number> {
  let count = 0;
  for (const org of deps.catalog.all()) {
    const edits = await deps.cycleEdits.cycleEdits(org.id);
    deps.catalog.setCycleEdits(org.id, edits);
    count += edits.length;
  }
  return count;
}
