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
import { plain } from '../cards/escape';
import { formTexts, NAME_MAX, REASON_MAX, type FieldTexts } from '../cards/formTexts';
import { isIsoDate } from '../domain/calendarDate';
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
/** A real calendar date in 2000–2100 (a term date outside that is a typo or a forgery). */
const termDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => isIsoDate(d) && d >= '2000-01-01' && d <= '2100-12-31');
// An AAD object id is a GUID; the demo people (orgs/demo/demo.yaml) have 13 hex digits in the last group.
const aadObjectId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/i);
/** One line of text: no control characters (a name with a line break would break every card it is on). */
const oneLine = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\p{Cc}]*$/u);

/** Routes the appointment form's submissions; the fields are checked by `appointSubmission` in the handler. */
export const appointForm = z.object({ verb: z.literal('appoint') }).passthrough();

export const appointSubmission = z.object({
  verb: z.literal('appoint'),
  org: slug,
  group: slug,
  version: z.string().max(200),
  role: z.enum(['chair', 'viceChair']),
  holder: aadObjectId,
  origin: z.enum(['rotation', 'replacement', 'extension']),
  start: termDate,
  end: termDate,
  exceptionReason: z.string().max(REASON_MAX).optional().default(''),
});

/** Routes the add-member form's submissions; the fields are checked by `addMemberSubmission` in the handler. */
export const addMemberForm = z.object({ verb: z.literal('addMember') }).passthrough();

export const addMemberSubmission = z.object({
  verb: z.literal('addMember'),
  org: slug,
  group: slug,
  person: aadObjectId,
  displayName: oneLine(NAME_MAX).optional(),
  party: z.union([slug, z.literal('')]).optional().default(''),
  role: z.enum(['member', 'processLeader']),
});

/**
 * Parses a form strictly. A field the user typed that the server refuses is named back to
 * them (with its limit); anything else wrong means the card was tampered with or is stale.
 */
async function parseForm<S extends z.ZodTypeAny>(turn: Turn, deps: ChairDeps, schema: S, data: unknown, typed: FieldTexts): Promise<z.infer<S> | null> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
  deps.logger.warn('card.invalid', { scope: turn.ref.conversationType, fields: fields.join(',') });
  const named = fields.map((f) => typed[f]);
  if (named.some((t) => t === undefined)) {
    await reply(turn, texts.badCard);
    return null;
  }
  await reply(turn, formTexts.refused(named.map((t) => t![turn.locale])));
  return null;
}

/** Resolves the group a command names, answering in the user's language when it cannot. */
async function namedGroup(turn: Turn, deps: ChairDeps, query: string): Promise<GroupInOrg | null> {
  if (query.trim() === '') {
    await reply(turn, chairTexts.noGroupsForChair);
    return null;
  }
  const found = deps.catalog.findGroup(query, orgsOfUser(turn.user));
  if (found.ok) return found.value;
  if (found.code === 'group-ambiguous') await reply(turn, texts.groupAmbiguous(plain(found.query), found.orgs));
  else await reply(turn, texts.groupNotFound(plain(found.query)));
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
  if (target.group.chairRule === null) return reply(turn, chairTexts.noChairRule(plain(target.group.shortName)));
  const [view] = await viewChairs(target.org, [target.group], turn.user, deps.groupState, deps.clock.now());
  if (!view!.canAppoint) return reply(turn, chairTexts.notAllowedAppoint(plain(target.group.shortName)));
  await sendCard(turn, appointCard(view!, turn.locale));
}

/** The appointment form's submission: checked against the rules, recorded, or refused with the rule named. */
export async function submitAppointment(turn: Turn, deps: ChairDeps, form: unknown): Promise<void> {
  const data = await parseForm(turn, deps, appointSubmission, form, formTexts.appointFields);
  if (data === null) return;
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
    const lines = [chairTexts.appointed(roleName(term.role)[turn.locale], plain(term.holder.displayName), plain(group.shortName), term.start, term.plannedEnd)[turn.locale]];
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
      return reply(turn, chairTexts.notAllowedAppoint(plain(group.shortName)));
    case 'holder-not-member':
      return reply(turn, chairTexts.holderNotMember);
    case 'bad-dates':
      return reply(turn, chairTexts.badDates);
    case 'nothing-to-replace':
      return reply(turn, chairTexts.nothingToReplace);
    case 'no-chair-rule':
      return reply(turn, chairTexts.noChairRule(plain(group.shortName)));
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
  if (!mayEditRoster(turn.user, target.org, target.group)) return reply(turn, memberTexts.notAllowed(plain(target.group.shortName)));
  await sendCard(turn, addMemberCard(target.org, target.group, await teamRoster(turn, deps, target), turn.locale));
}

/** The add-member submission: role checked, person confirmed in the team roster when chosen from it. */
export async function submitAddMember(turn: Turn, deps: ChairDeps, form: unknown): Promise<void> {
  const data = await parseForm(turn, deps, addMemberSubmission, form, formTexts.addMemberFields);
  if (data === null) return;
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  if (org === undefined || group === undefined) return reply(turn, texts.groupNotFound(data.group));
  const person = data.person.toLowerCase();
  // A typed name is used as typed; otherwise the name comes from the team roster (asked only once allowed).
  const nameOf = async () => data.displayName ?? (await teamRoster(turn, deps, { org, group }))?.find((r) => r.aadObjectId === person)?.name;
  const result = await addMember(
    { aadObjectId: person, party: data.party === '' ? null : data.party, roles: [data.role] },
    { org, group, user: turn.user, nameOf },
    deps.groupState,
  );
  if (result.ok) {
    deps.logger.info('member.added', { org: org.id, group: group.id, role: data.role });
    return reply(turn, memberTexts.added(plain(result.value.displayName), plain(group.shortName)));
  }
  switch (result.code) {
    case 'not-allowed':
      return reply(turn, memberTexts.notAllowed(plain(group.shortName)));
    case 'not-in-team':
      return reply(turn, memberTexts.notInTeam);
    case 'party-required':
      return reply(turn, memberTexts.partyRequired);
    case 'unknown-party':
      return reply(turn, memberTexts.unknownParty);
  }
}
