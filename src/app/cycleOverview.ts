import type { Occurrence } from '../domain/annualCycle';
import type { ConversationRef } from '../domain/conversation';
import type { Group } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { ok, type Failure, type Result } from '../domain/result';
import { groupDeadlines } from './annualCycle';
import type { GroupLookupFailure, OrgCatalog } from './catalog';
import { targetGroups } from './chairCommands';
import type { CalendarTokenStore, ConversationRepository, GroupStateRepository } from './ports';

/** One group's coming deadlines and the token of its calendar feed. */
export interface CycleOverview {
  readonly group: Group;
  readonly deadlines: readonly Occurrence[];
  readonly calendarToken: string;
}

/** At most this many groups per answer (a channel linked to many groups would flood the chat). */
const MAX_GROUPS = 3;

/** `årshjul [grupp]`: the coming deadlines (`days` ahead) of the named group, else the channel's or the user's groups. */
export async function cycleOverview(
  input: { user: UserContext; channel: ConversationRef; query: string; now: Date; days: number },
  deps: { catalog: OrgCatalog; conversations: ConversationRepository; groupState: GroupStateRepository; calendarTokens: CalendarTokenStore },
): Promise<Result<CycleOverview[], GroupLookupFailure | Failure<'no-groups'>>> {
  const targets = await targetGroups(input, deps);
  if (!targets.ok) return targets;
  const out: CycleOverview[] = [];
  for (const { org, group } of targets.value.slice(0, MAX_GROUPS)) {
    const deadlines = await groupDeadlines(org, group, deps.groupState, input.now, input.days);
    out.push({ group, deadlines, calendarToken: await deps.calendarTokens.tokenFor(org.id, group.id) });
  }
  return ok(out);
}
