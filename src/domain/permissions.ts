import type { IsoDate } from './calendarDate';
import { termOn, type Term } from './chairTerms';
import type { GroupId, OrgId } from './organisation';
import { isOrgAdmin, type UserContext } from './people';

/**
 * Who may do what: the one place for every permission rule. Use cases ask `may(action, roles)`;
 * handlers never decide. Pure: the caller passes the terms and the date.
 */

/** Everything a person may try to do in a group. */
export const ACTIONS = [
  /** Create, revise and close meetings, post the agenda. */
  'leadMeeting',
  /** Read other people's written input (the brief). An author always reads their own input. */
  'readInput',
  /** Read draft (not yet approved) minutes. */
  'readDraftMinutes',
  /** Write minutes, send them for justering, publish them. */
  'editMinutes',
  /** Name the justerare of a meeting's minutes. */
  'nameJusterare',
  /** Approve (justera) or return minutes. Never the author of the version. */
  'approveMinutes',
  /** Record, correct and retract decisions; register förankring. */
  'recordDecision',
  /** Mark an årshjul item done for the whole group. */
  'markCycleDone',
  /** Appoint a chair or vice chair. */
  'appoint',
  /** Add people to the roster, process leaders included. */
  'editRoster',
  /** Link a channel to the group. */
  'linkChannel',
  /** Get the export links (decisions and approved minutes: public records). */
  'export',
  /** Replace the group's export and calendar tokens (old links stop working). */
  'rotateTokens',
  /** Answer attendance and write input for the group's meetings. */
  'takePart',
  /** Confirm, move, add or remove the group's årshjul dates for a year (`årshjul <grupp> ändra`). */
  'editCycle',
  /** Change årshjul items for the whole organisation. */
  'editOrgCycle',
  /** Change the group's settings (`inställningar`). */
  'editSettings',
  /** Add and remove the organisation's admins and process leaders (`administratörer`). */
  'manageAdmins',
  /** Name, change or remove a member's deputy (ersättare) in a group with deputies (`ersättare`). */
  'nameDeputy',
] as const;
export type Action = (typeof ACTIONS)[number];

/** A person's standing towards one group, and towards the thing the action is about. */
export interface Roles {
  readonly orgAdmin: boolean;
  readonly processLeader: boolean;
  readonly chair: boolean;
  readonly viceChair: boolean;
  /** A ledamot: in the group's roster with the member role (a process leader alone is not one). */
  readonly member: boolean;
  /** Chair of the group that appoints this group's chairs (when another group does). */
  readonly appointingChair: boolean;
  /** Named justerare of the minutes in question. */
  readonly justerare: boolean;
  /** Wrote the thing in question (the input, or the minutes version to be approved). */
  readonly author: boolean;
  /** Among the audience of the årshjul item in question. */
  readonly audience: boolean;
}

export const NO_ROLES: Roles = {
  orgAdmin: false,
  processLeader: false,
  chair: false,
  viceChair: false,
  member: false,
  appointingChair: false,
  justerare: false,
  author: false,
  audience: false,
};

/** Chair, vice chair or process leader: the group's leads. */
const lead = (r: Roles) => r.chair || r.viceChair || r.processLeader;

/** The rule table: one line per action. */
const RULES: Readonly<Record<Action, (r: Roles) => boolean>> = {
  leadMeeting: (r) => r.orgAdmin || lead(r),
  // Admins administer; they do not read members' input.
  readInput: (r) => lead(r) || r.author,
  readDraftMinutes: (r) => lead(r) || r.justerare,
  editMinutes: (r) => lead(r),
  nameJusterare: (r) => r.chair,
  approveMinutes: (r) => (r.chair || r.justerare) && !r.author,
  recordDecision: (r) => lead(r),
  markCycleDone: (r) => lead(r) || r.audience,
  appoint: (r) => r.orgAdmin || r.processLeader || r.appointingChair,
  editRoster: (r) => r.orgAdmin || r.processLeader,
  linkChannel: (r) => r.orgAdmin || r.processLeader,
  export: (r) => r.orgAdmin || lead(r),
  rotateTokens: (r) => r.orgAdmin,
  // Attendance and written input are the ledamöter's (DOMAIN.md): chair and vice sit at the table, a process leader convenes.
  takePart: (r) => r.member || r.chair || r.viceChair,
  // Issue 12: "process leader, chair, admin" edit the årshjul; org-wide items and admins are the admins'.
  editCycle: (r) => r.orgAdmin || r.processLeader || r.chair,
  editOrgCycle: (r) => r.orgAdmin,
  editSettings: (r) => r.orgAdmin || r.processLeader,
  manageAdmins: (r) => r.orgAdmin,
  // Like the roster itself: whoever adds members names their deputies.
  nameDeputy: (r) => r.orgAdmin || r.processLeader,
};

/** True when a person with these roles may take the action. */
export function may(action: Action, roles: Roles): boolean {
  return RULES[action](roles);
}

/** What the action is about, where it matters: who wrote it, who justerar it, who it is for. */
export interface Subject {
  readonly authorId?: string | null;
  readonly justerareIds?: readonly string[];
  /** True when the person is in the årshjul item's audience (worked out by the caller's domain rule). */
  readonly inAudience?: boolean;
  /** Terms of the group that appoints this group's chair, when it is another group. */
  readonly appointingTerms?: readonly Term[];
}

/** A person's roles in one group on a date, from their memberships and the group's terms. */
export function rolesIn(
  user: UserContext,
  where: { readonly org: OrgId; readonly group: GroupId; readonly terms: readonly Term[]; readonly today: IsoDate },
  subject: Subject = {},
): Roles {
  const id = user.aadObjectId;
  const mine = user.memberships.filter((m) => m.org === where.org && m.group === where.group);
  const holds = (terms: readonly Term[], role: 'chair' | 'viceChair') => termOn(terms, role, where.today)?.holder.aadObjectId === id;
  // Only this group's own terms make someone its chair, whatever list the caller passed.
  const own = where.terms.filter((t) => t.org === where.org && t.group === where.group);
  return {
    orgAdmin: isOrgAdmin(user, where.org),
    processLeader: mine.some((m) => m.roles.includes('processLeader')),
    chair: holds(own, 'chair'),
    viceChair: holds(own, 'viceChair'),
    member: mine.some((m) => m.roles.includes('member')),
    appointingChair: subject.appointingTerms !== undefined && holds(subject.appointingTerms, 'chair'),
    justerare: (subject.justerareIds ?? []).includes(id),
    author: subject.authorId !== undefined && subject.authorId !== null && subject.authorId === id,
    audience: subject.inAudience === true,
  };
}

/** Shorthand: may this person take the action in this group today. */
export function mayIn(
  action: Action,
  user: UserContext,
  where: { readonly org: OrgId; readonly group: GroupId; readonly terms: readonly Term[]; readonly today: IsoDate },
  subject: Subject = {},
): boolean {
  return may(action, rolesIn(user, where, subject));
}

/** Actions that no chair term grants: admin rights and memberships alone decide them. */
export type MembershipAction = 'editRoster' | 'linkChannel' | 'rotateTokens' | 'nameDeputy';

/** May this person take an action that depends on admin rights and memberships only (no terms needed). */
export function mayByMembership(action: MembershipAction, user: UserContext, org: OrgId, group: GroupId): boolean {
  const mine = user.memberships.filter((m) => m.org === org && m.group === group);
  return may(action, {
    ...NO_ROLES,
    orgAdmin: isOrgAdmin(user, org),
    processLeader: mine.some((m) => m.roles.includes('processLeader')),
    member: mine.some((m) => m.roles.includes('member')),
  });
}

/** The people who take part in a group's meetings on a date (ledamöter, chair and vice included): the attendance register's list. */
export function participants<M extends { readonly aadObjectId: string; readonly roles: readonly string[] }>(
  roster: readonly M[],
  terms: readonly Term[],
  today: IsoDate,
): M[] {
  const leads = new Set((['chair', 'viceChair'] as const).map((role) => termOn(terms, role, today)?.holder.aadObjectId));
  return roster.filter((m) => m.roles.includes('member') || leads.has(m.aadObjectId));
}
