import type { OrgCatalog } from '../app/catalog';
import { dateFormat } from '../domain/calendarDate';
import { impliedGroup, meetingByName } from '../app/meetingByName';
import type { ConversationRepository, GroupStateRepository } from '../app/ports';
import { plain } from '../cards/escape';
import { chooseGroupCard, chooseMeetingCard, meetingChoiceTexts as t } from '../cards/meetingChoiceCards';
import { texts } from '../cards/texts';
import type { MeetingPick } from '../domain/meetingChoice';
import { reply, sendCard, type Turn } from './turn';

export interface MeetingByNameDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: Pick<GroupStateRepository, 'groups'>;
  readonly conversations: Pick<ConversationRepository, 'linksOfChannel'>;
  readonly clock: { now(): Date };
}

/**
 * The `org/group/id` a typed command means ("avsluta LGS 3 dec", or nothing in a linked channel);
 * null once the person has been answered instead (a choice card, or why no meeting was found).
 */
export async function meetingArgument(turn: Turn, deps: MeetingByNameDeps, argument: string, command: string, pick: MeetingPick, suffix = ''): Promise<string | null> {
  const commandFor = (target: string) => [command, target, suffix].filter((x) => x !== '').join(' ');
  const r = await meetingByName(argument, pick, { user: turn.user, now: deps.clock.now(), channel: turn.ref }, deps);
  if (r.ok) return r.value;
  const day = (iso: string) =>
    dateFormat(turn.locale === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  switch (r.code) {
    case 'group-not-found':
      await reply(turn, texts.groupNotFound(plain(r.query)));
      break;
    case 'group-ambiguous':
      await reply(turn, texts.groupAmbiguous(plain(r.query), r.orgs));
      break;
    case 'choose-group':
      if (r.groups.length === 0) await reply(turn, t.noGroups);
      else await sendCard(turn, chooseGroupCard(command, commandFor, r.groups, turn.locale));
      break;
    case 'no-meeting':
      await reply(turn, r.date === null ? t.noMeeting(plain(r.group.shortName)) : t.noMeetingOn(plain(r.group.shortName), day(r.date)));
      break;
    case 'choose-meeting':
      await sendCard(turn, chooseMeetingCard(commandFor, r.org, r.group, r.meetings, turn.locale));
      break;
  }
  return null;
}

/**
 * `möte`, `beslut`, `ledamöter` … typed without a group: the channel's linked group or the
 * person's only group as `org/group`; several get a card to choose from (then null). With no
 * group at all the argument stays empty, for the command's own answer.
 */
export async function groupArgument(turn: Turn, deps: MeetingByNameDeps, command: string): Promise<string | null> {
  const r = await impliedGroup({ user: turn.user, channel: turn.ref }, deps);
  if (r.ok) return `${r.value.org.id}/${r.value.group.id}`;
  if (r.code !== 'choose-group' || r.groups.length === 0) return '';
  await sendCard(
    turn,
    chooseGroupCard(command, (target) => `${command} ${target}`, r.groups, turn.locale),
  );
  return null;
}
