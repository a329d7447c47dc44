import type { Decision } from '../domain/decisions';
import { findParties, type Group, type LocalizedText, type Organisation } from '../domain/organisation';
import { matchByName } from '../domain/names';
import { orgsOfUser, type UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import {
  allowed,
  contextFor,
  correct,
  groupById,
  groupFor,
  markForankrad,
  parseNumber,
  retract,
  type Asker,
  type DecisionContext,
  type DecisionPorts,
} from './decisions';

/** Changes to a recorded decision (förankring done, a corrected version, retraction) and what still waits for förankring. */

/** A decision named on a card (`org`, `group`, `2026:14`). */
export interface DecisionOnCard {
  readonly org: string;
  readonly group: string;
  readonly number: string;
}

type CardTargetFailure = Failure<'bad-card'>;

async function onCard(
  target: DecisionOnCard,
  asker: Asker,
  ports: DecisionPorts,
): Promise<Result<{ ctx: DecisionContext; year: number; seq: number }, CardTargetFailure>> {
  const g = groupById(ports, target.org, target.group);
  const n = parseNumber(target.number);
  if (!g.ok || n === null) return fail('bad-card');
  return ok({ ctx: await contextFor(g.value, asker, ports), ...n });
}

const withGroup = <C extends string>(code: C, group: Group) => (code === 'not-allowed' ? fail('not-allowed', { group }) : fail(code));

export type ForankringFailure =
  CardTargetFailure | Failure<'not-allowed', { group: Group }> | Failure<'unknown' | 'not-required' | 'already-done' | 'retracted' | 'conflict'>;

/** The "Förankrat" button: the holder has taken the decision in its own organisation. */
export async function confirmForankring(target: DecisionOnCard & { holder: string }, asker: Asker, ports: DecisionPorts): Promise<Result<Decision, ForankringFailure>> {
  const t = await onCard(target, asker, ports);
  if (!t.ok) return t;
  const r = await markForankrad({ year: t.value.year, seq: t.value.seq, holder: target.holder, reference: '' }, t.value.ctx, ports.decisions);
  return r.ok ? r : (withGroup(r.code, t.value.ctx.group) as ForankringFailure);
}

export type CorrectionFailure = CardTargetFailure | Failure<'not-allowed', { group: Group }> | Failure<'unknown' | 'retracted' | 'conflict' | 'empty-text'>;

/** The correction form's submission: a new version; the earlier one is kept. */
export async function submitCorrection(
  target: DecisionOnCard & { etag: string },
  changes: { title: string; text: string; rationale: string },
  asker: Asker,
  ports: DecisionPorts,
): Promise<Result<Decision, CorrectionFailure>> {
  const t = await onCard(target, asker, ports);
  if (!t.ok) return t;
  const r = await correct({ year: t.value.year, seq: t.value.seq, etag: target.etag }, changes, t.value.ctx, ports.decisions);
  return r.ok ? r : (withGroup(r.code, t.value.ctx.group) as CorrectionFailure);
}

/** A decision named in a command: a group name and `år:nr`. */
export interface DecisionInCommand {
  readonly groupQuery: string;
  readonly number: string;
}

type CommandTargetFailure = Failure<'bad-target'>;

async function inCommand(
  target: DecisionInCommand,
  asker: Asker,
  ports: DecisionPorts,
): Promise<Result<{ ctx: DecisionContext; year: number; seq: number }, CommandTargetFailure>> {
  const g = groupFor(ports, asker.user, target.groupQuery);
  const n = parseNumber(target.number);
  if (!g.ok || n === null) return fail('bad-target');
  return ok({ ctx: await contextFor(g.value, asker, ports), ...n });
}

/** The correction form for `rätta <grupp> <år:nr>`: the decision and its ETag. */
export async function openCorrection(
  target: DecisionInCommand,
  asker: Asker,
  ports: DecisionPorts,
): Promise<Result<{ decision: Decision; etag: string }, CommandTargetFailure | Failure<'not-allowed', { group: Group }> | Failure<'unknown' | 'retracted'>>> {
  const t = await inCommand(target, asker, ports);
  if (!t.ok) return t;
  if (!allowed('recordDecision', t.value.ctx)) return fail('not-allowed', { group: t.value.ctx.group });
  const found = await ports.decisions.get(t.value.ctx.org.id, t.value.ctx.group.id, t.value.year, t.value.seq);
  if (found === null) return fail('unknown');
  if (found.decision.retracted !== null) return fail('retracted');
  return ok(found);
}

export type RetractFailure = CommandTargetFailure | Failure<'not-allowed', { group: Group }> | Failure<'unknown' | 'retracted' | 'conflict' | 'empty-text'>;

/** `återkalla <grupp> <år:nr> <skäl>`: marks the decision retracted; nothing is deleted. */
export async function retractInGroup(target: DecisionInCommand & { reason: string }, asker: Asker, ports: DecisionPorts): Promise<Result<Decision, RetractFailure>> {
  const t = await inCommand(target, asker, ports);
  if (!t.ok) return t;
  const r = await retract({ year: t.value.year, seq: t.value.seq, reason: target.reason }, t.value.ctx, ports.decisions);
  return r.ok ? r : (withGroup(r.code, t.value.ctx.group) as RetractFailure);
}

/** Decisions still waiting for förankring by one principal or party. */
export interface PendingForankring {
  readonly holder: LocalizedText;
  readonly pending: readonly { readonly number: string; readonly title: string }[];
}

/**
 * The principal or party named (by id or name, in either language) in the user's organisations
 * (or all, for someone without one), with the decisions still waiting for it across its groups.
 */
export async function pendingForankring(
  query: string,
  locale: keyof LocalizedText,
  user: UserContext,
  ports: Pick<DecisionPorts, 'catalog' | 'decisions'>,
): Promise<Result<PendingForankring, 'unknown-holder'>> {
  const own = orgsOfUser(user)
    .map((id) => ports.catalog.get(id))
    .filter((o): o is Organisation => o !== undefined);
  // Principals by id or name in the asker's language; parties as people say them ("narhalsan").
  const hits = (own.length > 0 ? own : ports.catalog.all()).flatMap((org) => {
    const principals = matchByName(org.principals, query, (p) => [p.id, p.name[locale]]).map((p) => ({ id: p.id, name: p.name }));
    const parties = principals.length > 0 ? [] : findParties(org, query.trim()).map((p) => ({ id: p.id, name: { sv: p.name, en: p.name } }));
    return [...principals, ...parties].map((h) => ({ org, ...h }));
  });
  const first = hits.at(0);
  if (first === undefined) return fail('unknown-holder');
  const pending: { number: string; title: string }[] = [];
  for (const h of hits) for (const p of await ports.decisions.pendingForankring(h.org.id, h.id)) pending.push({ number: p.number, title: p.title });
  return ok({ holder: first.name, pending });
}
