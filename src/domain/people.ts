import type { GroupId, OrgId, PartyId } from './organisation';

/** Roles held through membership; chair and vice chair come from terms, admin from the org. */
export type GroupRole = 'member' | 'processLeader';

/** A person's place in one group: which party they represent and their roles there. */
export interface Membership {
  readonly org: OrgId;
  readonly group: GroupId;
  readonly party: PartyId | null;
  readonly roles: readonly GroupRole[];
}

/** A group's roster entry: who sits at the table for which party, with which roles. */
export interface GroupMember {
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly party: PartyId | null;
  readonly roles: readonly GroupRole[];
}

/** Who the user is to the bot: identified by AAD object id, never by name in logs. */
export interface UserContext {
  readonly aadObjectId: string;
  /** Language chosen with `språk`; null follows the Teams client. */
  readonly preferredLocale: 'sv' | 'en' | null;
  readonly memberships: readonly Membership[];
  /** Organisations where the user is admin (from storage; BOT_ADMINS are admins everywhere). */
  readonly adminOf: readonly OrgId[];
  readonly globalAdmin: boolean;
}

/** True when the user may administer the organisation. */
export function isOrgAdmin(user: UserContext, org: OrgId): boolean {
  return user.globalAdmin || user.adminOf.includes(org);
}

/** True when the user is the group's process leader. */
export function isProcessLeader(user: UserContext, org: OrgId, group: GroupId): boolean {
  return user.memberships.some((m) => m.org === org && m.group === group && m.roles.includes('processLeader'));
}

/** The organisations the user belongs to in any way, in a stable order. */
export function orgsOfUser(user: UserContext): OrgId[] {
  return [...new Set([...user.adminOf, ...user.memberships.map((m) => m.org)])].sort();
}
