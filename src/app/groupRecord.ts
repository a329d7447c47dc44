import type { GroupId, OrgId } from '../domain/organisation';
import { WHOLE_RECORD, type GroupRecord, type GroupStateRepository, type RecordParts } from './ports';

/** One group's terms and, as `parts` asks, roster and meetings (one partition query); empty, version null, before anything is stored. */
export async function recordOf(state: Pick<GroupStateRepository, 'groups'>, org: OrgId, group: GroupId, parts: RecordParts = WHOLE_RECORD): Promise<GroupRecord> {
  return (await state.groups(org, [group], parts)).get(group) ?? { group, terms: [], members: [], meetings: [], version: null };
}
