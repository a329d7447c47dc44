import type { GroupInOrg } from '../app/catalog';
import type { Meeting } from '../domain/meetings';
import type { Group, Locale, Organisation } from '../domain/organisation';
import { card, commandButton, textBlock, type AdaptiveCard } from './adaptive';
import { plain } from './escape';
import { when } from './meetingTexts';
import { both } from './texts';

/** Texts for finding a meeting by its group's name and a date. */
export const meetingChoiceTexts = {
  chooseGroup: both('Vilken grupp gäller det?', 'Which group is it about?'),
  chooseGroupHint: (command: string, example: string) =>
    both(`Välj en grupp, eller skriv till exempel **${command} ${example}**.`, `Choose a group, or type for example **${command} ${example}**.`),
  noGroups: both(
    'Du är inte med i någon grupp ännu. Skriv **grupper** för att se vilka som finns.',
    'You are not in any group yet. Type **groups** to see which there are.',
  ),
  chooseMeeting: (group: string) => both(`Vilket möte i ${group}?`, `Which meeting of ${group}?`),
  noMeeting: (group: string) =>
    both(
      `${group} har inget möte att välja här. Skriv **möten ${group}** för att se gruppens möten.`,
      `${group} has no meeting to choose here. Type **meetings ${group}** to see the group's meetings.`,
    ),
  noMeetingOn: (group: string, day: string) =>
    both(
      `${group} har inget möte ${day}. Skriv **möten ${group}** för att se gruppens möten.`,
      `${group} has no meeting on ${day}. Type **meetings ${group}** to see the group's meetings.`,
    ),
};

/** One button per group; each runs the same command for that group. */
export function chooseGroupCard(command: string, commandFor: (target: string) => string, groups: readonly GroupInOrg[], locale: Locale): AdaptiveCard {
  const t = meetingChoiceTexts;
  return card(
    locale,
    t.chooseGroup[locale],
    [textBlock(t.chooseGroupHint(command, plain(groups.at(0)?.group.shortName ?? ''))[locale])],
    groups.map(({ org, group }) => commandButton(`${plain(group.shortName)} (${plain(org.shortName)})`, commandFor(`${org.id}/${group.id}`))),
  );
}

/** One button per meeting (date, time and title); each runs the command for that meeting. */
export function chooseMeetingCard(commandFor: (target: string) => string, org: Organisation, group: Group, meetings: readonly Meeting[], locale: Locale): AdaptiveCard {
  return card(
    locale,
    meetingChoiceTexts.chooseMeeting(plain(group.shortName))[locale],
    [],
    meetings.map((m) => commandButton(`${when(m.startsAt, org.timeZone, locale)} – ${plain(m.title)}`, commandFor(`${org.id}/${group.id}/${m.id}`))),
  );
}
