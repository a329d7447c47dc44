import type { ConversationRef } from '../domain/conversation';
import { groupOf, hasDeputies, type Group, type Organisation } from '../domain/organisation';
import { mayByMembership } from '../domain/permissions';
import { orgsOfUser, type UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { GroupInOrg, GroupLookupFailure, OrgCatalog } from './catalog';
import { appoint, viewChairs, type AppointmentInput, type AppointResult, type ChairView } from './chairs';
import { groupsInContext } from './conversations';
import { addMember, mayEditRoster, type NewMember } from './members';
import { peopleToOffer, type KnownPerson, type PeopleToOfferDeps } from './peopleToOffer';
import type { ConversationRepository, GroupStateRepository } from './ports';

/** What the chair commands read: the catalog, channel links and group state. */
export interface ChairCommandDeps {
  readonly catalog: OrgCatalog;
  readonly conversations: ConversationRepository;
  readonly groupState: GroupStateRepository;
}

/** A command that needs a group name got none, or a name that is not one group. */
export type NamedGroupFailure = Failure<'no-group-named'> | GroupLookupFailure;

/** The group a command names, looked up first in the user's own organisations. */
export function namedGroup(query: string, user: UserContext, catalog: OrgCatalog): Result<GroupInOrg, NamedGroupFailure> {
  if (query.trim() === '') return fail('no-group-named');
  return catalog.findGroup(query, orgsOfUser(user));
}

/** The group a submitted card names by ids (the card may be stale: the group may be gone). */
export function groupByIds(org: string, group: string, catalog: OrgCatalog): Result<GroupInOrg, Failure<'group-gone', { group: string }>> {
  const o = catalog.get(org);
  const g = groupOf(o, group);
  return o === undefined || g === undefined ? fail('group-gone', { group }) : ok({ org: o, group: g });
}

/**
 * The groups a command is about: the one named, else the linked channel's, else the user's
 * own; `no-groups` when that leaves none.
 */
export async function targetGroups(
  input: { user: UserContext; channel: ConversationRef; query: string },
  deps: { catalog: OrgCatalog; conversations: ConversationRepository },
): Promise<Result<GroupInOrg[], GroupLookupFailure | Failure<'no-groups'>>> {
  if (input.query.trim() !== '') {
    const one = namedGroup(input.query, input.user, deps.catalog);
    return one.ok ? ok([one.value]) : (one as GroupLookupFailure);
  }
  const targets = await groupsInContext(input, deps);
  return targets.length === 0 ? fail('no-groups') : ok(targets);
}

/** `ordförande [grupp]`: the chair views of the named group, else of the channel's or the user's groups. */
export async function chairsInContext(
  input: { user: UserContext; channel: ConversationRef; query: string; now: Date },
  deps: ChairCommandDeps,
): Promise<Result<ChairView[], GroupLookupFailure | Failure<'no-groups'>>> {
  const targets = await targetGroups(input, deps);
  if (!targets.ok) return targets;
  // One query per organisation: the user's groups are almost always in one.
  const byOrg = new Map<Organisation, Group[]>();
  for (const t of targets.value) byOrg.set(t.org, [...(byOrg.get(t.org) ?? []), t.group]);
  const views: ChairView[] = [];
  for (const [org, groups] of byOrg) views.push(...(await viewChairs(org, groups, input.user, deps.groupState, input.now)));
  return ok(views);
}

/** The chair view of one named group (history, roster), with whether the user may edit its roster. */
export async function chairOfNamedGroup(
  input: { user: UserContext; query: string; now: Date },
  deps: { catalog: OrgCatalog; groupState: GroupStateRepository },
): Promise<Result<{ view: ChairView; mayEditRoster: boolean; mayNameDeputies: boolean }, NamedGroupFailure>> {
  const target = namedGroup(input.query, input.user, deps.catalog);
  if (!target.ok) return target;
  const { org, group } = target.value;
  const [view] = await viewChairs(org, [group], input.user, deps.groupState, input.now);
  // Deputies are named only where the group has them (its setting), by those the permission module allows.
  const mayNameDeputies = hasDeputies(group) && mayByMembership('nameDeputy', input.user, org.id, group.id);
  return ok({ view, mayEditRoster: mayEditRoster(input.user, org, group), mayNameDeputies });
}

/** `utse <grupp>`: the view behind the appointment form, for those allowed to appoint. */
export async function appointmentForm(
  input: { user: UserContext; query: string; now: Date },
  deps: { catalog: OrgCatalog; groupState: GroupStateRepository },
): Promise<Result<ChairView, NamedGroupFailure | Failure<'no-chair-rule', { group: string }> | Failure<'not-allowed', { group: string }>>> {
  const target = namedGroup(input.query, input.user, deps.catalog);
  if (!target.ok) return target;
  const { org, group } = target.value;
  if (group.chairRule === null) return fail('no-chair-rule', { group: group.shortName });
  const [view] = await viewChairs(org, [group], input.user, deps.groupState, input.now);
  return view.canAppoint ? ok(view) : fail('not-allowed', { group: group.shortName });
}

/** The appointment form's submission for the group it names by ids: see `appoint`. */
export async function appointFromForm(
  input: AppointmentInput & { readonly org: string; readonly group: string },
  ctx: { user: UserContext; now: Date; newId: () => string },
  deps: { catalog: OrgCatalog; groupState: GroupStateRepository },
): Promise<Result<{ target: GroupInOrg; result: AppointResult }, Failure<'group-gone', { group: string }>>> {
  const target = groupByIds(input.org, input.group, deps.catalog);
  if (!target.ok) return target;
  return ok({ target: target.value, result: await appoint(input, { ...ctx, ...target.value }, deps.groupState) });
}

/** `lägg till <grupp>`: the group and the people the bot can offer by name (see `peopleToOffer`), for those who may edit the roster. */
export async function addMemberForm(
  input: { user: UserContext; channel: ConversationRef; query: string },
  deps: PeopleToOfferDeps & { catalog: OrgCatalog },
): Promise<Result<{ target: GroupInOrg; people: KnownPerson[] }, NamedGroupFailure | Failure<'not-allowed', { group: string }>>> {
  const target = namedGroup(input.query, input.user, deps.catalog);
  if (!target.ok) return target;
  if (!mayEditRoster(input.user, target.value.org, target.value.group)) return fail('not-allowed', { group: target.value.group.shortName });
  return ok({ target: target.value, people: await peopleToOffer(target.value, input.channel, deps) });
}

/**
 * The add-member form's submission: the person must be one the form offers (checked again here,
 * asked only once the user is allowed, see `addMember`); their name comes with them, never typed.
 */
export async function addMemberFromForm(
  input: NewMember & { readonly org: string; readonly group: string },
  ctx: { user: UserContext; channel: ConversationRef },
  deps: PeopleToOfferDeps & { catalog: OrgCatalog; groupState: GroupStateRepository },
) {
  const target = groupByIds(input.org, input.group, deps.catalog);
  if (!target.ok) return target;
  const person = input.aadObjectId.toLowerCase();
  const nameOf = async () => (await peopleToOffer(target.value, ctx.channel, deps)).find((p) => p.aadObjectId === person)?.name;
  const result = await addMember({ ...input, aadObjectId: person }, { ...target.value, user: ctx.user, nameOf }, deps.groupState);
  return result.ok ? ok({ target: target.value, member: result.value }) : result;
}
