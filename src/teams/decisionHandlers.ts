import type { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { confirmForankring, openCorrection, pendingForankring, retractInGroup, submitCorrection as correct } from '../app/decisionChanges';
import { listDecisions, openDecisionForm, recordFromForm } from '../app/decisions';
import { exportLinks } from '../app/exportDecisions';
import type { CalendarTokenStore, Clock, DecisionRepository, GroupStateRepository } from '../app/ports';
import { correctionCard, decisionCard, holderName, decisionFormCard, decisionTexts as t, exportCard, moreDecisionsCard } from '../cards/decisionCards';
import { cardsThatFit, jsonBytes } from '../cards/adaptive';
import { meetingTexts } from '../cards/meetingTexts';
import { plain } from '../cards/escape';
import { texts } from '../cards/texts';
import { explainCardIssue } from './cardLimits';
import { correctionForm, forankringSubmission, recordForm, type correctionSubmission, type recordSubmission } from './decisionForms';
import { consensusOf, type Decision } from '../domain/decisions';
import type { Organisation } from '../domain/organisation';
import type { Logger } from '../logger';
import { reply, replyText, replyWithCard, sendCard, sendCards, type Turn } from './turn';

export { correctionForm, correctionSubmission, forankringSubmission, recordForm, recordSubmission } from './decisionForms';

export interface DecisionDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly decisions: DecisionRepository;
  readonly calendarTokens: CalendarTokenStore;
  readonly publicBaseUrl: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Field names for the answer when a submitted value is over its limit. */
const fieldLabels = t.fields;

/** A short, safe echo of what the user typed (a 28 KB message is not sent back). */
const echo = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** The organisation of a decision the use case has just read through the catalog (so it is there; a miss is a bug). */
function orgOf(deps: DecisionDeps, d: Decision): Organisation {
  const org = deps.catalog.get(d.org);
  if (org === undefined) throw new Error('decision of an organisation not in the catalog');
  return org;
}

const asker = (turn: Turn, deps: DecisionDeps) => ({ user: turn.user, now: deps.clock.now() });

/** `beslut <grupp> [sökord] [år]`: the latest decisions (or those matching), a card each. */
export async function showDecisions(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const words = arg
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const r = await listDecisions(words, asker(turn, deps), deps);
  if (!r.ok) return reply(turn, texts.groupNotFound(echo(arg.trim())));
  const { group, decisions, cut, canRecord, query, more, scanned } = r.value;
  if (cut) await reply(turn, t.searchCut);
  if (decisions.length === 0 && more === null) return reply(turn, t.none(group.shortName));
  if (decisions.length === 0 && more !== null)
    return sendCard(turn, moreDecisionsCard(group.shortName, query, more, turn.locale, t.noneAmongLatest(group.shortName, scanned)[turn.locale]));
  // One message with the cards that fit Teams' size limit; the rest behind "Visa fler".
  const cards = decisions.map((d) => decisionCard(d, canRecord, turn.locale, orgOf(deps, d)));
  const probe = moreDecisionsCard(group.shortName, query, { year: 9999, seq: 9999 }, turn.locale);
  const n = cardsThatFit(cards, jsonBytes(probe) + 120);
  const last = decisions.at(n - 1);
  const next = n < decisions.length && last !== undefined ? { year: last.year, seq: last.seq } : more;
  await sendCards(turn, next === null ? cards.slice(0, n) : [...cards.slice(0, n), moreDecisionsCard(group.shortName, query, next, turn.locale)]);
}

/** `registrera <möte>` or `ordförandebeslut <grupp>`: the form to record a decision. */
export async function showDecisionForm(turn: Turn, deps: DecisionDeps, arg: string, chairDecision: boolean): Promise<void> {
  const r = await openDecisionForm(chairDecision ? { groupQuery: arg } : { meetingRef: arg }, asker(turn, deps), deps);
  if (!r.ok) {
    if (r.code === 'unknown-meeting') return reply(turn, meetingTexts.unknownMeeting);
    if (r.code === 'not-started') return reply(turn, t.notStarted(plain(r.group.shortName)));
    return reply(turn, r.code === 'not-allowed' ? t.notAllowed(r.group.shortName) : texts.groupNotFound(echo(arg.trim())));
  }
  const v = r.value;
  await sendCard(turn, decisionFormCard(v.org, v.group, v.meeting, v.today, turn.locale, v.formKey));
}

/** The form's submission: every field checked, role checked, consensus rules applied, numbered once, stored. */
export async function submitDecision(turn: Turn, deps: DecisionDeps, raw: z.infer<typeof recordSubmission>): Promise<void> {
  const parsed = recordForm.safeParse(raw);
  if (!parsed.success) return reply(turn, explainCardIssue(parsed.error, fieldLabels, raw));
  const data = parsed.data;
  const draft = {
    date: data.date,
    kind: data.kind,
    consensus: data.consensus === undefined ? consensusOf(data.outcome) : data.consensus === 'true',
    outcome: data.outcome,
    title: data.title,
    text: data.text,
    rationale: data.rationale,
    dissent: data.dissent,
    meetingId: data.meetingId === '' ? null : data.meetingId,
    itemId: data.itemId === undefined || data.itemId === '' ? null : data.itemId,
    absentInputAtHand: data.absentInput === 'true',
    links: data.link === '' ? [] : [data.link],
    forankring: data.forankring
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  };
  const result = await recordFromForm({ org: data.org, group: data.group, formKey: data.formKey, draft }, asker(turn, deps), deps);
  if (!result.ok) {
    if (result.code === 'unknown-group') return reply(turn, texts.groupNotFound(result.group));
    if (result.code === 'unknown-holder') return reply(turn, texts.badCard);
    deps.logger.info('decision.refused', { org: data.org, group: data.group, code: result.code });
    if (result.code === 'not-started') return reply(turn, t.notStarted(plain(result.group.shortName)));
    return reply(turn, result.code === 'not-allowed' ? t.notAllowed(result.group.shortName) : t.problems[result.code]);
  }
  const { decision, replayed } = result.value;
  if (replayed) return reply(turn, t.alreadyRecorded(decision.number));
  deps.logger.info('decision.recorded', { org: data.org, group: data.group, kind: decision.kind, outcome: decision.outcome });
  const note = [t.recorded(decision.number)[turn.locale], ...(decision.outcome === 'återremitterat' ? [t.requeued[turn.locale]] : [])].join(' ');
  return replyWithCard(turn, note, decisionCard(decision, true, turn.locale, orgOf(deps, decision)));
}

/** A "Förankrat" button: the principal has taken the decision in its own organisation. */
export async function submitForankring(turn: Turn, deps: DecisionDeps, data: z.infer<typeof forankringSubmission>): Promise<void> {
  const result = await confirmForankring(data, asker(turn, deps), deps);
  if (result.ok) {
    const org = orgOf(deps, result.value);
    const saved = t.forankringSaved(plain(holderName(org, data.holder, turn.locale)), result.value.number)[turn.locale];
    return replyWithCard(turn, saved, decisionCard(result.value, true, turn.locale, org));
  }
  if (result.code === 'not-allowed') return reply(turn, t.notAllowed(result.group.shortName));
  const messages = {
    'bad-card': texts.badCard,
    unknown: t.unknown,
    'not-required': texts.badCard,
    'already-done': t.alreadyDone,
    retracted: t.unknown,
    conflict: t.conflict,
  };
  return reply(turn, messages[result.code]);
}

/** `exportera <grupp>`: links to the decision log (admins and leads); `exportera <grupp> ny länk`: new links, old ones stop working (admins). */
export async function showExport(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const rotate = /\s+(ny länk|new link)$/i.exec(arg.trim());
  const name = rotate === null ? arg.trim() : arg.trim().slice(0, rotate.index);
  const r = await exportLinks({ groupQuery: name, rotate: rotate !== null }, asker(turn, deps), deps);
  if (!r.ok) return reply(turn, r.code === 'group-not-found' ? texts.groupNotFound(echo(name)) : r.rotate ? t.rotateNotAllowed : t.exportNotAllowed);
  const card = exportCard(r.value.group, `${deps.publicBaseUrl}/export/${r.value.token}`, turn.locale);
  if (!r.value.rotated) return sendCard(turn, card);
  deps.logger.info('tokens.rotated', { org: r.value.org.id, group: r.value.group.id });
  return replyWithCard(turn, t.rotated(r.value.group.shortName)[turn.locale], card);
}

/** Splits "<grupp> <år:nr> [rest]" into the group's name, the number and the rest. */
function groupAndNumber(arg: string): { groupQuery: string; number: string; rest: string } | null {
  const m = /^(.*?)\s+(\d{4}:\d{1,4})\s*(.*)$/s.exec(arg.trim());
  if (m === null) return null;
  const [, groupQuery = '', number = '', rest = ''] = m;
  return { groupQuery: groupQuery.trim(), number, rest };
}

/** `rätta <grupp> <år:nr>`: the correction form. */
export async function showCorrection(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const target = groupAndNumber(arg);
  if (target === null) return reply(turn, t.correctUsage);
  const r = await openCorrection(target, asker(turn, deps), deps);
  if (r.ok) return sendCard(turn, correctionCard(r.value.decision, r.value.etag, turn.locale));
  if (r.code === 'not-allowed') return reply(turn, t.notAllowed(r.group.shortName));
  return reply(turn, { 'bad-target': t.correctUsage, unknown: t.unknown, retracted: t.isRetracted }[r.code]);
}

/** The correction form's submission: a new version; the earlier one is kept. */
export async function submitCorrection(turn: Turn, deps: DecisionDeps, raw: z.infer<typeof correctionSubmission>): Promise<void> {
  const parsed = correctionForm.safeParse(raw);
  if (!parsed.success) return reply(turn, explainCardIssue(parsed.error, fieldLabels, raw));
  const data = parsed.data;
  const result = await correct(data, data, asker(turn, deps), deps);
  if (result.ok)
    return replyWithCard(
      turn,
      t.corrected(result.value.number, result.value.version)[turn.locale],
      decisionCard(result.value, true, turn.locale, orgOf(deps, result.value)),
    );
  if (result.code === 'not-allowed') return reply(turn, t.notAllowed(result.group.shortName));
  const messages = { 'bad-card': texts.badCard, unknown: t.unknown, retracted: t.isRetracted, conflict: t.conflict, 'empty-text': t.problems['empty-text'] };
  return reply(turn, messages[result.code]);
}

/** `återkalla <grupp> <år:nr> <skäl>`: marks a decision retracted; nothing is deleted. */
export async function retractCommand(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const target = groupAndNumber(arg);
  if (target === null || target.rest.trim() === '') return reply(turn, t.retractUsage);
  if (target.rest.trim().length > 2000) return reply(turn, t.reasonTooLong);
  const result = await retractInGroup({ ...target, reason: target.rest }, asker(turn, deps), deps);
  if (result.ok) return reply(turn, t.retracted(result.value.number));
  if (result.code === 'not-allowed') return reply(turn, t.notAllowed(result.group.shortName));
  const messages = { 'bad-target': t.retractUsage, unknown: t.unknown, retracted: t.isRetracted, conflict: t.conflict, 'empty-text': t.retractUsage };
  return reply(turn, messages[result.code]);
}

/** `förankring <huvudman eller part>`: the decisions still waiting for that principal or party, across the organisation's groups. */
export async function showPendingForankring(turn: Turn, deps: DecisionDeps, arg: string): Promise<void> {
  const r = await pendingForankring(arg, turn.locale, turn.user, deps);
  if (!r.ok) return reply(turn, t.forankringUsage);
  const name = r.value.holder[turn.locale];
  const lines = r.value.pending.map((p) => `- ${p.number} – ${plain(p.title)}`);
  return replyText(turn, lines.length === 0 ? t.pendingNone(name)[turn.locale] : [t.pendingTitle(name)[turn.locale], ...lines].join('\n'));
}
