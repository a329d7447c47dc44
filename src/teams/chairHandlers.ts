import { randomUUID } from 'node:crypto';
import { TeamsInfo } from 'botbuilder';
import { z } from 'zod';
import type { GroupInOrg, OrgCatalog } from '../app/catalog';
import { appoint, viewChairs, type ChairView } from '../app/chairs';
import { addMember, mayEditRoster } from '../app/members';
import type { Clock, ConversationRepository, GroupStateRepository } from '../app/ports';
import { appointCard, chairCard, historyCard, ruleBreachText } from '../cards/chairCards';
import { chairTexts, roleName } from '../cards/chairTexts';
import { addMemberCard, memberTexts, membersCard } from '../cards/memberCards';
import { texts } from '../cards/texts';
import type { Group, Organisation } from '../domain/organisation';
import { orgsOfUser } from '../domain/people';
import type { Logger } from '../logger';
import { contextGroups } from './contextGroups';
import { reply, replyText, replyWithCard, sendCard, type Turn } from './turn';

export interface ChairDeps {
  readonly catalog: OrgCatalog;
  readonly conversations: ConversationRepository;
  readonly groupState: GroupStateRepository;
  readonly clock: Clock;
  readonly logger: Logger;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const guid = z.string().regex(/^[0-9a-fA-F-]{36,37}$/);

export const appointSubmission = z.object({
  verb: z.literal('appoint'),
  org: slug,
  group: slug,
  version: z.string().max(200),
  role: z.enum(['chair', 'viceChair']),
  holder: guid,
  origin: z.enum(['rotation', 'replacement', 'extension']),
  start: isoDate,
  end: isoDate,
  exceptionReason: z.string().max(500).optional().default(''),
});

export const addMemberSubmission = z.object({
  verb: z.literal('addMember'),
  org: slug,
  group: slug,
  person: guid,
  displayName: z.string().trim().min(1).max(100).optional(),
  party: z.union([slug, z.literal('')]).optional().default(''),
  role: z.enum(['member', 'processLeader']),
});

/** Resolves the group a command names, answering in the user's language when it cannot. */
async function namedGroup(turn: Turn, deps: ChairDeps, query: string): Promise<GroupInOrg | null> {
  if (query.trim() === '') {
    await reply(turn, chairTexts.noGroupsForChair);
    return null;
  }
  const found = deps.catalog.findGroup(query, orgsOfUser(turn.user));
  if (found.ok) return found.value;
  if (found.code === 'group-ambiguous') await reply(turn, texts.groupAmbiguous(String(found.details?.query), String(found.details?.orgs)));
  else await reply(turn, texts.groupNotFound(String(found.details?.query)));
  return null;
}

/** `ordförande [grupp]`: the named group, else the linked channel's groups, else the user's own. */
export async function showChairs(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  let targets: GroupInOrg[];
  if (arg.trim() !== '') {
    const one = await namedGroup(turn, deps, arg);
    if (one === null) return;
    targets = [one];
  } else {
    targets = await contextGroups(turn, deps);
  }
  if (targets.length === 0) return reply(turn, chairTexts.noGroupsForChair);
  // One query per organisation: the user's groups are almost always in one.
  const byOrg = new Map<Organisation, Group[]>();
  for (const t of targets) byOrg.set(t.org, [...(byOrg.get(t.org) ?? []), t.group]);
  const views: ChairView[] = [];
  for (const [org, groups] of byOrg) views.push(...(await viewChairs(org, groups, turn.user, deps.groupState, deps.clock.now())));
  await sendCard(turn, chairCard(views, turn.locale));
}

/** `historik <grupp>`: every term of the group, newest first. */
export async function showHistory(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  const target = await namedGroup(turn, deps, arg);
  if (target === null) return;
  const [view] = await viewChairs(target.org, [target.group], turn.user, deps.groupState, deps.clock.now());
  await sendCard(turn, historyCard(view!, turn.locale));
}

/** `utse <grupp>`: the appointment form, for those allowed to appoint. */
export async function showAppointForm(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  const target = await namedGroup(turn, deps, arg);
  if (target === null) return;
  if (target.group.chairRule === null) return reply(turn, chairTexts.noChairRule(target.group.shortName));
  const [view] = await viewChairs(target.org, [target.group], turn.user, deps.groupState, deps.clock.now());
  if (!view!.canAppoint) return reply(turn, chairTexts.notAllowedAppoint(target.group.shortName));
  await sendCard(turn, appointCard(view!, turn.locale));
}

/** The appointment form's submission: checked against the rules, recorded, or refused with the rule named. */
export async function submitAppointment(turn: Turn, deps: ChairDeps, data: z.infer<typeof appointSubmission>): Promise<void> {
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  if (org === undefined || group === undefined) return reply(turn, texts.groupNotFound(data.group));
  const result = await appoint(
    { ...data, version: data.version === '' ? null : data.version },
    { org, group, user: turn.user, now: deps.clock.now(), newId: randomUUID },
    deps.groupState,
  );
  if (result.ok) {
    const { term, view } = result.value;
    deps.logger.info('term.recorded', { org: org.id, group: group.id, role: term.role, origin: term.origin, exception: term.exception !== null });
    const lines = [chairTexts.appointed(roleName(term.role)[turn.locale], term.holder.displayName, group.shortName, term.start, term.plannedEnd)[turn.locale]];
    if (term.exception !== null) lines.push(chairTexts.appointedException[turn.locale]);
    return replyWithCard(turn, lines.join(' '), chairCard([view], turn.locale));
  }
  const f = result.failure;
  deps.logger.info('term.refused', { org: org.id, group: group.id, code: f.code });
  switch (f.code) {
    case 'rule-broken':
      return replyText(turn, ruleBreachText(f.current, f.breaches, turn.locale));
    case 'conflict':
      return replyWithCard(turn, chairTexts.conflict[turn.locale], chairCard([f.current], turn.locale));
    case 'not-allowed':
      return reply(turn, chairTexts.notAllowedAppoint(group.shortName));
    case 'holder-not-member':
      return reply(turn, chairTexts.holderNotMember);
    case 'bad-dates':
      return reply(turn, chairTexts.badDates);
    case 'nothing-to-replace':
      return reply(turn, chairTexts.nothingToReplace);
    case 'no-chair-rule':
      return reply(turn, chairTexts.noChairRule(group.shortName));
  }
}

/** `ledamöter <grupp>`: the roster with parties and roles. */
export async function showMembers(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  const target = await namedGroup(turn, deps, arg);
  if (target === null) return;
  const [view] = await viewChairs(target.org, [target.group], turn.user, deps.groupState, deps.clock.now());
  await sendCard(turn, membersCard(view!, mayEditRoster(turn.user, target.org, target.group), turn.locale));
}

/** The team roster behind the group's linked channel (or this channel's team), through the connector. */
async function teamRoster(turn: Turn, deps: ChairDeps, target: GroupInOrg): Promise<{ aadObjectId: string; name: string }[] | null> {
  const teamId = turn.ref.teamId ?? (await deps.conversations.channelOfGroup(target.org.id, target.group.id))?.channel.teamId ?? null;
  if (teamId === null) return null;
  const members: { aadObjectId: string; name: string }[] = [];
  let token: string | undefined;
  do {
    const page = await TeamsInfo.getPagedTeamMembers(turn.context, teamId, 500, token);
    for (const m of page.members) if (m.aadObjectId) members.push({ aadObjectId: m.aadObjectId.toLowerCase(), name: m.name ?? m.givenName ?? m.aadObjectId });
    token = page.continuationToken;
  } while (token);
  return members.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** `lägg till <grupp>`: the add-member form, offering the linked team's roster. */
export async function showAddMemberForm(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  const target = await namedGroup(turn, deps, arg);
  if (target === null) return;
  if (!mayEditRoster(turn.user, target.org, target.group)) return reply(turn, memberTexts.notAllowed(target.group.shortName));
  await sendCard(turn, addMemberCard(target.org, target.group, await teamRoster(turn, deps, target), turn.locale));
}

/** The add-member submission: role checked, person confirmed in the team roster when chosen from it. */
export async function submitAddMember(turn: Turn, deps: ChairDeps, data: z.infer<typeof addMemberSubmission>): Promise<void> {
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  if (org === undefined || group === undefined) return reply(turn, texts.groupNotFound(data.group));
  const target = { org, group };
  if (!mayEditRoster(turn.user, org, group)) return reply(turn, memberTexts.notAllowed(group.shortName));
  let displayName = data.displayName;
  if (displayName === undefined) {
    const roster = await teamRoster(turn, deps, target);
    displayName = roster?.find((r) => r.aadObjectId === data.person.toLowerCase())?.name;
    if (displayName === undefined) return reply(turn, memberTexts.notInTeam);
  }
  const result = await addMember(
    { aadObjectId: data.person, displayName, party: data.party === '' ? null : data.party, roles: [data.role] },
    { org, group, user: turn.user },
    deps.groupState,
  );
  if (result.ok) {
    deps.logger.info('member.added', { org: org.id, group: group.id, role: data.role });
    return reply(turn, memberTexts.added(displayName, group.shortName));
  }
  if (result.code === 'not-allowed') return reply(turn, memberTexts.notAllowed(group.shortName));
  if (result.code === 'party-required') return reply(turn, memberTexts.partyRequired);
  return reply(turn, memberTexts.unknownParty);
}
