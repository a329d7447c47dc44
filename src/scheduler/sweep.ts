import type { ConversationRef } from '../domain/conversation';
import { describeError } from '../logger';
import type { Organisation } from '../domain/organisation';
import { LeaseKeeper, sweepLeaseOf } from './leaseKeeper';
import { loadState, planOutgoing, selectCandidates } from './plan';
import { SendRun } from './sendRun';
import type { SweepDeps, SweepReport } from './sweepDeps';

export type { Outgoing } from './outgoing';
export { sweepLeaseOf } from './leaseKeeper';
export { defaultSweepSettings, type SweepDeps, type SweepReport, type SweepSettings } from './sweepDeps';

/**
 * One reminder sweep: per organisation, take that organisation's lease (another instance may be
 * sweeping another organisation meanwhile), read what is due, then per reminder, right before its
 * send, claim it in Azure Tables (insert-if-absent or ETag, so two instances, or a rerun after a
 * crash, never both send it), send within the Teams limits, and record the outcome (retried
 * through storage outages). Failures are retried by later sweeps with backoff until the deadline;
 * nobody reachable yet is tried every sweep.
 */
export async function sweep(deps: SweepDeps, signal?: AbortSignal): Promise<SweepReport> {
  // Another instance may have saved edits since start-up: sweep with them, or, if storage says no, with what is loaded.
  await deps.refreshCatalog?.().catch((e: unknown) => deps.logger.warn('reminders.catalog-refresh-failed', describeError(e)));
  const reports: SweepReport[] = [];
  for (const org of deps.catalog.all()) {
    if (signal?.aborted) break;
    const report = await sweepOrg(deps, org, signal);
    if (report.ran) reports.push(report);
    if (report.stopped === 'storage' || report.stopped === 'shutdown') break;
  }
  const report = sum(reports);
  if (report.ran) deps.metrics?.recordSweep(report);
  return report;
}

const EMPTY: SweepReport = { ran: false, due: 0, claimed: 0, sentPersonal: 0, sentChannel: 0, failed: 0, undeliverable: 0, planningMs: 0 };

/** The counts of the organisations swept, added up; the first reason an organisation stopped early. */
function sum(reports: readonly SweepReport[]): SweepReport {
  if (reports.length === 0) return EMPTY;
  const total = (f: (r: SweepReport) => number | undefined) => reports.reduce((n, r) => n + (f(r) ?? 0), 0);
  const optional = (name: 'uncertain' | 'deferred' | 'readMs') => (reports.some((r) => r[name] !== undefined) ? { [name]: total((r) => r[name]) } : {});
  const stopped = reports.find((r) => r.stopped !== undefined)?.stopped;
  return {
    ran: true,
    due: total((r) => r.due),
    claimed: total((r) => r.claimed),
    sentPersonal: total((r) => r.sentPersonal),
    sentChannel: total((r) => r.sentChannel),
    failed: total((r) => r.failed),
    undeliverable: total((r) => r.undeliverable),
    planningMs: total((r) => r.planningMs),
    ...optional('uncertain'),
    ...optional('deferred'),
    ...optional('readMs'),
    ...(stopped !== undefined ? { stopped } : {}),
  };
}

/** One organisation under its own lease: load → plan → (claim → send → record, per reminder) → report. */
async function sweepOrg(deps: SweepDeps, org: Organisation, signal?: AbortSignal): Promise<SweepReport> {
  const started = deps.clock.now();
  const lease = sweepLeaseOf(org.id);
  if (!(await deps.leases.acquire(lease, deps.instanceId, started, deps.settings.leaseTtlMs))) return EMPTY;
  const keeper = new LeaseKeeper(deps, started, lease);
  keeper.start();
  try {
    return await sweepUnderLease(deps, org, started, keeper, signal);
  } finally {
    keeper.stop();
    if (!keeper.lost) await deps.leases.release(lease, deps.instanceId).catch((e: unknown) => deps.logger.warn('reminders.lease-release-failed', describeError(e)));
  }
}

async function sweepUnderLease(deps: SweepDeps, org: Organisation, now: Date, keeper: LeaseKeeper, signal?: AbortSignal): Promise<SweepReport> {
  const state = await loadState(deps, [org], now, keeper);
  const { due, planningMs } = await planOutgoing(deps, state, now);
  await keeper.ensure();
  const { candidates, uncertain } = selectCandidates(due, state.ledgers, now, deps.settings.staleClaimMs);
  for (const r of uncertain) deps.logger.warn('reminder.resend-uncertain', { org: r.org, group: r.group });
  const refs = candidates.length > 0 ? await deps.conversations.activePersonalReferences(now) : new Map<string, ConversationRef>();
  const run = new SendRun(deps, keeper, candidates, refs, state.rosterNames);
  await run.run(signal);
  const { claimed, ...rest } = run.counts;
  const report: SweepReport = {
    ran: true,
    due: due.length,
    claimed,
    ...rest,
    planningMs,
    readMs: state.readMs,
    ...(run.stopped !== undefined ? { stopped: run.stopped } : {}),
  };
  deps.logger.info('reminders.swept', { org: org.id, ...report, planningMs: Math.round(planningMs), readMs: Math.round(state.readMs) });
  return report;
}
