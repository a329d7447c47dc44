import { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { allowed, correct, decisionForm, findDecisions, markForankrad, parseNumber, recordDecision, retract } from '../app/decisions';
import { exportToken, rotateTokens } from '../app/exportDecisions';
import type { CalendarTokenStore, Clock, DecisionRepository, GroupStateRepository } from '../app/ports';
import { correctionCard, decisionCard, decisionFormCard, decisionTexts as t, exportCard } from '../cards/decisionCards';
import { meetingTexts } from '../cards/meetingTexts';
import { plain } from '../cards/escape';
import { texts } from '../cards/texts';
import { dateIn } from '../domain/calendarDate';
import { isIsoDate } from '../domain/calendarDate';
import { DECISION_KINDS, inDateWindow, OUTCOMES } from '../domain/decisions';
import type { Group, Organisation } from '../domain/organisation';
import { orgsOfUser } from '../domain/people';
import { explainCardIssue } from './cardLimits';
import type { Logger } from '../logger';
import { reply, replyText, replyWithCard, sendCard, type Turn } from './turn';

export interface DecisionDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly decisions: DecisionRepository;
  readonly calendarTokens: CalendarTokenStore;
  readonly publicBaseUrl: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const number = z.string().regex(/^\d{4}:\d{1,4}$/);
/** A real calendar date within 2000–2100. */
const decisionDate = z.string().refine((d) => isIsoDate(d) && inDateWindow(d));
/** A web link: https or http only (no javascript:, data: or file:). */
const webLink = z.union([z.string().max(500).url().refine((u) => /^https?:\/\//i.test(u)), z.literal('')]);

/** What the Teams layer routes on; the handler parses the whole form below and explains what is wrong. */
export const recordSubmission = z.object({ verb: z.literal('recordDecision') }).passthrough();
/** Every field of the record form, with the server's limits (the card's own limits can be bypassed). */
export const recordForm = z
  .object({
    verb: z.literal('recordDecision'),
    org: slug,
    group: slug,
    meetingId: z.string().regex(/^([0-9a-z-]{1,40})?$/),
    formKey: z.string().regex(/^[0-9a-f]{16}$/),
    itemId: z.string().regex(/^([0-9a-z-]{1,40})?$/).optional(),
    date: decisionDate,
    kind: z.enum(DECISION_KINDS),
    consensus: z.enum(['true', 'false']).default('true'),
    outcome: z.enum(OUTCOMES),
    title: z.string().max(200),
    text: z.string().max(4000),
    rationale: z.string().max(4000).optional().default(''),
    dissent: z.string().max(2000).optional().default(''),
    link: webLink.optional().default(''),
    forankring: z.string().max(2000).optional().default(''),
    absentInput: z.enum(['true', 'false']).optional().default('false'),
  })
  .strict();
export const correctionSubmission = z.object({ verb: z.literal('correctDecision') }).passthrough();
export const correctionForm = z
  .object({
    verb: z.literal('correctDecision'),
    org: slug,
    group: slug,
    number,
    etag: z.string().min(1).max(200),
    title: z.string().max(200),
    text: z.string().max(4000),
    rationale: z.string().max(4000).optional().default(''),
  })
  .strict();
export const forankringSubmission = z.object({ verb: z.literal('forankringDone'), org: slug, group: slug, number, holder: slug }).strict();

/** Field names for the answer when a submitted value is over its limit. */
const fieldLabels = t.fields;

function groupOf(deps: DecisionDeps, turn: Turn, query: string): { org: Organisation; group: Group } | null {
  const found = deps.catalog.findGroup(query, orgsOfUser(turn.user));
  return found.ok ? found.value : null;
}

/** A group name is at most this many words: the rest of a command is searched, never tried as a name. */
const GROUP_NAME_WORDS = 6;

/** A short, safe echo of what the user typed (a 28 KB message is not sent back). */
const echo = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

const contextOf = async (deps: DecisionDeps, turn: Turn, org: Organisation, group: Group) => ({
  org,
  group,
  user: turn.user,
  record: (await deps.groupState.groups(org.id, [group.id])).get(group.id),
  now: deps.clock.now(),
});

/** `beslut <grupp> [sökord] [år]`: the latest decisions (or those matching), a card each. */
export async function showDecisions(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const words = arg.trim().split(/\s+/).filter((w) => w !== '');
  let target: { org: Organisation; group: Group } | null = null;
  let rest: string[] = [];
  for (let n = Math.min(words.length, GROUP_NAME_WORDS); n >= 1 && target === null; n--) {
    target = groupOf(deps, turn, words.slice(0, n).join(' '));
    rest = words.slice(n);
  }
  if (target === null) return reply(turn, texts.groupNotFound(echo(arg.trim())));
  const { decisions, cut } = await findDecisions(target.org, target.group, rest.join(' '), deps.decisions);
  if (cut) await reply(turn, t.searchCut);
  if (decisions.length === 0) return reply(turn, t.none(target.group.shortName));
  const canRecord = allowed('recordDecision', await contextOf(deps, turn, target.org, target.group));
  for (const d of decisions.slice(0, 10)) await sendCard(turn, decisionCard(d, canRecord, turn.locale));
}

/** `registrera <möte>` or `ordförandebeslut <grupp>`: the form to record a decision. */
export async function showDecisionForm(turn: Turn, deps: DecisionDeps, arg: string, chairDecision: boolean): Promise<void> {
  let target: { org: Organisation; group: Group } | null;
  let meeting = null;
  if (chairDecision) target = groupOf(deps, turn, arg);
  else {
    const [orgId = '', groupId = '', id = ''] = arg.trim().split('/');
    const org = deps.catalog.get(orgId);
    const group = org?.groups.find((g) => g.id === groupId);
    target = org && group ? { org, group } : null;
    meeting = target ? ((await deps.groupState.meeting(target.org.id, target.group.id, id))?.meeting ?? null) : null;
    if (meeting === null) return reply(turn, meetingTexts.unknownMeeting);
  }
  if (target === null) return reply(turn, texts.groupNotFound(echo(arg.trim())));
  const form = decisionForm(await contextOf(deps, turn, target.org, target.group));
  if (!form.ok) return reply(turn, t.notAllowed(target.group.shortName));
  await sendCard(turn, decisionFormCard(target.org, target.group, meeting, dateIn(deps.clock.now(), target.org.timeZone), turn.locale, form.value.formKey));
}

/** The form's submission: every field checked, role checked, consensus rules applied, numbered once, stored. */
export async function submitDecision(turn: Turn, deps: DecisionDeps, raw: z.infer<typeof recordSubmission>): Promise<void> {
  const parsed = recordForm.safeParse(raw);
  if (!parsed.success) return reply(turn, explainCardIssue(parsed.error, fieldLabels, raw));
  const data = parsed.data;
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  if (org === undefined || group === undefined) return reply(turn, texts.groupNotFound(data.group));
  const known = new Set([...org.principals.map((p) => p.id), ...org.parties.map((p) => p.id)]);
  const forankring = data.forankring.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (forankring.some((f) => !known.has(f))) return reply(turn, texts.badCard);
  const result = await recordDecision(
    {
      date: data.date,
      kind: data.kind,
      consensus: data.consensus === 'true',
      outcome: data.outcome,
      title: data.title,
      text: data.text,
      rationale: data.rationale,
      dissent: data.dissent,
      meetingId: data.meetingId === '' ? null : data.meetingId,
      itemId: data.itemId === undefined || data.itemId === '' ? null : data.itemId,
      absentInputAtHand: data.absentInput === 'true',
      links: data.link === '' ? [] : [data.link],
      forankring,
    },
    { ...(await contextOf(deps, turn, org, group)), formKey: data.formKey },
    deps.decisions,
  );
  if (!result.ok) {
    deps.logger.info('decision.refused', { org: org.id, group: group.id, code: result.code });
    return reply(turn, result.code === 'not-allowed' ? t.notAllowed(group.shortName) : t.problems[result.code]);
  }
  const { decision, replayed } = result.value;
  if (replayed) return reply(turn, t.alreadyRecorded(decision.number));
  deps.logger.info('decision.recorded', { org: org.id, group: group.id, kind: decision.kind, outcome: decision.outcome });
  const note = [t.recorded(decision.number)[turn.locale], ...(decision.outcome === 'återremitterat' ? [t.requeued[turn.locale]] : [])].join(' ');
  return replyWithCard(turn, note, decisionCard(decision, true, turn.locale));
}

/** A "Förankrat" button: the principal has taken the decision in its own organisation. */
export async function submitForankring(turn: Turn, deps: DecisionDeps, data: z.infer<typeof forankringSubmission>): Promise<void> {
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  const n = parseNumber(data.number);
  if (org === undefined || group === undefined || n === null) return reply(turn, texts.badCard);
  const result = await markForankrad({ ...n, holder: data.holder, reference: '' }, await contextOf(deps, turn, org, group), deps.decisions);
  if (result.ok) return replyWithCard(turn, t.forankringSaved(data.holder, result.value.number)[turn.locale], decisionCard(result.value, true, turn.locale));
  const messages = { 'not-allowed': t.notAllowed(group.shortName), unknown: t.unknown, 'not-required': texts.badCard, 'already-done': t.alreadyDone, retracted: t.unknown, conflict: t.conflict };
  return reply(turn, messages[result.code]);
}

/** `exportera <grupp>`: links to the decision log (admins and leads); `exportera <grupp> ny länk`: new links, old ones stop working (admins). */
export async function showExport(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const rotate = /\s+(ny länk|new link)$/i.exec(arg.trim());
  const name = rotate === null ? arg.trim() : arg.trim().slice(0, rotate.index);
  const target = groupOf(deps, turn, name);
  if (target === null) return reply(turn, texts.groupNotFound(echo(name)));
  const ctx = await contextOf(deps, turn, target.org, target.group);
  const token = rotate === null ? await exportToken(ctx, deps.calendarTokens) : await rotateTokens(ctx, deps.calendarTokens);
  if (!token.ok) return reply(turn, rotate === null ? t.exportNotAllowed : t.rotateNotAllowed);
  if (rotate !== null) {
    deps.logger.info('tokens.rotated', { org: target.org.id, group: target.group.id });
    return replyWithCard(turn, t.rotated(target.group.shortName)[turn.locale], exportCard(target.group, `${deps.publicBaseUrl}/export/${token.value}`, turn.locale));
  }
  await sendCard(turn, exportCard(target.group, `${deps.publicBaseUrl}/export/${token.value}`, turn.locale));
}

/** Splits "<grupp> <år:nr> [rest]" into the group, the number and the rest. */
function groupAndNumber(deps: DecisionDeps, turn: Turn, arg: string): { org: Organisation; group: Group; year: number; seq: number; rest: string } | null {
  const m = /^(.*?)\s+(\d{4}:\d{1,4})\s*(.*)$/s.exec(arg.trim());
  if (m === null) return null;
  const target = groupOf(deps, turn, m[1]!.trim());
  const n = parseNumber(m[2]!);
  return target && n ? { ...target, ...n, rest: m[3] ?? '' } : null;
}

/** `rätta <grupp> <år:nr>`: the correction form. */
export async function showCorrection(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const t2 = groupAndNumber(deps, turn, arg);
  if (t2 === null) return reply(turn, t.correctUsage);
  if (!allowed('recordDecision', await contextOf(deps, turn, t2.org, t2.group))) return reply(turn, t.notAllowed(t2.group.shortName));
  const found = await deps.decisions.get(t2.org.id, t2.group.id, t2.year, t2.seq);
  if (found === null) return reply(turn, t.unknown);
  if (found.decision.retracted !== null) return reply(turn, t.isRetracted);
  await sendCard(turn, correctionCard(found.decision, found.etag, turn.locale));
}

/** The correction form's submission: a new version; the earlier one is kept. */
export async function submitCorrection(turn: Turn, deps: DecisionDeps, raw: z.infer<typeof correctionSubmission>): Promise<void> {
  const parsed = correctionForm.safeParse(raw);
  if (!parsed.success) return reply(turn, explainCardIssue(parsed.error, fieldLabels, raw));
  const data = parsed.data;
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  const n = parseNumber(data.number);
  if (org === undefined || group === undefined || n === null) return reply(turn, texts.badCard);
  const result = await correct({ ...n, etag: data.etag }, data, await contextOf(deps, turn, org, group), deps.decisions);
  if (result.ok) return replyWithCard(turn, t.corrected(result.value.number, result.value.version)[turn.locale], decisionCard(result.value, true, turn.locale));
  const messages = { 'not-allowed': t.notAllowed(group.shortName), unknown: t.unknown, retracted: t.isRetracted, conflict: t.conflict, 'empty-text': t.problems['empty-text'] };
  return reply(turn, messages[result.code]);
}

/** `återkalla <grupp> <år:nr> <skäl>`: marks a decision retracted; nothing is deleted. */
export async function retractCommand(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const t2 = groupAndNumber(deps, turn, arg);
  if (t2 === null || t2.rest.trim() === '') return reply(turn, t.retractUsage);
  if (t2.rest.trim().length > 2000) return reply(turn, t.reasonTooLong);
  const result = await retract({ year: t2.year, seq: t2.seq, reason: t2.rest }, await contextOf(deps, turn, t2.org, t2.group), deps.decisions);
  if (result.ok) return reply(turn, t.retracted(result.value.number));
  const messages = { 'not-allowed': t.notAllowed(t2.group.shortName), unknown: t.unknown, retracted: t.isRetracted, conflict: t.conflict, 'empty-text': t.retractUsage };
  return reply(turn, messages[result.code]);
}

/** `förankring <huvudman eller part>`: the decisions still waiting for that principal or party, across the organisation's groups. */
export async function showPendingForankring(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const orgs = orgsOfUser(turn.user).map((id) => deps.catalog.get(id)).filter((o): o is Organisation => o !== undefined);
  const q = arg.trim().toLocaleLowerCase('sv');
  const hits = (orgs.length > 0 ? orgs : deps.catalog.all()).flatMap((org) =>
    [...org.principals.map((p) => ({ id: p.id, name: p.name[turn.locale] })), ...org.parties.map((p) => ({ id: p.id, name: p.name }))]
      .filter((h) => h.id === q || h.name.toLocaleLowerCase('sv') === q)
      .map((h) => ({ org, ...h })),
  );
  if (hits.length === 0) return reply(turn, t.forankringUsage);
  const lines: string[] = [];
  for (const h of hits) for (const p of await deps.decisions.pendingForankring(h.org.id, h.id)) lines.push(`- ${p.number} – ${plain(p.title)}`);
  const title = t.pendingTitle(hits[0]!.name)[turn.locale];
  return replyText(turn, lines.length === 0 ? t.pendingNone(hits[0]!.name)[turn.locale] : [title, ...lines].join('\n'));
}
