import { dateIn } from '../domain/calendarDate';
import type { GroupSettings } from '../domain/groupSettings';
import type { Group, Organisation } from '../domain/organisation';
import type { GroupMember, UserContext } from '../domain/people';
import { may, rolesIn } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { groupByIds, namedGroup, type NamedGroupFailure } from './chairCommands';
import { recordOf } from './groupRecord';
import type { GroupSettingsRepository, GroupStateRepository } from './ports';

export interface SettingsDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly settings: GroupSettingsRepository;
}

/** What the settings card shows: the group as it stands (file and Teams settings) and its roster for the justerare default. */
export interface SettingsView {
  readonly org: Organisation;
  readonly group: Group;
  readonly members: readonly GroupMember[];
  /** The group as the organisation file has it, for what "Som i organisationsfilen" means. */
  readonly file: Group;
}

async function allowed(user: UserContext, org: Organisation, group: Group, now: Date, deps: SettingsDeps) {
  const record = await recordOf(deps.groupState, org.id, group.id);
  return { record, ok: may('editSettings', rolesIn(user, { org: org.id, group: group.id, terms: record.terms, today: dateIn(now, org.timeZone) })) };
}

/** `inställningar <grupp>`: the settings card's content, for the group's process leader or an admin. */
export async function settingsForm(
  input: { user: UserContext; query: string; now: Date },
  deps: SettingsDeps,
): Promise<Result<SettingsView, NamedGroupFailure | Failure<'not-allowed', { group: Group }>>> {
  const found = namedGroup(input.query, input.user, deps.catalog);
  if (!found.ok) return found;
  const { org, group } = found.value;
  const a = await allowed(input.user, org, group, input.now, deps);
  if (!a.ok) return fail('not-allowed', { group });
  return ok({ org, group, members: a.record.members, file: deps.catalog.shippedGroup(org.id, group.id) ?? group });
}

export type SettingsInput = Omit<GroupSettings, 'by' | 'at'> & { readonly org: string; readonly group: string };

/**
 * Saves the group's settings (who and when kept) and hands them to the catalog, so the meeting
 * form, the förhinder texts and the årshjul read them at once. The justerare must be in the
 * group's roster. A refusal changes nothing.
 */
export async function saveSettings(
  input: SettingsInput,
  ctx: { user: UserContext; now: Date },
  deps: SettingsDeps,
): Promise<
  Result<{ org: Organisation; group: Group }, Failure<'group-gone', { group: string }> | Failure<'not-allowed', { group: Group }> | Failure<'unknown-justerare'>>
> {
  const found = groupByIds(input.org, input.group, deps.catalog);
  if (!found.ok) return found;
  const { org, group } = found.value;
  const a = await allowed(ctx.user, org, group, ctx.now, deps);
  if (!a.ok) return fail('not-allowed', { group });
  if (input.justerareDefault !== null && !a.record.members.some((m) => m.aadObjectId === input.justerareDefault)) return fail('unknown-justerare');
  const { org: _o, group: _g, ...values } = input;
  await deps.settings.saveGroupSettings(org.id, group.id, { ...values, by: ctx.user.aadObjectId, at: ctx.now.toISOString() });
  deps.catalog.setGroupSettings(org.id, await deps.settings.groupSettings(org.id));
  const now = deps.catalog.get(org.id) ?? org;
  return ok({ org: now, group: now.groups.find((g) => g.id === group.id) ?? group });
}

/** Reads every organisation's stored group settings into the catalog (start-up). */
export async function loadGroupSettings(deps: { catalog: OrgCatalog; settings: GroupSettingsRepository }): Promise<void> {
  for (const org of deps.catalog.all()) deps.catalog.setGroupSettings(org.id, await deps.settings.groupSettings(org.id));
}
