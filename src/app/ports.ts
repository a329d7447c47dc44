import type { ChannelLink, ConversationRef } from '../domain/conversation';
import type { Organisation, OrgId } from '../domain/organisation';
import type { Membership, UserContext } from '../domain/people';

/** The one clock: the domain never reads time itself. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface OrganisationRepository {
  /** Every loaded organisation (start-up only: a whole-table read). */
  loadAll(): Promise<Organisation[]>;
  /** Writes the organisation idempotently: unchanged rows are not written. Returns what changed. */
  save(org: Organisation): Promise<{ written: number; deleted: number }>;
}

export interface PersonRecord {
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly org: OrgId;
  readonly orgAdmin: boolean;
  readonly memberships: readonly Membership[];
}

export interface MemberRepository {
  /** Profile, memberships and admin rights of one user: one single-partition query. */
  userContext(aadObjectId: string, globalAdmins: readonly string[]): Promise<UserContext>;
  setPreferredLocale(aadObjectId: string, locale: 'sv' | 'en' | null): Promise<void>;
  /** Writes a person's org admin flag and memberships (demo data, roster import); idempotent. */
  savePerson(person: PersonRecord): Promise<number>;
}

export interface ConversationRepository {
  /** Stores where to reach this conversation; skips the write when nothing changed. */
  saveReference(ref: ConversationRef): Promise<void>;
  /** True when the conversation is already known (a repeated install event, not a new install). */
  hasReference(ref: ConversationRef): Promise<boolean>;
  /** Forgets a conversation on uninstall (idempotent), with every channel link inside a removed team. */
  removeReference(ref: ConversationRef): Promise<void>;
  personalReference(aadObjectId: string): Promise<ConversationRef | null>;
  linkChannel(link: ChannelLink): Promise<void>;
  linksOfChannel(channel: ConversationRef): Promise<ChannelLink[]>;
  channelOfGroup(org: OrgId, group: string): Promise<ChannelLink | null>;
}

export interface GroupStateRepository {
  /** Current chair and next meeting of every group of an organisation: one partition query. */
  snapshots(org: OrgId): Promise<Map<string, import('../domain/groupState').GroupSnapshot>>;
}
