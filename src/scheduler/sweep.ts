import { randomUUID } from 'node:crypto';
import type { OrgCatalog } from '../app/catalog';
import type { Clock, ConversationRepository, GroupStateRepository } from '../app/ports';
import { reminderCard } from '../cards/reminderCards';
import { dueReminders, type CycleState, type GroupCycleState } from '../domain/annualCycle';
import { dateIn, type IsoDate } from '../domain/calendarDate';
import type { ChannelLink, ConversationRef } from '../domain/conversation';
import { describeError, type Logger } from '../logger';
import { recordSweep } from '../telemetry';
import type { ClaimRecord, Leases, LedgerSnapshot, ReminderLedger } from '../storage/reminderLedger';
import type { ProactiveMessage, ProactiveSender } from '../teams/proactive';
import type { DecisionRepository, MeetingInputRepository } from '../app/ports';
import { forankringMessages } from './forankringMessages';
import { meetingMessages } from './meetingMessages';
import { deliver, NOT_OWNER, UNREACHABLE, type RetryPolicy } from './delivery';
import type { RateLimiter } from './rateLimiter';

export interface SweepDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly ledger: ReminderLedger;
  readonly leases: Leases;
  readonly sender: ProactiveSender;
  readonly limiter: RateLimiter;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Who this bot instance is, for the lease and the claims. */
  readonly instanceId: string;
  readonly settings: SweepSettings;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Answers and input per meeting, for input reminders, the brief at the cut-off and the catch-up. */
  readonly meetings?: MeetingInputRepository;
  /** The decision register, for förankring reminders until each principal has taken the decision. */
  readonly decisions?: DecisionRepository;
}

/** One message the sweep sends to one person, exactly once: a reminder, a brief or a catch-up. */
export interface Outgoing {
  /** `{org}|{group}|…|{recipient}`: stable, so the claim makes it exactly-once. */
  readonly id: string;
  readonly org: string;
  readonly group: string;
  readonly recipient: string;
  /** Keeps the claim visible to later sweeps until this date has passed. */
  readonly deadline: IsoDate;
  readonly message: ProactiveMessage;
  /** Whether it may go to the group's channel with an @mention when there is no personal chat (never for private input). */
  readonly channelFallback: boolean;
}

export interface SweepSettings {
  /** The sweep lease; renewed every third of it, by time (also while reading), never left to run out. */
  readonly leaseTtlMs: number;
  /**
   * A claim not completed this long after it was made belongs to a sweeper that died. Left
   * `claimed`, nothing was on the wire: it is sent again. Left `sending` (written right before a
   * request, set back to `claimed` whenever a try failed), its request may or may not have reached
   * Teams: sent again too (never lost; may arrive twice: logged as uncertain, measured by
   * bench/faults.ts). Longer than a lease plus every retry of the outcome write, so a live
   * sweeper is never overtaken.
   */
  readonly staleClaimMs: number;
  /** Not used any more: a failing reminder is retried, with backoff, until its deadline. Kept for old settings. */
  readonly maxSweepsPerReminder?: number;
  /** Sends in flight at once (the rate limiter still bounds the rate). */
  readonly concurrency: number;
  /** Backoff between sweeps for a reminder whose send failed transiently: base × 2^(tries−1), at most max. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Tries of a claim write (and, ×3, of an outcome write) before the storage is taken to be down. */
  readonly storageAttempts?: number;
}

export const defaultSweepSettings: SweepSettings = {
  leaseTtlMs: 5 * 60_000,
  staleClaimMs: 15 * 60_000,
  concurrency: 8,
  retryBaseMs: 5 * 60_000,
  retryMaxMs: 60 * 60_000,
  storageAttempts: 8,
};

export interface SweepReport {
  readonly ran: boolean;
  readonly due: number;
  readonly claimed: number;
  readonly sentPersonal: number;
  readonly sentChannel: number;
  readonly failed: number;
  readonly undeliverable: number;
  readonly planningMs: number;
  /** Claims of a dead sweeper found still `sending` and sent again (they may have arrived before). */
  readonly uncertain?: number;
  /** Reminders left for the next sweep because the storage or the lease went away. */
  readonly deferred?: number;
  /** Why the sweep stopped early, if it did. */
  readonly stopped?: 'lease-lost' | 'storage' | 'shutdown';
}

const LEASE = 'reminder-sweep';

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
  if (!(await deps.leases.acquire(LEASE, deps.instanceId, started, deps.settings.leaseTtlMs))) return empty;
  const keeper = new LeaseKeeper(deps, started);
  keeper.start();
  try {
    return await sweepUnderLease(deps, started, keeper, signal);
  } finally {
    keeper.stop();
    if (!keeper.lost) await deps.leases.release(LEASE, deps.instanceId).catch((e: unknown) => deps.logger.warn('reminders.lease-release-failed', describeError(e)));
  }
}

/**
 * Keeps the sweep lease: renewed by time (a third of its length after the last renewal), on
 * every step of the sweep and by a timer while the sweep waits on reads or sends. A sweep sends
 * only while its lease is safely valid; once another instance holds it, it stops.
 */
class LeaseKeeper {
  lost = false;
  private expiresAt: number;
  private renewedAt: number;
  private renewing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: SweepDeps,
    acquiredAt: Date,
  ) {
    this.renewedAt = acquiredAt.getTime();
    this.expiresAt = this.renewedAt + deps.settings.leaseTtlMs;
  }

  start(): void {
    this.timer = setInterval(() => void this.renew(), Math.max(1_000, this.deps.settings.leaseTtlMs / 3));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Whether this sweep may still start a send: the lease is ours and not within its last sixth. */
  valid(): boolean {
    return !this.lost && this.deps.clock.now().getTime() < this.expiresAt - this.deps.settings.leaseTtlMs / 6;
  }

  /** Renews the lease if a third of it has passed; then `valid()`. */
  async ensure(): Promise<boolean> {
    if (this.deps.clock.now().getTime() - this.renewedAt >= this.deps.settings.leaseTtlMs / 3) await this.renew();
    return this.valid();
  }

  renew(): Promise<void> {
    if (this.lost) return Promise.resolve();
    if (this.renewing === null) {
      const at = this.deps.clock.now();
      this.renewing = this.deps.leases
        .acquire(LEASE, this.deps.instanceId, at, this.deps.settings.leaseTtlMs)
        .then(
          (ok) => {
            if (ok) {
              this.renewedAt = at.getTime();
              this.expiresAt = at.getTime() + this.deps.settings.leaseTtlMs;
            } else {
              this.lost = true;
              this.deps.logger.warn('reminders.lease-lost', {});
            }
          },
          // Storage unreachable: keep going while the lease we have is still valid, try again next time.
          (e: unknown) => this.deps.logger.warn('reminders.lease-renew-failed', describeError(e)),
        )
        .finally(() => {
          this.renewing = null;
        });
    }
    return this.renewing;
  }
}

class StorageDown extends Error {}

/** A storage write, retried with backoff (a brief outage is waited out); StorageDown when it stays down. */
async function persist<T>(deps: SweepDeps, attempts: number, op: () => Promise<T>): Promise<T> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (attempt >= attempts) {
        deps.logger.warn('reminders.storage-write-failed', describeError(e));
        throw new StorageDown('storage unavailable');
      }
      await sleep(Math.min(5_000, 200 * 2 ** (attempt - 1)));
    }
  }
}

interface Candidate {
  readonly reminder: Outgoing;
  /** The claim row as loaded, or null for a reminder never tried. */
  readonly previous: ClaimRecord | null;
  /** Left `sending` by a sweeper that died: it may have arrived already. */
  readonly uncertain?: boolean;
}

async function sweepUnderLease(deps: SweepDeps, now: Date, keeper: LeaseKeeper, signal?: AbortSignal): Promise<SweepReport> {
  const orgs = deps.catalog.all();
  const groups = new Map<string, GroupCycleState>();
  const ledgers = new Map<string, LedgerSnapshot>();
  const rosterNames = new Map<string, string>();
  for (const org of orgs) {
    await keeper.ensure();
    const today = dateIn(now, org.timeZone);
    for (const [id, record] of await deps.groupState.wholeOrg(org.id)) {
      groups.set(`${org.id}|${id}`, record);
      for (const m of record.members) rosterNames.set(m.aadObjectId, m.displayName);
    }
    ledgers.set(org.id, await deps.ledger.load(org.id, today));
  }
  const done = new Set<string>();
  const acknowledged = new Set<string>();
  for (const l of ledgers.values()) {
    l.done.forEach((x) => done.add(x));
    l.acknowledged.forEach((x) => acknowledged.add(x));
  }
  const state: CycleState = { orgs, groups, done, acknowledged };
  const t0 = performance.now();
  const reminders = orgs.flatMap((org) => dueReminders({ ...state, orgs: [org] }, dateIn(now, org.timeZone)));
  const planningMs = performance.now() - t0;
  const due: Outgoing[] = [
    ...reminders.map((r) => ({
      id: r.id,
      org: r.occurrence.org.id,
      group: r.occurrence.group.id,
      recipient: r.recipient,
      deadline: r.occurrence.deadline,
      message: { card: reminderCard(r, 'sv') },
      channelFallback: true,
    })),
    ...(deps.meetings ? await meetingMessages(orgs, groups, deps.meetings, now) : []),
    ...(deps.decisions ? await forankringMessages(orgs, groups, deps.decisions, now) : []),
  ];
  await keeper.ensure();

  // What to try now, decided from the ledger as read (no writes): each is claimed only right before its send.
  const candidates: Candidate[] = [];
  const orphans: { reminder: Outgoing; claim: ClaimRecord }[] = [];
  for (const r of due) {
    const c = ledgers.get(r.org)?.claims.get(r.id);
    if (c === undefined) candidates.push({ reminder: r, previous: null });
    else if (c.status === 'claimed' || c.status === 'sending') {
      // Its sweeper never completed it. A live sweeper always does within this time, so the sweeper died.
      if (now.getTime() - Date.parse(c.claimedAt) > deps.settings.staleClaimMs) {
        if (c.status === 'claimed') candidates.push({ reminder: r, previous: c });
        else orphans.push({ reminder: r, claim: c });
      }
    } else if (c.status === 'failed') {
      // A transient failure: tried again after its backoff, every time until the deadline (the ledger drops it after).
      if (!c.nextAttemptAt || now.getTime() >= Date.parse(c.nextAttemptAt)) candidates.push({ reminder: r, previous: c });
    } else if (c.status === 'undeliverable') candidates.push({ reminder: r, previous: c }); // tried when someone can be reached
  }

  // A dead sweeper may or may not have got its request to the connector: there is no way to ask
  // Teams. Sent again, so it is never lost (it may arrive twice: the one at-least-once window,
  // at most `concurrency` reminders per crash; logged, and measured by bench/faults.ts).
  for (const { reminder, claim } of orphans) {
    candidates.push({ reminder, previous: claim, uncertain: true });
    deps.logger.warn('reminder.resend-uncertain', { org: reminder.org, group: reminder.group });
  }

  const refs = candidates.length > 0 ? await deps.conversations.activePersonalReferences(now) : new Map<string, ConversationRef>();
  const links = new Map<string, Promise<ChannelLink | null>>();
  const channelOf = (org: string, group: string) => {
    const key = `${org}|${group}`;
    if (!links.has(key)) links.set(key, deps.conversations.channelOfGroup(org, group));
    return links.get(key)!;
  };
  const storageAttempts = deps.settings.storageAttempts ?? 8;
  const counts = { claimed: 0, sentPersonal: 0, sentChannel: 0, failed: 0, undeliverable: 0, uncertain: 0, deferred: 0 };
  let stopped: SweepReport['stopped'] = undefined;
  const backoff = (tries: number) =>
    Math.min(deps.settings.retryMaxMs ?? 60 * 60_000, (deps.settings.retryBaseMs ?? 5 * 60_000) * 2 ** Math.max(0, tries - 1));

  interface Ready {
    readonly reminder: Outgoing;
    claim: ClaimRecord;
    readonly personal: ConversationRef | undefined;
    link: ChannelLink | null;
    /** The connector took it: from now on the claim must never go back to `claimed`. */
    delivered?: boolean;
  }
  // Claims are made a few at a time, shortly before sending (one table transaction per chunk).
  const chunkSize = Math.max(4, deps.settings.concurrency * 2);
  const ready: Ready[] = [];
  let next = 0;
  let claiming: Promise<void> | null = null;
  const refill = async (): Promise<void> => {
    const chunk: (Candidate & { personal: ConversationRef | undefined; link: ChannelLink | null; token: string })[] = [];
    while (chunk.length < chunkSize && next < candidates.length) {
      const c = candidates[next++]!;
      const personal = refs.get(c.reminder.recipient.toLowerCase()) ?? refs.get(c.reminder.recipient);
      // The channel is looked up only when there is no personal chat (or, below, when it refuses).
      const link = personal === undefined && c.reminder.channelFallback ? await channelOf(c.reminder.org, c.reminder.group) : null;
      // Nobody can be reached yet: nothing is written, so every later sweep until the deadline tries again.
      if (personal === undefined && link === null) counts.undeliverable += 1;
      else chunk.push({ ...c, personal, link, token: randomUUID() });
    }
    if (chunk.length === 0) return;
    if (!(await keeper.ensure())) {
      stopped = 'lease-lost';
      counts.deferred += chunk.length;
      return;
    }
    const at = deps.clock.now();
    const won = new Map<string, ClaimRecord>();
    try {
      await claimChunk(chunk, at, won);
    } catch (e) {
      if (!(e instanceof StorageDown)) throw e;
      // Left for the next sweep: a claim that was stored anyway is `claimed` (nothing sent), taken over when stale.
      stopped = 'storage';
      counts.deferred += chunk.length;
      return;
    }
    for (const c of chunk) {
      const claim = won.get(c.reminder.id);
      if (claim === undefined) continue; // someone else has it
      counts.claimed += 1;
      if (c.uncertain === true) counts.uncertain += 1;
      ready.push({ reminder: c.reminder, claim, personal: c.personal, link: c.link });
    }
  };
  const claimChunk = async (chunk: readonly (Candidate & { token: string })[], at: Date, won: Map<string, ClaimRecord>): Promise<void> => {
    for (const org of new Set(chunk.map((c) => c.reminder.org))) {
      const fresh = chunk.filter((c) => c.reminder.org === org && c.previous === null);
      if (fresh.length > 0)
        for (const w of await persist(deps, storageAttempts, () =>
          deps.ledger.claimNew(org, fresh.map((c) => ({ id: c.reminder.id, deadline: c.reminder.deadline, token: c.token })), deps.instanceId, at),
        ))
          won.set(w.reminderId, w);
    }
    for (const c of chunk) {
      if (c.previous === null) continue;
      const w = await persist(deps, storageAttempts, () => deps.ledger.reclaim(c.reminder.org, c.previous!, deps.instanceId, at, c.token));
      if (w !== null) won.set(w.reminderId, w);
    }
  };
  const startRefill = () => {
    if (claiming === null) claiming = refill().finally(() => (claiming = null));
    return claiming;
  };
  const take = async (): Promise<Ready | null> => {
    for (;;) {
      if (ready.length > 0) {
        // Claim the next chunk while this one is being sent, so no sender waits for it.
        if (ready.length <= deps.settings.concurrency && stopped === undefined && next < candidates.length) void startRefill().catch(() => undefined);
        return ready.shift()!;
      }
      if (claiming !== null) await claiming;
      else if (stopped !== undefined || next >= candidates.length) return null;
      else await startRefill();
    }
  };
  /** Claims we hold but did not send (sweep stopped): handed back at once, best effort (else they go stale). */
  const handBack = async (items: readonly Ready[]): Promise<void> => {
    for (const item of items)
      await deps.ledger
        .complete(item.reminder.org, item.claim, { status: 'failed', via: 'none', detail: 'sweep stopped before sending', at: deps.clock.now(), nextAttemptAt: null })
        .catch(() => undefined);
  };

  const sendOne = async (item: Ready): Promise<void> => {
    const { reminder, personal } = item;
    const org = reminder.org;
    // Right before each send (after the rate limiter): the claim goes to `sending`, ETag-guarded.
    // This write is the ownership check; only now may a request be on the wire.
    const guard = async (): Promise<boolean> => {
      if (!(await keeper.ensure())) return false;
      if (item.claim.status === 'sending') return true;
      const held = item.claim;
      const moved = await persist(deps, storageAttempts, () => deps.ledger.setPhase(org, held, 'sending'));
      if (moved === null) return false;
      item.claim = moved;
      return true;
    };
    // After a failed try nothing is on the wire: back to `claimed`, so a crash now leaves a claim that is safe to send again.
    const idle = async (): Promise<void> => {
      if (item.claim.status !== 'sending') return;
      const held = item.claim;
      const back = await persist(deps, storageAttempts, () => deps.ledger.setPhase(org, held, 'claimed'));
      if (back !== null) item.claim = back;
    };
    const opts = { sender: deps.sender, limiter: deps.limiter, guard, beforeRetry: idle, ...(deps.retry ? { policy: deps.retry } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) };
    let outcome: { status: 'sent' | 'failed' | 'undeliverable'; via: string; detail: string; nextAttemptAt?: Date | null } | null = null;
    let unsent = false;
    if (personal !== undefined) {
      const r = await deliver(personal, reminder.message, opts);
      if (r.ok) outcome = { status: 'sent', via: 'personal', detail: r.activityId };
      else if (r.status === NOT_OWNER) unsent = true;
      else if (UNREACHABLE.has(r.status)) {
        await idle();
        await deps.conversations.markInactive(personal, deps.clock.now());
      } else outcome = { status: 'failed', via: 'personal', detail: `HTTP ${r.status} after ${r.attempts} attempts` };
    }
    if (outcome === null && !unsent) {
      const link = item.link ?? (reminder.channelFallback ? await channelOf(org, reminder.group) : null);
      if (link !== null) {
        const name = rosterNames.get(reminder.recipient) ?? reminder.recipient;
        const r = await deliver(link.channel, { ...reminder.message, mentions: [{ aadObjectId: reminder.recipient, name }] }, opts);
        if (r.ok) outcome = { status: 'sent', via: 'channel', detail: r.activityId };
        else if (r.status === NOT_OWNER) unsent = true;
        else outcome = { status: 'failed', via: 'channel', detail: `HTTP ${r.status} after ${r.attempts} attempts` };
      } else outcome = { status: 'undeliverable', via: 'none', detail: 'personal chat unreachable, no linked channel' };
    }
    if (unsent) {
      // The claim was taken over, or the lease went before the send: nothing was sent.
      if (keeper.lost || !keeper.valid()) {
        counts.deferred += 1;
        await handBack([item]);
      }
      return;
    }
    let final = outcome!;
    if (final.status === 'sent') item.delivered = true;
    if (final.status === 'failed') final = { ...final, nextAttemptAt: new Date(deps.clock.now().getTime() + backoff(item.claim.sweeps)) };
    if (final.status === 'sent') counts[final.via === 'personal' ? 'sentPersonal' : 'sentChannel'] += 1;
    else counts[final.status] += 1;
    // The outcome write is retried well past a storage outage: a sent reminder is recorded as sent, never sent again.
    const held = item.claim;
    const recorded = await persist(deps, storageAttempts * 3, () => deps.ledger.complete(org, held, { ...final, at: deps.clock.now() }));
    if (!recorded) deps.logger.warn('reminder.claim-lost', { org, group: reminder.group });
  };

  /** A claim whose move to `sending` may have been stored although storage then stayed down: moved back once it answers. */
  const unsure: Ready[] = [];
  const worker = async () => {
    for (;;) {
      let item: Ready | null = null;
      try {
        // On shutdown (SIGTERM) no new send starts; those in flight finish and record their outcome.
        if (stopped === undefined && signal?.aborted === true) stopped = 'shutdown';
        if (stopped !== undefined) return;
        item = await take();
        if (item === null) return;
        await sendOne(item);
      } catch (e) {
        if (e instanceof StorageDown) {
          stopped = 'storage';
          counts.deferred += 1;
          if (item !== null && item.delivered !== true) unsure.push(item);
        } else {
          counts.failed += 1;
          deps.logger.error('reminder.send-error', describeError(e));
        }
      }
      if (stopped === undefined && keeper.lost) stopped = 'lease-lost';
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.settings.concurrency) }, worker));
  if (stopped !== undefined) {
    counts.deferred += ready.length + (candidates.length - next);
    await handBack(ready.splice(0));
    for (const item of unsure) {
      const current = await deps.ledger.readClaim(item.reminder.org, item.reminder.id).catch(() => null);
      if (current !== null && current.token === item.claim.token && current.status === 'sending')
        await deps.ledger.setPhase(item.reminder.org, { ...item.claim, etag: current.etag }, 'claimed').catch(() => null);
    }
  }
  const { claimed, ...rest } = counts;
  const report: SweepReport = { ran: true, due: due.length, claimed, ...rest, planningMs, ...(stopped !== undefined ? { stopped } : {}) };
  deps.logger.info('reminders.swept', { ...report, planningMs: Math.round(planningMs) });
  recordSweep(report);
  return report;
}
