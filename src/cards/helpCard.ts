import { groupOf, type Organisation } from '../domain/organisation';
import type { Locale } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { mayByMembership } from '../domain/permissions';
import { card, commandButton, facts, textBlock, type AdaptiveCard } from './adaptive';
import { plain } from './escape';
import { texts } from './texts';

type CommandKey = keyof typeof texts.commands;

/** Which commands a user sees in help: appointing, adding and linking are for admins and process leaders. */
export function visibleCommands(user: UserContext, orgs: readonly Organisation[]): CommandKey[] {
  // Offered to whoever may edit some group's roster (admins and process leaders); each command still checks its own group.
  const manages = orgs.some((o) => o.groups.some((g) => mayByMembership('editRoster', user, o.id, g.id)));
  const admin = user.globalAdmin || user.adminOf.length > 0;
  return [
    'help', 'groups', 'chair', 'cycle', 'meetings', 'decisions', 'history', 'members', 'language',
    ...(manages ? (['meeting', 'appoint', 'add', 'link', 'exportLog', 'cycleEdit', 'settings'] as const) : []),
    ...(admin ? (['admins'] as const) : []),
  ];
}

/** The user's roles in plain words, e.g. "Processledare – LGS". */
export function roleLines(user: UserContext, orgs: readonly Organisation[], locale: Locale): string[] {
  const lines: string[] = [];
  if (user.globalAdmin) lines.push(texts.roleGlobalAdmin[locale]);
  for (const org of orgs) {
    if (user.adminOf.includes(org.id)) lines.push(texts.roleAdmin(plain(org.shortName))[locale]);
    for (const m of user.memberships.filter((x) => x.org === org.id)) {
      const group = plain(groupOf(org, m.group)?.shortName ?? m.group);
      const party = m.party === null ? null : plain(org.parties.find((p) => p.id === m.party)?.name ?? m.party);
      if (m.roles.includes('processLeader')) lines.push(texts.roleProcessLeader(group)[locale]);
      if (m.roles.includes('member')) lines.push(texts.roleMember(group, party)[locale]);
    }
  }
  return lines;
}

/** The help card: what this user can do, according to their roles. */
export function helpCard(user: UserContext, orgs: readonly Organisation[], locale: Locale): AdaptiveCard {
  const commands = visibleCommands(user, orgs).map((k) => texts.commands[k][locale]);
  const roles = roleLines(user, orgs, locale);
  return card(
    locale,
    texts.helpTitle[locale],
    [
      textBlock(texts.helpIntro[locale], { isSubtle: true }),
      facts(commands.map(([cmd, what]) => [cmd, what] as const)),
      textBlock(texts.yourRoles[locale], { weight: 'Bolder', spacing: 'Medium' }),
      roles.length > 0 ? textBlock(roles.map((r) => `- ${r}`).join('\n')) : textBlock(texts.noRoles[locale]),
    ],
    [commandButton(texts.buttonGroups[locale], locale === 'sv' ? 'grupper' : 'groups')],
  );
}
