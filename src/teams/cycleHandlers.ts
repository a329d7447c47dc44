import { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { respondToReminder } from '../app/annualCycle';
import { cycleOverview } from '../app/cycleOverview';
import type { CalendarTokenStore, Clock, ConversationRepository, GroupStateRepository, ReminderResponses } from '../app/ports';
import { cycleCard, reminderTexts } from '../cards/reminderCards';
import { chairTexts } from '../cards/chairTexts';
import { plain } from '../cards/escape';
import { texts } from '../cards/texts';
import { isIsoDate } from '../domain/calendarDate';
import type { Logger } from '../logger';
import { reply, sendCard, type Turn } from './turn';

export interface CycleDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly ledger: ReminderResponses;
  readonly calendarTokens: CalendarTokenStore;
  readonly publicBaseUrl: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
/** A real calendar date in 2000–2100. */
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => isIsoDate(d) && d >= '2000-01-01' && d <= '2100-12-31');

export const reminderSubmission = z.object({
  verb: z.enum(['reminderDone', 'reminderAck']),
  org: slug,
  group: slug,
  // `{item}|{date, year, meeting:{id} or term:{id}}`, as occurrence keys are made in src/domain/annualCycle.ts.
  occurrence: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}\|[A-Za-z0-9:._-]{1,120}$/),
  deadline: calendarDate,
});

/** `årshjul [grupp]`: the group's coming deadlines (a year ahead) and its calendar link. */
export async function showCycle(turn: Turn, deps: CycleDeps, arg: string): Promise<void> {
  const r = await cycleOverview({ user: turn.user, channel: turn.ref, query: arg, now: deps.clock.now(), days: 365 }, deps);
  if (!r.ok) {
    if (r.code === 'no-groups') return reply(turn, chairTexts.noGroupsForChair);
    return reply(turn, r.code === 'group-ambiguous' ? texts.groupAmbiguous(plain(r.query), r.orgs, r.groups === null ? null : plain(r.groups)) : texts.groupNotFound(plain(r.query)));
  }
  for (const { group, deadlines, calendarToken } of r.value)
    await sendCard(
      turn,
      cycleCard(group.shortName, deadlines.slice(0, 15), `${deps.publicBaseUrl}/ics/${calendarToken}.ics`, turn.locale, `${deps.publicBaseUrl}/arshjul/${calendarToken}.png${turn.locale === 'en' ? '?lang=en' : ''}`),
    );
}

/** The reminder card's buttons: "done" stops reminders for everyone, "seen" for the one who pressed it. */
export async function submitReminderResponse(turn: Turn, deps: CycleDeps, data: z.infer<typeof reminderSubmission>): Promise<void> {
  const verb = data.verb === 'reminderDone' ? 'done' : 'seen';
  const result = await respondToReminder(
    { response: { verb, org: data.org, group: data.group, occurrence: data.occurrence }, user: turn.user, now: deps.clock.now() },
    { catalog: deps.catalog, groupState: deps.groupState, ledger: deps.ledger },
  );
  if (!result.ok) {
    deps.logger.info('reminder.refused', { org: data.org, group: data.group, verb, code: result.code });
    if (result.code === 'unknown-occurrence') return reply(turn, texts.badCard);
    const group = plain(result.group.shortName);
    return reply(turn, result.code === 'not-allowed' ? reminderTexts.notAllowedDone(plain(result.item.title[turn.locale]), group) : reminderTexts.notInGroup(group));
  }
  const { org, group, item } = result.value;
  deps.logger.info(verb === 'done' ? 'reminder.done' : 'reminder.seen', { org: org.id, group: group.id, item: item.id });
  if (verb === 'done') return reply(turn, reminderTexts.markedDone(plain(item.title[turn.locale]), plain(group.shortName)));
  return reply(turn, reminderTexts.acknowledged(plain(item.title[turn.locale])));
}
