import { z } from 'zod';
import type { GroupInOrg, OrgCatalog } from '../app/catalog';
import { groupDeadlines, mayMarkCycle } from '../app/annualCycle';
import type { CalendarTokenStore, Clock, ConversationRepository, GroupStateRepository } from '../app/ports';
import { cycleCard, reminderTexts } from '../cards/reminderCards';
import { chairTexts } from '../cards/chairTexts';
import { texts } from '../cards/texts';
import { orgsOfUser } from '../domain/people';
import type { Logger } from '../logger';
import type { ReminderLedger } from '../storage/reminderLedger';
import { contextGroups } from './contextGroups';
import { reply, sendCard, type Turn } from './turn';

export interface CycleDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly ledger: ReminderLedger;
  readonly calendarTokens: CalendarTokenStore;
  readonly publicBaseUrl: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

export const reminderSubmission = z.object({
  verb: z.enum(['reminderDone', 'reminderAck']),
  org: z.string().regex(/^[a-z0-9-]+$/),
  group: z.string().regex(/^[a-z0-9-]+$/),
  occurrence: z.string().min(3).max(300),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** `årshjul [grupp]`: the group's coming deadlines (a year ahead) and its calendar link. */
export async function showCycle(turn: Turn, deps: CycleDeps, arg: string): Promise<void> {
  let targets: GroupInOrg[] = [];
  if (arg.trim() !== '') {
    const found = deps.catalog.findGroup(arg, orgsOfUser(turn.user));
    if (!found.ok) return reply(turn, found.code === 'group-ambiguous' ? texts.groupAmbiguous(arg.trim(), String(found.details?.orgs)) : texts.groupNotFound(arg.trim()));
    targets = [found.value];
  } else {
    targets = await contextGroups(turn, deps);
  }
  if (targets.length === 0) return reply(turn, chairTexts.noGroupsForChair);
  for (const { org, group } of targets.slice(0, 3)) {
    const deadlines = await groupDeadlines(org, group, deps.groupState, deps.clock.now(), 365);
    const token = await deps.calendarTokens.tokenFor(org.id, group.id);
    await sendCard(turn, cycleCard(group.shortName, deadlines.slice(0, 15), `${deps.publicBaseUrl}/ics/${token}.ics`, turn.locale));
  }
}

/** The reminder card's buttons: "done" stops reminders for everyone, "seen" for the one who pressed it. */
export async function submitReminderResponse(turn: Turn, deps: CycleDeps, data: z.infer<typeof reminderSubmission>): Promise<void> {
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  const item = org?.annualCycle.find((c) => data.occurrence.startsWith(`${c.id}|`));
  if (org === undefined || group === undefined || item === undefined) return reply(turn, texts.badCard);
  if (!mayMarkCycle(turn.user, org, group)) return reply(turn, reminderTexts.notInGroup(group.shortName));
  const now = deps.clock.now();
  if (data.verb === 'reminderDone') {
    await deps.ledger.markDone(org.id, group.id, data.occurrence, data.deadline, turn.user.aadObjectId, now);
    deps.logger.info('reminder.done', { org: org.id, group: group.id, item: item.id });
    return reply(turn, reminderTexts.markedDone(item.title[turn.locale], group.shortName));
  }
  await deps.ledger.acknowledge(org.id, group.id, data.occurrence, turn.user.aadObjectId, data.deadline, now);
  return reply(turn, reminderTexts.acknowledged(item.title[turn.locale]));
}
