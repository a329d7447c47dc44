import type { QueuedItem } from '../domain/decisions';
import type { Group, Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { loadMeeting, namedGroup, type GroupNotFound, type MeetingInGroup, type MeetingRef, type UnknownMeeting } from './meetingAccess';
import { openLeadForm, openMeetingForm } from './meetings';
import type { DecisionRepository, GroupStateRepository } from './ports';

export interface MeetingFormPorts {
  readonly catalog: OrgCatalog;
  readonly groupState: Pick<GroupStateRepository, 'groups' | 'meeting' | 'openMeetingForm'>;
  readonly decisions: Pick<DecisionRepository, 'queue'>;
}

export type NotLead = Failure<'not-lead', { group: Group }>;

/**
 * `möte <grupp>`: a lead gets the new-meeting form. Its key is recorded now, so a replayed
 * submission creates one meeting; matters sent back (återremitterade) are offered first.
 */
export async function newMeetingForm(
  query: string,
  ctx: { user: UserContext; now: Date },
  ports: MeetingFormPorts,
): Promise<Result<{ org: Organisation; group: Group; formKey: string; queued: QueuedItem[] }, GroupNotFound | NotLead>> {
  const target = namedGroup(ports.catalog, ctx.user, query);
  if (!target.ok) return target;
  const { org, group } = target.value;
  const opened = await openMeetingForm({ org, group, ...ctx }, ports.groupState);
  if (!opened.ok) return fail('not-lead', { group });
  return ok({ org, group, formKey: opened.value, queued: await ports.decisions.queue(org.id, group.id) });
}

/** `revidera` / `avsluta <möte>`: the revise form (any time) or the close form (once started), for leads. */
export async function leadForm(
  form: 'revise' | 'close',
  ref: MeetingRef,
  ctx: { user: UserContext; now: Date },
  ports: Pick<MeetingFormPorts, 'catalog' | 'groupState'>,
): Promise<Result<MeetingInGroup, UnknownMeeting | NotLead | Failure<'not-started'>>> {
  const found = await loadMeeting(ports, ref);
  if (!found.ok) return found;
  const allowed = openLeadForm(form, { ...found.value, ...ctx });
  if (!allowed.ok) return allowed.code === 'not-lead' ? fail('not-lead', { group: found.value.group }) : fail('not-started');
  return found;
}
