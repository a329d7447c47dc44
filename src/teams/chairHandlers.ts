import { randomUUID } from 'node:crypto';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import {
  addMemberForm as addMemberFormFor,
  addMemberFromForm,
  appointFromForm,
  appointmentForm,
  chairOfNamedGroup,
  chairsInContext,
  type NamedGroupFailure,
} from '../app/chairCommands';
import type { Clock, ConversationRepository, GroupStateRepository, TeamRoster } from '../app/ports';
import { appointCard, chairCard, historyCard, ruleBreachText } from '../cards/chairCards';
import { chairTexts, roleName } from '../cards/chairTexts';
import { addMemberCard, memberTexts, membersCard } from '../cards/memberCards';
import { plain } from '../cards/escape';
import { formTexts, REASON_MAX, type FieldTexts } from '../cards/formTexts';
import { aadObjectIdSchema, type AadIdMode } from '../domain/aadId';
import { isIsoDate } from '../domain/calendarDate';
import { texts } from '../cards/texts';
import type { Logger } from '../logger';
import { pageArgument } from './commands';
import { reply, replyText, replyWithCard, sendCard, type Turn } from './turn';

export interface ChairDeps {
  readonly catalog: OrgCatalog;
  readonly conversations: ConversationRepository;
  readonly groupState: GroupStateRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Which AAD object ids the forms accept (the Playground's only in local mode). */
  readonly aadIdMode: AadIdMode;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
/** A real calendar date in 2000–2100 (a term date outside that is a typo or a forgery). */
const termDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => isIsoDate(d) && d >= '2000-01-01' && d <= '2100-12-31');

/** Routes the appointment form's submissions; the fields are checked by `appointSubmission` in the handler. */
export const appointForm = z.object({ verb: z.literal('appoint') }).passthrough();

const appointSubmissionOf = (mode: AadIdMode) =>
  z.object({
    verb: z.literal('appoint'),
    org: slug,
    group: slug,
    version: z.string().max(200),
    role: z.enum(['chair', 'viceChair']),
    holder: aadObjectIdSchema(mode),
    origin: z.enum(['rotation', 'replacement', 'extension']),
    start: termDate,
    end: termDate,
    exceptionReason: z.string().max(REASON_MAX).optional().default(''),
  });

/** Routes the add-member form's submissions; the fields are checked by `addMemberSubmission` in the handler. */
export const addMemberForm = z.object({ verb: z.literal('addMember') }).passthrough();

const addMemberSubmissionOf = (mode: AadIdMode) =>
  z.object({
    verb: z.literal('addMember'),
    org: slug,
    group: slug,
    // Chosen from the people the form offers (checked again by the use case); a name is never typed.
    person: aadObjectIdSchema(mode),
    party: z
      .union([slug, z.literal('')])
      .optional()
      .default(''),
    role: z.enum(['member', 'processLeader']),
  });

/** The form schemas per AAD id mode, built once. */
export const appointSubmission = { strict: appointSubmissionOf('strict'), local: appointSubmissionOf('local') } as const;
export const addMemberSubmission = { strict: addMemberSubmissionOf('strict'), local: addMemberSubmissionOf('local') } as const;

/**
 * Parses a form strictly. A field the user typed that the server refuses is named back to
 * them (with its limit); anything else wrong means the card was tampered with or is stale.
 */
async function parseForm<S extends z.ZodTypeAny>(turn: Turn, deps: ChairDeps, schema: S, data: unknown, typed: FieldTexts): Promise<z.infer<S> | null> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as z.infer<S>;
  const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
  deps.logger.warn('card.invalid', { scope: turn.ref.conversationType, fields: fields.join(',') });
  const named = fields.map((f) => typed[f]).filter((t): t is NonNullable<typeof t> => t !== undefined);
  if (named.length < fields.length) {
    await reply(turn, texts.badCard);
    return null;
  }
  await reply(turn, formTexts.refused(named.map((t) => t[turn.locale])));
  return null;
}

/** Answers a group name that is missing or not one group, in the user's language. */
export function replyGroupLookup(turn: Turn, f: NamedGroupFailure): Promise<void> {
  if (f.code === 'no-group-named') return reply(turn, chairTexts.noGroupsForChair);
  if (f.code === 'group-ambiguous') return reply(turn, texts.groupAmbiguous(plain(f.query), f.orgs, f.groups === null ? null : plain(f.groups)));
  return reply(turn, texts.groupNotFound(plain(f.query)));
}

/** `ordförande [grupp]`: the named group, else the linked channel's groups, else the user's own. */
export async function showChairs(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  const r = await chairsInContext({ user: turn.user, channel: turn.ref, query: arg, now: deps.clock.now() }, deps);
  if (!r.ok) return r.code === 'no-groups' ? reply(turn, chairTexts.noGroupsForChair) : replyGroupLookup(turn, r);
  await sendCard(turn, chairCard(r.value, turn.locale));
}

/** `historik <grupp>`: every term of the group, newest first. */
export async function showHistory(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  const r = await chairOfNamedGroup({ user: turn.user, query: arg, now: deps.clock.now() }, deps);
  if (!r.ok) return replyGroupLookup(turn, r);
  await sendCard(turn, historyCard(r.value.view, turn.locale));
}

/** `utse <grupp>`: the appointment form, for those allowed to appoint. */
export async function showAppointForm(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  // `utse <grupp> vice` opens the form for the vice chair, with the vice's next open term.
  const vice = /\s+(vice|vice ?ordförande|vice ?ordforande|vice ?chair)$/i.exec(arg.trim());
  const query = vice === null ? arg : arg.trim().slice(0, vice.index);
  const r = await appointmentForm({ user: turn.user, query, now: deps.clock.now() }, deps);
  if (r.ok) return sendCard(turn, appointCard(r.value, turn.locale, vice === null ? 'chair' : 'viceChair'));
  if (r.code === 'no-chair-rule') return reply(turn, chairTexts.noChairRule(plain(r.group)));
  if (r.code === 'not-allowed') return reply(turn, chairTexts.notAllowedAppoint(plain(r.group)));
  return replyGroupLookup(turn, r);
}

/** The appointment form's submission: checked against the rules, recorded, or refused with the rule named. */
export async function submitAppointment(turn: Turn, deps: ChairDeps, form: unknown): Promise<void> {
  const data = await parseForm(turn, deps, appointSubmission[deps.aadIdMode], form, formTexts.appointFields);
  if (data === null) return;
  const found = await appointFromForm(
    { ...data, version: data.version === '' ? null : data.version },
    { user: turn.user, now: deps.clock.now(), newId: randomUUID },
    deps,
  );
  if (!found.ok) return reply(turn, texts.groupNotFound(found.group));
  const {
    target: { org, group },
    result,
  } = found.value;
  if (result.ok) {
    const { term, view } = result.value;
    deps.logger.info('term.recorded', { org: org.id, group: group.id, role: term.role, origin: term.origin, exception: term.exception !== null });
    const lines = [
      chairTexts.appointed(roleName(term.role)[turn.locale], plain(term.holder.displayName), plain(group.shortName), term.start, term.plannedEnd)[turn.locale],
    ];
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
  const { rest, page } = pageArgument(arg);
  const r = await chairOfNamedGroup({ user: turn.user, query: rest, now: deps.clock.now() }, deps);
  if (!r.ok) return replyGroupLookup(turn, r);
  const query = rest.trim() === '' ? r.value.view.group.shortName : rest.trim();
  await sendCard(turn, membersCard(r.value.view, r.value.mayEditRoster, turn.locale, page, query, r.value.mayNameDeputies));
}

/** The members of a Teams team, through the connector (paged), sorted by name. */
export function teamRoster(context: TurnContext): TeamRoster {
  return async (teamId) => {
    const members: { aadObjectId: string; name: string }[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedTeamMembers(context, teamId, 500, token);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Teams roster entries can lack `name` although botbuilder types it as string
      for (const m of page.members) if (m.aadObjectId) members.push({ aadObjectId: m.aadObjectId.toLowerCase(), name: m.name ?? m.givenName ?? m.aadObjectId });
      token = page.continuationToken;
    } while (token);
    return members.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  };
}

/** `lägg till <grupp>`: the add-member form, offering the linked team's roster. */
export async function showAddMemberForm(turn: Turn, deps: ChairDeps, arg: string): Promise<void> {
  const r = await addMemberFormFor({ user: turn.user, channel: turn.ref, query: arg }, { ...deps, roster: teamRoster(turn.context) });
  if (r.ok) return sendCard(turn, addMemberCard(r.value.target.org, r.value.target.group, r.value.people, turn.locale));
  if (r.code === 'not-allowed') return reply(turn, memberTexts.notAllowed(plain(r.group)));
  return replyGroupLookup(turn, r);
}

/** The add-member submission: role checked, person confirmed in the team roster when chosen from it. */
export async function submitAddMember(turn: Turn, deps: ChairDeps, form: unknown): Promise<void> {
  const data = await parseForm(turn, deps, addMemberSubmission[deps.aadIdMode], form, formTexts.addMemberFields);
  if (data === null) return;
  const result = await addMemberFromForm(
    { org: data.org, group: data.group, aadObjectId: data.person, party: data.party === '' ? null : data.party, roles: [data.role] },
    { user: turn.user, channel: turn.ref },
    { ...deps, roster: teamRoster(turn.context) },
  );
  if (result.ok) {
    const { target, member } = result.value;
    deps.logger.info('member.added', { org: target.org.id, group: target.group.id, role: data.role });
    return reply(turn, memberTexts.added(plain(member.displayName), plain(target.group.shortName)));
  }
  switch (result.code) {
    case 'group-gone':
      return reply(turn, texts.groupNotFound(result.group));
    case 'not-allowed':
      return reply(turn, memberTexts.notAllowed(plain(result.group)));
    case 'not-in-team':
      return reply(turn, memberTexts.notInTeam);
    case 'party-required':
      return reply(turn, memberTexts.partyRequired);
    case 'unknown-party':
      return reply(turn, memberTexts.unknownParty);
  }
}
