import { groupOf, hasDeputies, type Organisation } from '../domain/organisation';
import type { Locale } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { mayByMembership } from '../domain/permissions';
import type { GroupStanding } from '../app/help';
import { card, commandButton, facts, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { helpRoleTexts } from './helpTexts';
import { plain } from './escape';
import { texts } from './texts';

type CommandKey = keyof typeof texts.commands;

/** A command as typed, its `<grupp>` shown as text: escaped, since card markdown may read `<…>` as a tag (`[datum]` alone is no link). */
const usage = (command: string): string => command.replace(/[<>]/g, (c) => `\\${c}`);

/**
 * Which commands a user sees in help: appointing, adding and linking are for admins and process leaders;
 * the export and the årshjul edit also for whoever the permission table allows them in one of their groups (a chair).
 */
export function visibleCommands(user: UserContext, orgs: readonly Organisation[], standings: readonly GroupStanding[] = []): CommandKey[] {
  // Offered to whoever may edit some group's roster (admins and process leaders); each command still checks its own group.
  const manages = orgs.some((o) => o.groups.some((g) => mayByMembership('editRoster', user, o.id, g.id)));
  const admin = user.globalAdmin || user.adminOf.length > 0;
  // Named deputies exist only in groups with deputies (issue 12): offered where the person may name them.
  const namesDeputies = orgs.some((o) => o.groups.some((g) => hasDeputies(g) && mayByMembership('nameDeputy', user, o.id, g.id)));
  const exports = standings.some((s) => s.exports);
  const editsCycle = standings.some((s) => s.editsCycle);
  return [
    'help',
    'groups',
    'chair',
    'cycle',
    'meetings',
    'decisions',
    'history',
    'members',
    'language',
    ...(manages ? (['meeting', 'appoint', 'add', 'link', 'exportLog', 'cycleEdit', 'settings'] as const) : []),
    ...(!manages && exports ? (['exportLog'] as const) : []),
    ...(!manages && editsCycle ? (['cycleEdit'] as const) : []),
    ...(namesDeputies ? (['deputies'] as const) : []),
    ...(admin ? (['admins'] as const) : []),
  ];
}

/** The user's roles in plain words, e.g. "Processledare – LGS"; the chair and vice (from the group's terms, in `standings`) named first in their group. */
export function roleLines(user: UserContext, orgs: readonly Organisation[], locale: Locale, standings: readonly GroupStanding[] = []): string[] {
  const lines: string[] = [];
  if (user.globalAdmin) lines.push(texts.roleGlobalAdmin[locale]);
  for (const org of orgs) {
    if (user.adminOf.includes(org.id)) lines.push(texts.roleAdmin(plain(org.shortName))[locale]);
    const named = new Set<string>();
    for (const m of user.memberships.filter((x) => x.org === org.id)) {
      const group = plain(groupOf(org, m.group)?.shortName ?? m.group);
      const post = standings.find((s) => s.org.id === org.id && s.group.id === m.group)?.role;
      if (!named.has(m.group) && post === 'chair') lines.push(helpRoleTexts.chairHeading(group)[locale]);
      if (!named.has(m.group) && post === 'viceChair') lines.push(helpRoleTexts.viceHeading(group)[locale]);
      named.add(m.group);
      const party = m.party === null ? null : plain(org.parties.find((p) => p.id === m.party)?.name ?? m.party);
      if (m.roles.includes('processLeader')) lines.push(texts.roleProcessLeader(group)[locale]);
      if (m.roles.includes('member')) lines.push(texts.roleMember(group, party)[locale]);
    }
  }
  return lines;
}

type RoleCommand = keyof typeof helpRoleTexts.commands;

/** A chair's or vice's commands in the order of a meeting, each one the permission table allows them in the group. */
export function leadCommands(s: GroupStanding): RoleCommand[] {
  return [
    ...(s.leadsMeetings ? (['meeting', 'brief', 'close'] as const) : []),
    ...(s.recordsDecisions ? (['record'] as const) : []),
    ...(s.editsMinutes && s.approvesMinutes ? (['minutesChair'] as const) : s.editsMinutes ? (['minutes'] as const) : []),
    ...(s.editsMinutes ? (['publish'] as const) : []),
    ...(s.recordsDecisions ? (['chairDecision'] as const) : []),
    ...(s.approvesMinutes && !s.editsMinutes ? (['approve'] as const) : []),
  ];
}

/** The help sections by role: each chair and vice their role named and their commands, process leaders the meeting flow, members input and förankring. */
export function roleSections(standings: readonly GroupStanding[], locale: Locale): CardElement[] {
  const t = helpRoleTexts;
  const section = (heading: string, keys: readonly RoleCommand[]): CardElement[] => [
    textBlock(heading, { weight: 'Bolder', spacing: 'Medium' }),
    facts(keys.map((k) => t.commands[k][locale]).map(([cmd, what]) => [usage(cmd), what] as const)),
  ];
  const name = (s: GroupStanding) => plain(s.group.shortName);
  const names = (xs: readonly GroupStanding[]) => xs.map(name).join(', ');
  const out: CardElement[] = [];
  for (const s of standings.filter((x) => x.role === 'chair' || x.role === 'viceChair')) {
    out.push(...section((s.role === 'chair' ? t.chairHeading(name(s)) : t.viceHeading(name(s)))[locale], leadCommands(s)));
  }
  const leads = standings.filter((x) => x.role === 'processLeader' && x.leadsMeetings);
  if (leads.length > 0) out.push(...section(t.flowHeading(names(leads))[locale], ['meeting', 'brief', 'close', 'record', 'minutes', 'publish', 'chairDecision']));
  // Whoever is in the roster as a member takes part as one, a chair or vice too (input when absent, förankring).
  const members = standings.filter((x) => x.rosterMember && x.takesPart);
  if (members.length > 0) out.push(...section(t.memberHeading(names(members))[locale], ['input', 'forankring']));
  return out;
}

/** The help card: what this user can do, according to their roles (and, with standings, in each of their groups). */
export function helpCard(user: UserContext, orgs: readonly Organisation[], locale: Locale, standings: readonly GroupStanding[] = []): AdaptiveCard {
  const commands = visibleCommands(user, orgs, standings).map((k) => texts.commands[k][locale]);
  const roles = roleLines(user, orgs, locale, standings);
  return card(
    locale,
    texts.helpTitle[locale],
    [
      textBlock(texts.helpIntro[locale], { isSubtle: true }),
      facts(commands.map(([cmd, what]) => [usage(cmd), what] as const)),
      ...roleSections(standings, locale),
      textBlock(texts.yourRoles[locale], { weight: 'Bolder', spacing: 'Medium' }),
      roles.length > 0 ? textBlock(roles.map((r) => `- ${r}`).join('\n')) : textBlock(texts.noRoles[locale]),
    ],
    [commandButton(texts.buttonGroups[locale], locale === 'sv' ? 'grupper' : 'groups')],
  );
}
