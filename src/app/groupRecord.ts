import type { GroupId, OrgId } from '../domain/organisation';
import type { GroupRecord, GroupStateRepository } from './ports';

/** One group's terms, roster and meetings (one partition query); empty, version null, before anything is stored. */
export async function recordOf(state: GroupStateRepository, org: OrgId, group: GroupId): Promise<GroupRecord> {
  return (await state.groups(org, [group])).get(group) ?? { group, terms: [], members: [], meetings: [], version: null };
}
