import type { ConversationRef } from '../domain/conversation';
import { groupOf, type Group, type Organisation } from '../domain/organisation';
import { isOrgAdmin, orgsOfUser, type UserContext } from '../domain/people';
import { may, NO_ROLES } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { peopleOfOrganisation, type KnownPerson, type PeopleToOfferDeps } from './peopleToOffer';
import type { AdminChange, AdminRepository, ConversationRepository, GroupStateRepository, TeamRoster } from './ports';

export interface AdminDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly admins: AdminRepository;
  readonly conversations: ConversationRepository;
}

/** What `administratörer` shows: the admins added in Teams, each group's process leaders, the latest changes, and whom the form offers. */
export interface AdminView {
  readonly org: Organisation;
  readonly admins: readonly { aadObjectId: string; displayName: string }[];
  readonly processLeaders: readonly { group: Group; names: readonly string[] }[];
  readonly recent: readonly AdminChange[];
  /** The people the form offers by name (nobody types an id). */
  readonly people: readonly KnownPerson[];
}

/** Where the card is used (its team's roster is offered too) and how to read a team's roster. */
export interface AdminPlace {
  readonly channel: ConversationRef;
  readonly roster: TeamRoster;
}

/**
 * The people the admin card offers: those the bot knows in the organisation (see `peopleOfOrganisation`;
 * the team is the one the card is used in) and the admins added in Teams, so each can be removed by name.
 */
async function adminPeople(org: Organisation, admins: readonly KnownPerson[], place: AdminPlace, deps: AdminDeps): Promise<KnownPerson[]> {
  const offerDeps: PeopleToOfferDeps = { conversations: deps.conversations, groupState: deps.groupState, roster: place.roster };
  return peopleOfOrganisation(org, place.channel.teamId ?? null, offerDeps, admins);
}

const mayManage = (user: UserContext, org: Organisation) => may('manageAdmins', { ...NO_ROLES, orgAdmin: isOrgAdmin(user, org.id) });

type OrgFailure = Failure<'org-not-found', { query: string }> | Failure<'choose-org'> | Failure<'not-allowed', { org: Organisation }>;

/** The organisation a command names, else the user's only one. */
function orgFor(user: UserContext, query: string, catalog: OrgCatalog): Result<Organisation, OrgFailure> {
  const q = query.trim();
  if (q !== '') {
    const org = catalog.findOrg(q);
    return org === undefined ? fail('org-not-found', { query: q }) : ok(org);
  }
  const mine = user.globalAdmin ? catalog.all().map((o) => o.id) : orgsOfUser(user);
  const only = mine.length === 1 ? catalog.get(mine[0]) : undefined;
  return only === undefined ? fail('choose-org') : ok(only);
}

/** `administratörer [organisation]`: the admin card's content, for the organisation's admins. */
export async function adminView(input: { user: UserContext; query: string } & AdminPlace, deps: AdminDeps): Promise<Result<AdminView, OrgFailure>> {
  const found = orgFor(input.user, input.query, deps.catalog);
  if (!found.ok) return found;
  const org = found.value;
  if (!mayManage(input.user, org)) return fail('not-allowed', { org });
  const records = await deps.groupState.wholeOrg(org.id);
  const processLeaders = org.groups.map((group) => ({
    group,
    names: (records.get(group.id)?.members ?? []).filter((m) => m.roles.includes('processLeader')).map((m) => m.displayName),
  }));
  const admins = await deps.admins.admins(org.id);
  const people = await adminPeople(
    org,
    admins.map((a) => ({ aadObjectId: a.aadObjectId, name: a.displayName })),
    input,
    deps,
  );
  return ok({ org, admins, processLeaders, recent: await deps.admins.auditLog(org.id, 5), people });
}

/** One change from the admin card: the person as chosen among those offered (their name comes from the offer, never from the card). */
export interface AdminChangeInput {
  readonly org: string;
  readonly action: AdminChange['action'];
  readonly person: string;
  readonly group: string | null;
}

export type AdminChangeFailure =
  | Failure<'org-gone'>
  | Failure<'not-allowed', { org: Organisation }>
  | Failure<'need-group'>
  | Failure<'not-offered'>
  | Failure<'not-process-leader', { group: Group }>
  | Failure<'last-admin'>;

/**
 * Adds or removes an admin of the organisation, or a group's process leader. Only the
 * organisation's admins may; every change keeps an audit row (who, when). A process leader
 * removed from a group where that was their only role leaves the roster. Nobody removes
 * themselves as admin (the organisation would risk having none). The person must be one the card
 * offers (checked again here, once the user is allowed); their name comes with them. A refusal changes nothing.
 */
export async function changeAdmins(
  input: AdminChangeInput,
  ctx: { user: UserContext; now: Date; newId: () => string } & AdminPlace,
  deps: AdminDeps,
): Promise<Result<{ org: Organisation; change: AdminChange; group: Group | null }, AdminChangeFailure>> {
  const org = deps.catalog.get(input.org);
  if (org === undefined) return fail('org-gone');
  if (!mayManage(ctx.user, org)) return fail('not-allowed', { org });
  const person = input.person.toLowerCase();
  const group = input.group === null ? undefined : groupOf(org, input.group);
  const forGroup = input.action === 'addProcessLeader' || input.action === 'removeProcessLeader';
  if (forGroup && group === undefined) return fail('need-group');
  const admins = (await deps.admins.admins(org.id)).map((a) => ({ aadObjectId: a.aadObjectId, name: a.displayName }));
  const displayName = (await adminPeople(org, admins, ctx, deps)).find((p) => p.aadObjectId === person)?.name;
  if (displayName === undefined) return fail('not-offered');
  const base = { id: ctx.newId(), person, by: ctx.user.aadObjectId, at: ctx.now.toISOString() };
  if (input.action === 'addAdmin' || input.action === 'removeAdmin') {
    if (input.action === 'removeAdmin' && person === ctx.user.aadObjectId) return fail('last-admin');
    const change: AdminChange = { ...base, action: input.action, displayName, group: null };
    await deps.admins.setAdmin(org.id, change);
    return ok({ org, change, group: null });
  }
  if (group === undefined) return fail('need-group'); // checked above; narrows the type
  const record = (await deps.groupState.groups(org.id, [group.id])).get(group.id);
  const current = record?.members.find((m) => m.aadObjectId === person);
  if (input.action === 'addProcessLeader') {
    const roles = [...new Set([...(current?.roles ?? []), 'processLeader' as const])];
    await deps.groupState.saveMember(org.id, group.id, { aadObjectId: person, displayName, party: current?.party ?? null, roles });
    const change: AdminChange = { ...base, action: 'addProcessLeader', displayName, group: group.id };
    await deps.admins.audit(org.id, change);
    return ok({ org, change, group });
  }
  if (!current?.roles.includes('processLeader')) return fail('not-process-leader', { group });
  const roles = current.roles.filter((r) => r !== 'processLeader');
  if (roles.length === 0) await deps.admins.removeFromGroup(org.id, group.id, person);
  else await deps.groupState.saveMember(org.id, group.id, { ...current, roles });
  const change: AdminChange = { ...base, action: 'removeProcessLeader', displayName: current.displayName, group: group.id };
  await deps.admins.audit(org.id, change);
  return ok({ org, change, group });
}
