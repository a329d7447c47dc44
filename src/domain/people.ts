import type { GroupId, Locale, OrgId, PartyId } from './organisation';

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
  /** The language of the locale Teams last sent for the person (null: never seen); the `språk` choice wins over it. */
  readonly teamsLocale?: Locale | null;
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

/** The language of a Teams locale ("en-US", "sv-SE", …): English for `en*`, Swedish for everything else. */
export function languageOfTeamsLocale(locale: string): Locale {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

/** The language to write to a person in on the bot's own initiative: their `språk` choice, else what Teams last said, else Swedish. */
export function recipientLanguage(person: { readonly preferredLocale: Locale | null; readonly teamsLocale?: Locale | null } | undefined): Locale {
  return person?.preferredLocale ?? person?.teamsLocale ?? 'sv';
}
