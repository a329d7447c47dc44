import type { ChannelLink, ConversationRef } from '../domain/conversation';
import type { CycleEdit, Organisation, OrgId } from '../domain/organisation';
import type { GroupSettings } from '../domain/groupSettings';
import type { IsoDate } from '../domain/calendarDate';
import type { Term, TermRole } from '../domain/chairTerms';
import type { Decision, QueuedItem } from '../domain/decisions';
import type { Minutes } from '../domain/minutes';
import type { AttendanceAnswer, Meeting, PlannedMeeting, WrittenInput } from '../domain/meetings';
import type { GroupId } from '../domain/organisation';
import type { GroupMember, GroupRole, Membership, UserContext } from '../domain/people';
import type { DeputyCall, NamedDeputy } from '../domain/deputies';
import type { Result } from '../domain/result';

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

/** Årshjul edits made in Teams, kept apart from the shipped organisation files (which never overwrite them). */
export interface CycleEditRepository {
  /** Every edit of the organisation, oldest first (the change log: who and when). */
  cycleEdits(org: OrgId): Promise<CycleEdit[]>;
  /** Appends one edit; nothing is ever overwritten, so the log is the audit. */
  saveCycleEdit(org: OrgId, edit: CycleEdit): Promise<void>;
}

/** One change to an organisation's admins or process leaders, kept for the audit (who, when). */
export interface AdminChange {
  readonly id: string;
  readonly action: 'addAdmin' | 'removeAdmin' | 'addProcessLeader' | 'removeProcessLeader';
  /** The person added or removed. */
  readonly person: string;
  readonly displayName: string;
  /** The group, for a process leader. */
  readonly group: GroupId | null;
  readonly by: string;
  /** ISO instant. */
  readonly at: string;
}

/** The organisation's admins as set in Teams, and the audit of every change. */
export interface AdminRepository {
  /** The admins added in Teams (BOT_ADMINS and the organisation files are not listed here). */
  admins(org: OrgId): Promise<{ aadObjectId: string; displayName: string }[]>;
  /** Makes the person an admin of the organisation, or no longer one, and keeps the audit row. */
  setAdmin(org: OrgId, change: AdminChange): Promise<void>;
  /** Takes a person out of a group's roster (when their last role there is removed). */
  removeFromGroup(org: OrgId, group: GroupId, aadObjectId: string): Promise<void>;
  /** Keeps an audit row for a change made through another repository (a process leader's role). */
  audit(org: OrgId, change: AdminChange): Promise<void>;
  /** The audit, newest first. */
  auditLog(org: OrgId, limit: number): Promise<AdminChange[]>;
  /** People removed as admins in Teams (and not added again since): the shipped files do not make them admins again. */
  removedAdmins(org: OrgId): Promise<Set<string>>;
}

/** Group settings changed in Teams, beside the shipped files; every change kept (who, when). */
export interface GroupSettingsRepository {
  /** The current settings of each group of the organisation that has any. */
  groupSettings(org: OrgId): Promise<Map<GroupId, GroupSettings>>;
  /** Saves the group's settings and keeps the change in the log. */
  saveGroupSettings(org: OrgId, group: GroupId, settings: GroupSettings): Promise<void>;
}

/** Named deputies (ersättare) beside the roster, their change log, and the calls made to meetings. */
export interface DeputyRepository {
  /** The group's named deputies, one per member: one range query. */
  deputies(org: OrgId, group: GroupId): Promise<NamedDeputy[]>;
  /** Names (or, with `deputy` null, removes) a member's deputy and keeps the change in the log (who, when). */
  setDeputy(org: OrgId, group: GroupId, member: string, deputy: { aadObjectId: string; displayName: string } | null, by: string, at: string): Promise<void>;
  /** The change log of the group's deputies, newest first. */
  deputyLog(org: OrgId, group: GroupId, limit: number): Promise<{ member: string; deputy: string | null; deputyName: string; by: string; at: string }[]>;
  /**
   * Claims the call of a member's deputy to a meeting: true when it is ours to send (the first
   * call, or one whose deputy was not reached), false when it is already made or under way.
   */
  claimCall(meeting: MeetingKey, call: DeputyCall): Promise<boolean>;
  /** Records how the call went. */
  finishCall(meeting: MeetingKey, member: string, status: 'reached' | 'unreached'): Promise<void>;
  /** The deputies called to a meeting. */
  calls(meeting: MeetingKey): Promise<DeputyCall[]>;
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
  /** Records the language of the locale Teams last sent for the person (written only when it changed; the `språk` choice stays as it is). */
  setTeamsLocale(aadObjectId: string, locale: 'sv' | 'en'): Promise<void>;
  /** Writes a person's org admin flag and memberships (demo data, roster import); idempotent. */
  savePerson(person: PersonRecord): Promise<number>;
}

/** Each person's language for messages the bot sends on its own (the `språk` choice, else the Teams locale): one read for many people. */
export interface PersonLanguages {
  /** Lower-case AAD object id → language, for those of `aadObjectIds` with a choice or a known Teams locale (the rest: Swedish). */
  languagesOf(aadObjectIds: readonly string[]): Promise<Map<string, 'sv' | 'en'>>;
}

export interface ConversationRepository {
  /** Stores where to reach this conversation; skips the write when nothing changed. */
  saveReference(ref: ConversationRef): Promise<void>;
  /** True when the conversation is already known (a repeated install event, not a new install). */
  hasReference(ref: ConversationRef): Promise<boolean>;
  /** Forgets a conversation on uninstall (idempotent), with every channel link inside a removed team. */
  removeReference(ref: ConversationRef): Promise<void>;
  /** The user's personal chat, unless it was marked inactive (bot removed or blocked). */
  personalReference(aadObjectId: string): Promise<ConversationRef | null>;
  /** Every active personal chat by AAD object id (the reminder sweep; one paged partition query). */
  activePersonalReferences(now?: Date): Promise<Map<string, ConversationRef>>;
  /** Everyone with a personal chat whose name Teams has sent, by name (to offer people without typing an id). */
  personalChatPeople(): Promise<{ aadObjectId: string; name: string }[]>;
  /** Marks a conversation unreachable after a 403/404, so sends fall back to the channel. */
  markInactive(ref: ConversationRef, at?: Date): Promise<void>;
  linkChannel(link: ChannelLink): Promise<void>;
  linksOfChannel(channel: ConversationRef): Promise<ChannelLink[]>;
  channelOfGroup(org: OrgId, group: string): Promise<ChannelLink | null>;
}

export type { GroupMember } from '../domain/people';

/** Everything about one group that a chair command needs, read together. */
export interface GroupRecord {
  readonly group: GroupId;
  readonly terms: readonly Term[];
  readonly members: readonly GroupMember[];
  readonly meetings: readonly Meeting[];
  /** Optimistic-concurrency version (the head row's ETag); null before the first term. */
  readonly version: string | null;
}

/**
 * Which rows of a group record to read: the version and the terms always (a few per year); the
 * roster only where it is shown or needed, and meetings only from a date on (meeting ids start
 * with their date, so that is a row-key range), so a command does not read the group's history.
 */
export interface RecordParts {
  readonly members: boolean;
  readonly meetings: 'all' | 'none' | { readonly from: IsoDate };
}
/** Everything (the default): the reminder sweep, a roster change, the meetings list. */
export const WHOLE_RECORD: RecordParts = { members: true, meetings: 'all' };
/** Version and terms: enough for every permission check. */
export const TERMS_ONLY: RecordParts = { members: false, meetings: 'none' };

export interface GroupStateRepository {
  /** Version, terms and (as `parts` asks) roster and meetings of the given groups of one organisation: one single-partition query. */
  groups(org: OrgId, groups: readonly GroupId[], parts?: RecordParts): Promise<Map<GroupId, GroupRecord>>;
  /** Every group of an organisation, its whole history: one single-partition query (the sweep reads `currentGroups` and `meetingsBetween` instead). */
  wholeOrg(org: OrgId): Promise<Map<GroupId, GroupRecord>>;
  /**
   * The reminder sweep's view of an organisation, independent of history: every group's roster
   * and version, and the terms still in force on or after `on` (no meetings; see `meetingsBetween`).
   */
  currentGroups(org: OrgId, on: IsoDate): Promise<Map<GroupId, GroupRecord>>;
  /** The organisation's meetings dated within [from, to] (the sweep's window), whatever the key design. */
  meetingsBetween(org: OrgId, from: IsoDate, to: IsoDate): Promise<Meeting[]>;
  /**
   * Saves a meeting: `expectedVersion` undefined writes unconditionally, null creates (fails
   * if it exists), a version updates only if nobody changed it since. Returns the new version.
   */
  saveMeeting(meeting: PlannedMeeting | Meeting, expectedVersion?: string | null): Promise<Result<string, 'conflict'>>;
  /**
   * Creates a meeting from a form shown earlier (`openMeetingForm`): in one transaction the
   * form is marked used and the meeting created, so a replayed or double-clicked form creates
   * one meeting. `used` when the form already created one, `unknown-form` when it was never shown.
   */
  createMeetingFromForm(meeting: Meeting, formKey: string): Promise<Result<string, 'used' | 'unknown-form'>>;
  /** Records that a new-meeting form with this key was shown to a lead of the group. */
  openMeetingForm(org: OrgId, group: GroupId, formKey: string, shownTo: string, at: string): Promise<void>;
  /** One meeting with its version (a point read). */
  meeting(org: OrgId, group: GroupId, id: string): Promise<{ meeting: Meeting; version: string } | null>;
  /** Terms in office and meetings from `from` on, for the groups list: one filtered partition query. */
  overview(org: OrgId, from: IsoDate): Promise<{ terms: Term[]; meetings: Meeting[] }>;
  /**
   * Records a term, and ends the one it replaces, in one transaction that only succeeds if
   * the group's version is still `expectedVersion`; otherwise `conflict` and nothing is written.
   */
  recordTerm(org: OrgId, expectedVersion: string | null, term: Term, ended: Term | null): Promise<Result<void, 'conflict'>>;
  /** Adds or updates a person in a group's roster (and the person's own index). */
  saveMember(org: OrgId, group: GroupId, member: GroupMember): Promise<void>;
}

/** Unguessable per-group tokens for the public calendar feed. */
export interface CalendarTokenStore {
  tokenFor(org: OrgId, group: GroupId, purpose?: 'ics' | 'export'): Promise<string>;
  resolve(token: string, purpose?: 'ics' | 'export'): Promise<{ org: OrgId; group: GroupId } | null>;
  /** Replaces the group's calendar and export tokens: the old links stop working. */
  rotate(org: OrgId, group: GroupId): Promise<void>;
}

/** The decision register (see storage/decisionRepository.ts for the key design). */
export interface DecisionRepository {
  /** Numbers and stores a decision; a form key already used returns the decision it recorded (`replayed`). */
  record(org: OrgId, group: GroupId, year: number, build: (seq: number) => Decision, formKey: string): Promise<{ decision: Decision; replayed: boolean }>;
  list(org: OrgId, group: GroupId): Promise<Decision[]>;
  /** One page of the register, newest first, reading at most `query.scan` rows (a listing or a bounded search). */
  newest(org: OrgId, group: GroupId, query: NewestQuery): Promise<DecisionPage>;
  get(org: OrgId, group: GroupId, year: number, seq: number): Promise<{ decision: Decision; etag: string } | null>;
  versions(org: OrgId, group: GroupId, year: number, seq: number): Promise<Decision[]>;
  saveVersion(decision: Decision, etag: string): Promise<Result<void, 'conflict'>>;
  queue(org: OrgId, group: GroupId): Promise<QueuedItem[]>;
  /** Takes the matter sent back by decision `year:seq` off the queue (idempotent). */
  dequeue(org: OrgId, group: GroupId, decision: { year: number; seq: number }): Promise<void>;
  pendingForankring(org: OrgId, holder: string): Promise<{ group: string; number: string; title: string }[]>;
  /** Every förankring still pending in the organisation, from its own index (done and retracted ones are not in it): the reminder sweep. */
  openForankring(org: OrgId): Promise<OpenForankring[]>;
  minutes(org: OrgId, group: GroupId, meetingId: string): Promise<{ minutes: Minutes; etag: string } | null>;
  saveMinutes(minutes: Minutes, etag: string | null): Promise<Result<void, 'conflict'>>;
  /** The latest approved or published version of each meeting's minutes. */
  listMinutes(org: OrgId, group: GroupId): Promise<Minutes[]>;
}

/** One principal's (or party's) pending förankring of a decision, with what its reminder shows. */
export interface OpenForankring {
  readonly group: GroupId;
  readonly year: number;
  readonly seq: number;
  readonly number: string;
  readonly title: string;
  readonly text: string;
  readonly date: IsoDate;
  readonly holder: string;
}

/** A page of the decision register: newest first, optionally one year, older than `before`. */
export interface NewestQuery {
  readonly year: number | null;
  readonly before: { readonly year: number; readonly seq: number } | null;
  /** Decisions to return at most. */
  readonly limit: number;
  /** Rows to read at most (bounds a search's work however large the register is). */
  readonly scan: number;
  readonly matches: (d: Decision) => boolean;
}

export interface DecisionPage {
  readonly decisions: Decision[];
  /** Where the next page starts (older than this decision), or null when nothing older is left. */
  readonly more: { readonly year: number; readonly seq: number } | null;
  /** Rows read for this page. */
  readonly scanned: number;
}

/** Which meeting: ids are unique within a group only, so input is always keyed by org, group and meeting. */
export interface MeetingKey {
  readonly org: OrgId;
  readonly group: GroupId;
  readonly id: string;
}

/** Answers (attending / förhinder) and written input for a meeting. */
export interface MeetingInputRepository {
  /** Every answer and the latest input per author and item: one single-partition query. */
  load(meeting: MeetingKey): Promise<{ answers: AttendanceAnswer[]; inputs: WrittenInput[] }>;
  saveAnswer(meeting: MeetingKey, answer: AttendanceAnswer): Promise<void>;
  /** Saves input per item as submitted, keeping every earlier version (one transaction). */
  saveInputs(meeting: MeetingKey, inputs: readonly WrittenInput[]): Promise<void>;
  /** Every version an author saved, oldest first. */
  history(meeting: MeetingKey, author: string): Promise<WrittenInput[]>;
}

/** Responses to årshjul reminders: "done" for the whole group, "seen" for one recipient. */
export interface ReminderResponses {
  markDone(org: OrgId, group: GroupId, occurrence: string, deadline: IsoDate, by: string, at: Date): Promise<void>;
  acknowledge(org: OrgId, group: GroupId, occurrence: string, recipient: string, deadline: IsoDate, at: Date): Promise<void>;
}

/** The members of a Teams team by AAD object id (lower case) and name, sorted by name; given per turn by teams/. */
export type TeamRoster = (teamId: string) => Promise<{ aadObjectId: string; name: string }[]>;

/**
 * True when a thrown error means the table service is not answering (timeout, connection
 * refused, 503). Storage implements it; teams/ uses it to tell the user to try again later.
 */
export type StorageUnavailable = (error: unknown) => boolean;

/**
 * A person's personal chat with the bot: `deliver` is false when there is none (or it is
 * inactive) or the send failed. `M` is the message as the Teams layer builds it.
 */
export interface PersonalChats<M> {
  deliver(aadObjectId: string, message: M): Promise<boolean>;
  /** As `deliver`, saying why not: no personal chat, or the send failed (also when tried again). */
  reach(aadObjectId: string, message: M): Promise<Delivery>;
}

/** What became of a message to a person's personal chat. */
export type Delivery = 'delivered' | 'no-chat' | 'failed';

// ---- the reminder sweep (src/scheduler): what it needs from storage, Teams and telemetry ----

/** The organisations as loaded from the org files (read-only for the sweep). */
export interface OrganisationCatalog {
  all(): readonly Organisation[];
}

export type ClaimStatus = 'claimed' | 'sending' | 'sent' | 'failed' | 'undeliverable';

/** One reminder's claim: who holds it, in which state, and its ETag for the next guarded write. */
export interface ClaimRecord {
  readonly reminderId: string;
  readonly status: ClaimStatus;
  readonly claimedBy: string;
  readonly claimedAt: string;
  /** How many sweeps have tried it (the backoff for the next try grows with it). */
  readonly sweeps: number;
  readonly etag: string;
  /** Random per claim attempt: tells a write of ours that succeeded but whose answer was lost from someone else's. */
  readonly token?: string;
  /** When a failed or undeliverable reminder may be tried again (null: at once). */
  readonly nextAttemptAt?: string | null;
}

export interface LedgerSnapshot {
  readonly claims: Map<string, ClaimRecord>;
  /** `{org}|{group}|{occurrence}` */
  readonly done: Set<string>;
  /** `{org}|{group}|{occurrence}|{recipient}` */
  readonly acknowledged: Set<string>;
}

/** The outcome of a claim, written once its sends are over. */
export interface ClaimOutcome {
  readonly status: Exclude<ClaimStatus, 'claimed' | 'sending'>;
  readonly via: string;
  readonly detail: string;
  readonly at: Date;
  readonly nextAttemptAt?: Date | null;
}

/**
 * Claims and outcomes of reminders, so each is sent exactly once across instances and crashes:
 * claimed (insert-if-absent or ETag) right before its send, completed after it.
 */
export interface ReminderLedger {
  /** Claims, done marks and responses for deadlines on or after `from`. */
  load(org: OrgId, from: IsoDate): Promise<LedgerSnapshot>;
  /** Claims reminders never claimed before; returns the claims won. */
  claimNew(org: OrgId, reminders: readonly { id: string; deadline: IsoDate; token?: string }[], by: string, at: Date): Promise<ClaimRecord[]>;
  /** Takes over a failed, undeliverable or stale claim (ETag-guarded); null when someone else has it. */
  reclaim(org: OrgId, claim: ClaimRecord, by: string, at: Date, token?: string): Promise<ClaimRecord | null>;
  /** Records the outcome of a claim we hold; false when someone else took it over meanwhile. */
  complete(org: OrgId, claim: ClaimRecord, outcome: ClaimOutcome): Promise<boolean>;
  /** Moves a claim we hold between `claimed` (nothing on the wire) and `sending`; null when it is no longer ours. */
  setPhase(org: OrgId, claim: ClaimRecord, phase: 'claimed' | 'sending'): Promise<ClaimRecord | null>;
  /** One claim as stored now, or null. */
  readClaim(org: OrgId, reminderId: string): Promise<ClaimRecord | null>;
}

/** Named, timed leases: one bot instance sweeps at a time. */
export interface Leases {
  /** Takes or renews the lease when free, expired or already ours; false when another holder has it. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** An @mention in a proactive message. */
export interface Mention {
  readonly aadObjectId: string;
  readonly name: string;
}

/** A message the bot sends on its own: text or an Adaptive Card (built by src/cards), optionally @mentioning people. */
export type ProactiveMessage =
  | { readonly text: string; readonly mentions?: readonly Mention[] }
  | { readonly card: { readonly type: 'AdaptiveCard' }; readonly text?: string; readonly mentions?: readonly Mention[] };

/**
 * The result of one send: expected delivery failures (throttled, gone, unavailable, timed out)
 * are values with the HTTP status (0 when there was none) and the Retry-After the service gave.
 */
export type SendOutcome =
  | { readonly ok: true; readonly activityId: string }
  | { readonly ok: false; readonly status: number; readonly retryAfterSeconds: number | null; readonly reason: string };

/** Sends one proactive message to a stored conversation (one try: the caller decides on retries). */
export interface MessageSender {
  trySend(ref: ConversationRef, message: ProactiveMessage): Promise<SendOutcome>;
}

/** Counts of one reminder sweep, for metrics (counts only, no personal data). */
export interface SweepCounts {
  readonly ran: boolean;
  readonly due: number;
  readonly sentPersonal: number;
  readonly sentChannel: number;
  readonly failed: number;
  readonly undeliverable: number;
  readonly planningMs: number;
}

/** Where the sweep reports its counts (Application Insights in production, nothing in tests). */
export interface SweepMetrics {
  recordSweep(counts: SweepCounts): void;
}

// ---- the organisation files (read and parsed by src/config; stored by loadOrganisations) ----

/** One reason an organisation file was refused: where (line and path) and why. */
export interface SourceProblem {
  readonly file: string;
  readonly line: number;
  readonly path: string;
  readonly reason: string;
}

/** A demo person: a role to try the bot as, with memberships. */
export interface DemoPerson {
  readonly user: string;
  readonly displayName: string;
  readonly org: OrgId;
  readonly orgAdmin: boolean;
  readonly memberships: readonly { readonly group: GroupId; readonly party: string | null; readonly roles: readonly GroupRole[] }[];
}

/** A demo chair term, so the demo shows who chairs, until when and who is next. */
export interface DemoTerm {
  readonly org: OrgId;
  readonly group: GroupId;
  readonly role: TermRole;
  readonly user: string | null;
  readonly displayName: string;
  readonly party: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The organisation files as read and validated: the valid organisations, the demo data if asked for, and every refused file. */
export interface OrganisationFiles {
  readonly organisations: readonly Organisation[];
  readonly demo: { readonly people: readonly DemoPerson[]; readonly terms: readonly DemoTerm[] } | null;
  readonly problems: readonly SourceProblem[];
}

/** Where the organisation files come from (a directory of YAML files in production and tests). */
export interface OrganisationSource {
  read(): Promise<OrganisationFiles>;
}
