import { dateIn } from '../domain/calendarDate';
import type { Group, Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { may, rolesIn } from '../domain/permissions';
import type { OrgCatalog } from './catalog';
import { recordOf } from './groupRecord';
import type { GroupStateRepository } from './ports';

/** One of the person's groups, with what they may do there (by the permission table). */
export interface GroupStanding {
  readonly org: Organisation;
  readonly group: Group;
  readonly role: 'chair' | 'viceChair' | 'processLeader' | 'member';
  /** Create, revise, close meetings; the brief; minutes and decisions. */
  readonly leadsMeetings: boolean;
  /** Record decisions (and, as chair, ordförandebeslut between meetings). */
  readonly recordsDecisions: boolean;
  /** Approve (justera) or return minutes as chair. */
  readonly approvesMinutes: boolean;
  /** Answer attendance and write input. */
  readonly takesPart: boolean;
}

/**
 * What help shows a person: for each group in their roster, the role that names them there
 * (chair before vice before process leader before member) and what the permission table lets
 * that role do. Chair terms are read for today in the organisation's time zone.
 */
export async function helpStandings(user: UserContext, now: Date, ports: { catalog: OrgCatalog; groupState: GroupStateRepository }): Promise<GroupStanding[]> {
  const standings: GroupStanding[] = [];
  for (const m of user.memberships) {
    const org = ports.catalog.get(m.org);
    const group = org?.groups.find((g) => g.id === m.group);
    if (org === undefined || group === undefined) continue;
    const record = await recordOf(ports.groupState, org.id, group.id);
    const roles = rolesIn(user, { org: org.id, group: group.id, terms: record.terms, today: dateIn(now, org.timeZone) });
    const role = roles.chair ? 'chair' : roles.viceChair ? 'viceChair' : roles.processLeader ? 'processLeader' : 'member';
    standings.push({
      org,
      group,
      role,
      leadsMeetings: may('leadMeeting', roles),
      recordsDecisions: may('recordDecision', roles),
      approvesMinutes: may('approveMinutes', roles),
      takesPart: may('takePart', roles),
    });
  }
  return standings;
}
