import { dateIn } from '../domain/calendarDate';
import type { Group, Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { may, rolesIn } from '../domain/permissions';
import type { OrgCatalog } from './catalog';
import { recordOf } from './groupRecord';
import { TERMS_ONLY, type GroupStateRepository } from './ports';

/** One of the person's groups, with what they may do there (by the permission table). */
export interface GroupStanding {
  readonly org: Organisation;
  readonly group: Group;
  /** The role that names them there: chair before vice before process leader before member. */
  readonly role: 'chair' | 'viceChair' | 'processLeader' | 'member';
  /** In the roster as a member (a chair or vice usually is too). */
  readonly rosterMember: boolean;
  /** Create, revise, close meetings; the brief. */
  readonly leadsMeetings: boolean;
  /** Record decisions (and, as chair, ordförandebeslut between meetings). */
  readonly recordsDecisions: boolean;
  /** Write minutes, send them for justering, publish them. */
  readonly editsMinutes: boolean;
  /** Approve (justera) or return minutes as chair. */
  readonly approvesMinutes: boolean;
  /** Answer attendance and write input. */
  readonly takesPart: boolean;
  /** Get the export links of the decision log. */
  readonly exports: boolean;
  /** Confirm, move, add or remove the group's årshjul dates. */
  readonly editsCycle: boolean;
}

/**
 * What help shows a person: for each group in their roster, the role that names them there
 * and what the permission table lets them do. The chair and vice come from the group's terms
 * for today in the organisation's time zone, as for every other command (`rolesIn`).
 */
export async function helpStandings(
  user: UserContext,
  now: Date,
  ports: { catalog: OrgCatalog; groupState: Pick<GroupStateRepository, 'groups'> },
): Promise<GroupStanding[]> {
  const standings: GroupStanding[] = [];
  const seen = new Set<string>();
  for (const m of user.memberships) {
    const org = ports.catalog.get(m.org);
    const group = org?.groups.find((g) => g.id === m.group);
    // A person with two rows in one group (member and process leader) gets one standing there.
    if (org === undefined || group === undefined || seen.has(`${org.id}|${group.id}`)) continue;
    seen.add(`${org.id}|${group.id}`);
    const record = await recordOf(ports.groupState, org.id, group.id, TERMS_ONLY);
    const roles = rolesIn(user, { org: org.id, group: group.id, terms: record.terms, today: dateIn(now, org.timeZone) });
    const role = roles.chair ? 'chair' : roles.viceChair ? 'viceChair' : roles.processLeader ? 'processLeader' : 'member';
    const rows = user.memberships.filter((x) => x.org === org.id && x.group === group.id);
    standings.push({
      org,
      group,
      role,
      rosterMember: rows.some((x) => x.roles.includes('member')),
      leadsMeetings: may('leadMeeting', roles),
      recordsDecisions: may('recordDecision', roles),
      editsMinutes: may('editMinutes', roles),
      approvesMinutes: may('approveMinutes', roles),
      takesPart: may('takePart', roles),
      exports: may('export', roles),
      editsCycle: may('editCycle', roles),
    });
  }
  return standings;
}
