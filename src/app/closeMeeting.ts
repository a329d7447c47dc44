import type { Group } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { loadMeeting, type MeetingInGroup, type MeetingRef, type UnknownMeeting } from './meetingAccess';
import { closeMeeting } from './meetings';
import type { GroupStateRepository, MeetingInputRepository } from './ports';

export interface CloseMeetingPorts {
  readonly catalog: OrgCatalog;
  readonly groupState: Pick<GroupStateRepository, 'meeting' | 'groups' | 'saveMeeting'>;
  readonly meetingInputs: Pick<MeetingInputRepository, 'load'>;
}

export type CloseSubmitFailure<P> =
  UnknownMeeting | Failure<'bad-field', { problem: P }> | Failure<'not-lead', { group: Group }> | Failure<'not-started'> | Failure<'no-summaries'> | Failure<'conflict'>;

/**
 * The close form's submission (summaries parsed by the Teams layer against the meeting's
 * items): the meeting is marked held with the summaries; the sweep sends the catch-up.
 * Returns how many members had förhinder.
 */
export async function submitClose<P>(
  ref: MeetingRef,
  version: string,
  parse: (found: MeetingInGroup) => Result<Readonly<Record<string, string>>, Failure<'bad-field', { problem: P }>>,
  ctx: { user: UserContext; now: Date },
  ports: CloseMeetingPorts,
): Promise<Result<{ found: MeetingInGroup; absent: number }, CloseSubmitFailure<P>>> {
  const found = await loadMeeting(ports, ref);
  if (!found.ok) return found;
  const summaries = parse(found.value);
  if (!summaries.ok) return summaries;
  // A close form sent with every summary empty is most likely a slip: nothing to record, so refused.
  if (Object.values(summaries.value).every((s) => s.trim() === '')) return fail('no-summaries');
  const closed = await closeMeeting(summaries.value, version, { ...found.value, ...ctx }, ports.groupState, ports.meetingInputs);
  if (!closed.ok) return closed.code === 'not-lead' ? fail('not-lead', { group: found.value.group }) : fail(closed.code);
  return ok({ found: found.value, absent: closed.value.absent });
}
