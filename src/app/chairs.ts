import { dateIn, isIsoDate, type IsoDate } from '../domain/calendarDate';
import { presidiumOn, termOn, type Presidium, type Term, type TermOrigin, type TermRole } from '../domain/chairTerms';
import { groupOf, type Group, type Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { mayIn } from '../domain/permissions';
import { applyAppointment, checkAppointment, nextChair, type GroupTerms, type NextChair, type RuleBreach } from '../domain/rotation';
import type { GroupMember, GroupRecord, GroupStateRepository, RecordParts } from './ports';

/** Chair views use the roster (which parties have members, who may be appointed), never meetings. */
const ROSTER_AND_TERMS: RecordParts = { members: true, meetings: 'none' };

/** What the chair card shows for one group. */
export interface ChairView {
  readonly org: Organisation;
  readonly group: Group;
  readonly today: IsoDate;
  readonly presidium: Presidium;
  readonly next: NextChair | null;
  readonly terms: readonly Term[];
  readonly members: readonly GroupMember[];
  readonly version: string | null;
  readonly canAppoint: boolean;
}

/** The group whose chair this group's chair follows, if any. */
const followedId = (g: Group) => (g.chairRule?.principal.kind === 'follow' ? g.chairRule.principal.group : null);
/** The group whose chair may appoint in this group (itself unless the rule names another). */
const appointerId = (g: Group) => (g.chairRule?.appointedBy.kind === 'group-of' ? g.chairRule.appointedBy.group : g.id);

function groupTerms(org: Organisation, id: string | null, records: Map<string, GroupRecord>): GroupTerms | null {
  const group = id === null ? undefined : groupOf(org, id);
  return group === undefined ? null : { group, terms: records.get(group.id)?.terms ?? [] };
}

/** May the user appoint chairs in the group (the rule is in the permission module). */
export function mayAppoint(user: UserContext, org: Organisation, group: Group, records: Map<string, GroupRecord>, today: IsoDate): boolean {
  const where = { org: org.id, group: group.id, terms: records.get(group.id)?.terms ?? [], today };
  return mayIn('appoint', user, where, { appointingTerms: records.get(appointerId(group))?.terms ?? [] });
}

/** The groups a chair view needs read together: the group, the one it follows and the one that appoints. */
const neededGroups = (groups: readonly Group[]) => groups.flatMap((g) => [g.id, followedId(g), appointerId(g)]).filter((x): x is string => x !== null);

/** Chair, vice chair, term end and who is next by the rules, for each group (one storage query). */
export async function viewChairs(org: Organisation, groups: readonly Group[], user: UserContext, state: GroupStateRepository, now: Date): Promise<ChairView[]> {
  const today = dateIn(now, org.timeZone);
  const records = await state.groups(org.id, neededGroups(groups), ROSTER_AND_TERMS);
  return groups.map((group) => buildView(org, group, user, records, today));
}

function buildView(org: Organisation, group: Group, user: UserContext, records: Map<string, GroupRecord>, today: IsoDate): ChairView {
  const record = records.get(group.id);
  const terms = record?.terms ?? [];
  const members = record?.members ?? [];
  const self: GroupTerms = { group, terms };
  const principals = org.principals.map((p) => p.id);
  const partyIds = new Set(members.map((m) => m.party).filter((p): p is string => p !== null));
  const atTable = org.parties.filter((p) => partyIds.size === 0 || partyIds.has(p.id));
  return {
    org,
    group,
    today,
    presidium: presidiumOn(terms, today),
    next: nextChair(self, groupTerms(org, followedId(group), records), principals, atTable, today),
    terms,
    members,
    version: record?.version ?? null,
    canAppoint: group.chairRule !== null && mayAppoint(user, org, group, records, today),
  };
}

/** An appointment as submitted from the card, already shape-checked by the Teams layer. */
export interface AppointmentInput {
  readonly role: TermRole;
  readonly holder: string;
  readonly origin: TermOrigin;
  readonly start: string;
  readonly end: string;
  /** When given, a rule-breaking appointment is recorded as an exception with this reason. */
  readonly exceptionReason: string;
  /** The version the card was built from: someone else's change in between is a conflict. */
  readonly version: string | null;
}

export type AppointFailure =
  | { readonly code: 'no-chair-rule' }
  | { readonly code: 'not-allowed' }
  | { readonly code: 'holder-not-member' }
  | { readonly code: 'bad-dates' }
  | { readonly code: 'nothing-to-replace' }
  | { readonly code: 'rule-broken'; readonly breaches: readonly RuleBreach[]; readonly current: ChairView }
  | { readonly code: 'conflict'; readonly current: ChairView };

export type AppointResult = { readonly ok: true; readonly value: Appointed } | { readonly ok: false; readonly failure: AppointFailure };

export interface Appointed {
  readonly term: Term;
  readonly ended: Term | null;
  readonly view: ChairView;
}

/**
 * Appoints a chair or vice chair. Refused with the rule named when it breaks a rotation rule,
 * unless recorded as an exception with a reason; refused on a concurrent change; the term
 * history is kept (a replacement ends the replaced term, it does not overwrite it).
 */
export async function appoint(
  input: AppointmentInput,
  ctx: { org: Organisation; group: Group; user: UserContext; now: Date; newId: () => string },
  state: GroupStateRepository,
): Promise<AppointResult> {
  const { org, group, user, now } = ctx;
  const refuse = (failure: AppointFailure): AppointResult => ({ ok: false, failure });
  if (group.chairRule === null) return refuse({ code: 'no-chair-rule' });
  const today = dateIn(now, org.timeZone);
  const records = await state.groups(org.id, neededGroups([group]), ROSTER_AND_TERMS);
  if (!mayAppoint(user, org, group, records, today)) return refuse({ code: 'not-allowed' });
  const record = records.get(group.id);
  if ((record?.version ?? null) !== input.version) return refuse({ code: 'conflict', current: buildView(org, group, user, records, today) });
  const member = record?.members.find((m) => m.aadObjectId === input.holder.toLowerCase());
  const party = org.parties.find((p) => p.id === member?.party);
  if (member === undefined || party === undefined) return refuse({ code: 'holder-not-member' });
  if (!isIsoDate(input.start) || !isIsoDate(input.end) || input.end < input.start) return refuse({ code: 'bad-dates' });
  const self: GroupTerms = { group, terms: record?.terms ?? [] };
  const replaced = input.origin === 'replacement' ? termOn(self.terms, input.role, input.start) : null;
  if (input.origin === 'replacement' && replaced === null) return refuse({ code: 'nothing-to-replace' });
  const proposal = {
    role: input.role,
    holder: { aadObjectId: member.aadObjectId, displayName: member.displayName, party: party.id, principal: party.principal },
    start: input.start,
    plannedEnd: input.end,
    origin: input.origin,
    replaces: replaced?.id ?? null,
  };
  const breaches = checkAppointment(
    self,
    groupTerms(org, followedId(group), records),
    org.principals.map((p) => p.id),
    proposal,
  );
  const reason = input.exceptionReason.trim();
  if (breaches.length > 0 && reason === '') return refuse({ code: 'rule-broken', breaches, current: buildView(org, group, user, records, today) });
  const { term, ended } = applyAppointment(self, proposal, {
    id: ctx.newId(),
    org: org.id,
    recordedBy: user.aadObjectId,
    recordedAt: now.toISOString(),
    exception: breaches.length > 0 ? { rules: breaches.map((b) => b.rule), reason } : null,
  });
  const written = await state.recordTerm(org.id, input.version, term, ended);
  if (!written.ok) {
    const fresh = await state.groups(org.id, neededGroups([group]), ROSTER_AND_TERMS);
    return refuse({ code: 'conflict', current: buildView(org, group, user, fresh, today) });
  }
  const after = new Map(records);
  const terms = [...self.terms.filter((t) => t.id !== ended?.id), ...(ended ? [ended] : []), term];
  after.set(group.id, { group: group.id, terms, members: record?.members ?? [], meetings: record?.meetings ?? [], version: null });
  return { ok: true, value: { term, ended, view: buildView(org, group, user, after, today) } };
}
