import { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { correct, findDecisions, markForankrad, mayRecord, parseNumber, recordDecision, retract } from '../app/decisions';
import type { CalendarTokenStore, Clock, DecisionRepository, GroupStateRepository } from '../app/ports';
import { correctionCard, decisionCard, decisionFormCard, decisionTexts as t, exportCard } from '../cards/decisionCards';
import { meetingTexts } from '../cards/meetingTexts';
import { texts } from '../cards/texts';
import { dateIn } from '../domain/calendarDate';
import { DECISION_KINDS, OUTCOMES } from '../domain/decisions';
import type { Group, Organisation } from '../domain/organisation';
import { isOrgAdmin, isProcessLeader, orgsOfUser } from '../domain/people';
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
export const recordSubmission = z.object({
  verb: z.literal('recordDecision'),
  org: slug,
  group: slug,
  meetingId: z.string().regex(/^([0-9a-z-]{1,40})?$/),
  itemId: z.string().max(40).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(DECISION_KINDS),
  consensus: z.enum(['true', 'false']).default('true'),
  outcome: z.enum(OUTCOMES),
  title: z.string().max(200),
  text: z.string().max(4000),
  rationale: z.string().max(4000).optional().default(''),
  link: z.union([z.string().url().max(500), z.literal('')]).optional().default(''),
  forankring: z.string().max(2000).optional().default(''),
  absentInput: z.enum(['true', 'false']).optional().default('false'),
});
export const correctionSubmission = z.object({
  verb: z.literal('correctDecision'),
  org: slug,
  group: slug,
  number: z.string().regex(/^\d{4}:\d{1,4}$/),
  etag: z.string().min(1).max(200),
  title: z.string().max(200),
  text: z.string().max(4000),
  rationale: z.string().max(4000).optional().default(''),
});
export const forankringSubmission = z.object({ verb: z.literal('forankringDone'), org: slug, group: slug, number: z.string().regex(/^\d{4}:\d{1,4}$/), holder: slug });

function groupOf(deps: DecisionDeps, turn: Turn, query: string): { org: Organisation; group: Group } | null {
  const found = deps.catalog.findGroup(query, orgsOfUser(turn.user));
  return found.ok ? found.value : null;
}

/** `beslut <grupp> [sökord] [år]`: the latest decisions (or those matching), a card each. */
export async function showDecisions(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const words = arg.trim().split(/\s+/).filter((w) => w !== '');
  let target: { org: Organisation; group: Group } | null = null;
  let rest: string[] = [];
  for (let n = words.length; n >= 1 && target === null; n--) {
    target = groupOf(deps, turn, words.slice(0, n).join(' '));
    rest = words.slice(n);
  }
  if (target === null) return reply(turn, texts.groupNotFound(arg.trim()));
  const found = await findDecisions(target.org, target.group, rest.join(' '), deps.decisions);
  if (found.length === 0) return reply(turn, t.none(target.group.shortName));
  const record = (await deps.groupState.groups(target.org.id, [target.group.id])).get(target.group.id);
  const canRecord = mayRecord(turn.user, target.org, target.group, record, deps.clock.now());
  for (const d of found.slice(0, 10)) await sendCard(turn, decisionCard(d, canRecord, turn.locale));
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
  if (target === null) return reply(turn, texts.groupNotFound(arg.trim()));
  const record = (await deps.groupState.groups(target.org.id, [target.group.id])).get(target.group.id);
  if (!mayRecord(turn.user, target.org, target.group, record, deps.clock.now())) return reply(turn, t.notAllowed(target.group.shortName));
  await sendCard(turn, decisionFormCard(target.org, target.group, meeting, dateIn(deps.clock.now(), target.org.timeZone), turn.locale));
}

/** The form's submission: role checked, consensus rules applied, numbered, stored. */
export async function submitDecision(turn: Turn, deps: DecisionDeps, data: z.infer<typeof recordSubmission>): Promise<void> {
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  if (org === undefined || group === undefined) return reply(turn, texts.groupNotFound(data.group));
  const record = (await deps.groupState.groups(org.id, [group.id])).get(group.id);
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
      meetingId: data.meetingId === '' ? null : data.meetingId,
      itemId: data.itemId ?? null,
      absentInputAtHand: data.absentInput === 'true',
      links: data.link === '' ? [] : [data.link],
      forankring,
    },
    { org, group, user: turn.user, record, now: deps.clock.now() },
    deps.decisions,
  );
  if (!result.ok) {
    deps.logger.info('decision.refused', { org: org.id, group: group.id, code: result.code });
    return reply(turn, result.code === 'not-allowed' ? t.notAllowed(group.shortName) : t.problems[result.code]);
  }
  deps.logger.info('decision.recorded', { org: org.id, group: group.id, kind: result.value.kind, outcome: result.value.outcome });
  const note = [t.recorded(result.value.number)[turn.locale], ...(result.value.outcome === 'återremitterat' ? [t.requeued[turn.locale]] : [])].join(' ');
  return replyWithCard(turn, note, decisionCard(result.value, true, turn.locale));
}

/** A "Förankrat" button: the principal has taken the decision in its own organisation. */
export async function submitForankring(turn: Turn, deps: DecisionDeps, data: z.infer<typeof forankringSubmission>): Promise<void> {
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  const n = parseNumber(data.number);
  if (org === undefined || group === undefined || n === null) return reply(turn, texts.badCard);
  const record = (await deps.groupState.groups(org.id, [group.id])).get(group.id);
  const result = await markForankrad({ ...n, holder: data.holder, reference: '' }, { org, group, user: turn.user, record, now: deps.clock.now() }, deps.decisions);
  if (result.ok) return replyWithCard(turn, t.forankringSaved(data.holder, result.value.number)[turn.locale], decisionCard(result.value, true, turn.locale));
  const messages = { 'not-allowed': t.notAllowed(group.shortName), unknown: t.unknown, 'not-required': texts.badCard, 'already-done': t.alreadyDone, retracted: t.unknown, conflict: t.conflict };
  return reply(turn, messages[result.code]);
}

/** `exportera <grupp>`: links to the whole decision log as Markdown, CSV and JSON (admins, chairs, process leaders). */
export async function showExport(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const target = groupOf(deps, turn, arg);
  if (target === null) return reply(turn, texts.groupNotFound(arg.trim()));
  const record = (await deps.groupState.groups(target.org.id, [target.group.id])).get(target.group.id);
  const allowed = isOrgAdmin(turn.user, target.org.id) || isProcessLeader(turn.user, target.org.id, target.group.id) || mayRecord(turn.user, target.org, target.group, record, deps.clock.now());
  if (!allowed) return reply(turn, t.exportNotAllowed);
  const token = await deps.calendarTokens.tokenFor(target.org.id, target.group.id, 'export');
  await sendCard(turn, exportCard(target.group, `${deps.publicBaseUrl}/export/${token}`, turn.locale));
}

/** Splits "<grupp> <år:nr> [rest]" into the group, the number and the rest. */
function groupAndNumber(deps: DecisionDeps, turn: Turn, arg: string): { org: Organisation; group: Group; year: number; seq: number; rest: string } | null {
  const m = /^(.*?)\s+(\d{4}:\d{1,4})\s*(.*)$/.exec(arg.trim());
  if (m === null) return null;
  const target = groupOf(deps, turn, m[1]!.trim());
  const n = parseNumber(m[2]!);
  return target && n ? { ...target, ...n, rest: m[3] ?? '' } : null;
}

/** `rätta <grupp> <år:nr>`: the correction form. */
export async function showCorrection(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const t2 = groupAndNumber(deps, turn, arg);
  if (t2 === null) return reply(turn, t.correctUsage);
  const record = (await deps.groupState.groups(t2.org.id, [t2.group.id])).get(t2.group.id);
  if (!mayRecord(turn.user, t2.org, t2.group, record, deps.clock.now())) return reply(turn, t.notAllowed(t2.group.shortName));
  const found = await deps.decisions.get(t2.org.id, t2.group.id, t2.year, t2.seq);
  if (found === null) return reply(turn, t.unknown);
  if (found.decision.retracted !== null) return reply(turn, t.isRetracted);
  await sendCard(turn, correctionCard(found.decision, found.etag, turn.locale));
}

/** The correction form's submission: a new version; the earlier one is kept. */
export async function submitCorrection(turn: Turn, deps: DecisionDeps, data: z.infer<typeof correctionSubmission>): Promise<void> {
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  const n = parseNumber(data.number);
  if (org === undefined || group === undefined || n === null) return reply(turn, texts.badCard);
  const record = (await deps.groupState.groups(org.id, [group.id])).get(group.id);
  const result = await correct({ ...n, etag: data.etag }, data, { org, group, user: turn.user, record, now: deps.clock.now() }, deps.decisions);
  if (result.ok) return replyWithCard(turn, t.corrected(result.value.number, result.value.version)[turn.locale], decisionCard(result.value, true, turn.locale));
  const messages = { 'not-allowed': t.notAllowed(group.shortName), unknown: t.unknown, retracted: t.isRetracted, conflict: t.conflict, 'empty-text': t.problems['empty-text'] };
  return reply(turn, messages[result.code]);
}

/** `återkalla <grupp> <år:nr> <skäl>`: marks a decision retracted; nothing is deleted. */
export async function retractCommand(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const t2 = groupAndNumber(deps, turn, arg);
  if (t2 === null || t2.rest.trim() === '') return reply(turn, t.retractUsage);
  const record = (await deps.groupState.groups(t2.org.id, [t2.group.id])).get(t2.group.id);
  const result = await retract({ year: t2.year, seq: t2.seq, reason: t2.rest }, { org: t2.org, group: t2.group, user: turn.user, record, now: deps.clock.now() }, deps.decisions);
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
  for (const h of hits) for (const p of await deps.decisions.pendingForankring(h.org.id, h.id)) lines.push(`- ${p.number} – ${p.title}`);
  const title = t.pendingTitle(hits[0]!.name)[turn.locale];
  return replyText(turn, lines.length === 0 ? t.pendingNone(hits[0]!.name)[turn.locale] : [title, ...lines].join('\n'));
}
