import type { ConversationRef } from '../domain/conversation';
import { describeError } from '../logger';
import { LeaseKeeper, SWEEP_LEASE } from './leaseKeeper';
import { loadState, planOutgoing, selectCandidates } from './plan';
import { SendRun } from './sendRun';
import type { SweepDeps, SweepReport } from './sweepDeps';

export type { Outgoing } from './outgoing';
export { defaultSweepSettings, type SweepDeps, type SweepReport, type SweepSettings } from './sweepDeps';

/**
 * One reminder sweep: take the lease, work out every due reminder from what is stored, then
 * per reminder, right before its send, claim it in Azure Tables (insert-if-absent or ETag, so
 * two instances, or a rerun after a crash, never both send it), send within the Teams limits,
 * and record the outcome (retried through storage outages). Failures are retried by later
 * sweeps with backoff until the deadline; nobody reachable yet is tried every sweep.
 */
export async function sweep(deps: SweepDeps, signal?: AbortSignal): Promise<SweepReport> {
  const started = deps.clock.now();
  const empty: SweepReport = { ran: false, due: 0, claimed: 0, sentPersonal: 0, sentChannel: 0, failed: 0, undeliverable: 0, planningMs: 0 };
  if (!(await deps.leases.acquire(SWEEP_LEASE, deps.instanceId, started, deps.settings.leaseTtlMs))) return empty;
  const keeper = new LeaseKeeper(deps, started);
  keeper.start();
  try {
    return await sweepUnderLease(deps, started, keeper, signal);
  } finally {
    keeper.stop();
    if (!keeper.lost) await deps.leases.release(SWEEP_LEASE, deps.instanceId).catch((e: unknown) => deps.logger.warn('reminders.lease-release-failed', describeError(e)));
  }
}

/** load → plan → (claim → send → record, per reminder) → report. */
async function sweepUnderLease(deps: SweepDeps, now: Date, keeper: LeaseKeeper, signal?: AbortSignal): Promise<SweepReport> {
  const state = await loadState(deps, now, keeper);
  const { due, planningMs } = await planOutgoing(deps, state, now);
  await keeper.ensure();
  const { candidates, uncertain } = selectCandidates(due, state.ledgers, now, deps.settings.staleClaimMs);
  for (const r of uncertain) deps.logger.warn('reminder.resend-uncertain', { org: r.org, group: r.group });
  const refs = candidates.length > 0 ? await deps.conversations.activePersonalReferences(now) : new Map<string, ConversationRef>();
  const run = new SendRun(deps, keeper, candidates, refs, state.rosterNames);
  await run.run(signal);
  const { claimed, ...rest } = run.counts;
  const report: SweepReport = { ran: true, due: due.length, claimed, ...rest, planningMs, ...(run.stopped !== undefined ? { stopped: run.stopped } : {}) };
  deps.logger.info('reminders.swept', { ...report, planningMs: Math.round(planningMs) });
  deps.metrics?.recordSweep(report);
  return report;
}
