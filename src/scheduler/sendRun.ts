import { randomUUID } from 'node:crypto';
import type { ClaimOutcome, ClaimRecord } from '../app/ports';
import type { ChannelLink, ConversationRef } from '../domain/conversation';
import { describeError } from '../logger';
import { deliver, NOT_OWNER, TIMED_OUT, UNREACHABLE, type DeliveryResult } from './delivery';
import type { LeaseKeeper } from './leaseKeeper';
import { persist, StorageDown } from './persist';
import type { Candidate } from './plan';
import type { Outgoing } from './outgoing';
import type { SweepDeps, SweepReport } from './sweepDeps';

/** A claim we hold, with where it can go. */
interface Ready {
  readonly reminder: Outgoing;
  claim: ClaimRecord;
  readonly personal: ConversationRef | undefined;
  readonly link: ChannelLink | null;
  /** The connector took it: from now on the claim must never go back to `claimed`. */
  delivered?: boolean;
}

type Pending = Candidate & { readonly personal: ConversationRef | undefined; readonly link: ChannelLink | null; readonly token: string };
/** What happened to one reminder: an outcome to record, or `unsent` (no longer ours: nothing sent, nothing to record). */
type Attempt = Omit<ClaimOutcome, 'at'> | 'unsent';

export interface SendCounts {
  claimed: number;
  sentPersonal: number;
  sentChannel: number;
  failed: number;
  undeliverable: number;
  uncertain: number;
  deferred: number;
}

/**
 * Steps 3 to 5 of a sweep, per reminder: claim (a chunk at a time, shortly before sending),
 * send (personal chat, else the group's channel), record the outcome. `concurrency` workers
 * share the queue; a lost lease, a storage outage or a shutdown stops new sends.
 */
export class SendRun {
  readonly counts: SendCounts = { claimed: 0, sentPersonal: 0, sentChannel: 0, failed: 0, undeliverable: 0, uncertain: 0, deferred: 0 };
  stopped: SweepReport['stopped'] = undefined;
  private readonly ready: Ready[] = [];
  /** A claim whose move to `sending` may have been stored although storage then stayed down: moved back once it answers. */
  private readonly unsure: Ready[] = [];
  private readonly links = new Map<string, Promise<ChannelLink | null>>();
  private next = 0;
  private claiming: Promise<void> | null = null;
  private readonly storageAttempts: number;
  private readonly chunkSize: number;

  constructor(
    private readonly deps: SweepDeps,
    private readonly keeper: LeaseKeeper,
    private readonly candidates: readonly Candidate[],
    private readonly refs: ReadonlyMap<string, ConversationRef>,
    private readonly rosterNames: ReadonlyMap<string, string>,
  ) {
    this.storageAttempts = deps.settings.storageAttempts ?? 8;
    // Claims are made a few at a time, shortly before sending (one table transaction per chunk).
    this.chunkSize = Math.max(4, deps.settings.concurrency * 2);
  }

  /** Runs the workers until every candidate is done or the sweep stops; then hands back what it still holds. */
  async run(signal?: AbortSignal): Promise<void> {
    await Promise.all(Array.from({ length: Math.max(1, this.deps.settings.concurrency) }, () => this.worker(signal)));
    if (this.stopped === undefined) return;
    this.counts.deferred += this.ready.length + (this.candidates.length - this.next);
    await this.handBack(this.ready.splice(0));
    await this.releaseUnsure();
  }

  private async worker(signal?: AbortSignal): Promise<void> {
    for (;;) {
      let item: Ready | null = null;
      try {
        // On shutdown (SIGTERM) no new send starts; those in flight finish and record their outcome.
        if (this.stopped === undefined && signal?.aborted === true) this.stopped = 'shutdown';
        if (this.stopped !== undefined) return;
        item = await this.take();
        if (item === null) return;
        const attempt = await this.send(item);
        if (attempt === 'unsent') await this.leave(item);
        else await this.record(item, attempt);
      } catch (e) {
        if (e instanceof StorageDown) {
          this.stopped = 'storage';
          this.counts.deferred += 1;
          if (item !== null && item.delivered !== true) this.unsure.push(item);
        } else {
          this.counts.failed += 1;
          this.deps.logger.error('reminder.send-error', describeError(e));
        }
      }
      if (this.stopped === undefined && this.keeper.lost) this.stopped = 'lease-lost';
    }
  }

  // ---- claim ----------------------------------------------------------------------------

  private channelOf(org: string, group: string): Promise<ChannelLink | null> {
    const key = `${org}|${group}`;
    let link = this.links.get(key);
    if (link === undefined) {
      link = this.deps.conversations.channelOfGroup(org, group);
      this.links.set(key, link);
    }
    return link;
  }

  /** The next claimed reminder, claiming the next chunk while this one is sent; null when none is left. */
  private async take(): Promise<Ready | null> {
    for (;;) {
      const item = this.ready.shift();
      if (item !== undefined) {
        // Claim the next chunk while this one is being sent, so no sender waits for it.
        if (this.ready.length < this.deps.settings.concurrency && this.stopped === undefined && this.next < this.candidates.length)
          void this.startRefill().catch(() => undefined);
        return item;
      }
      if (this.claiming !== null) await this.claiming;
      else if (this.stopped !== undefined || this.next >= this.candidates.length) return null;
      else await this.startRefill();
    }
  }

  private startRefill(): Promise<void> {
    this.claiming ??= this.refill().finally(() => (this.claiming = null));
    return this.claiming;
  }

  /** Claims the next chunk of reachable candidates; those won go to `ready`. */
  private async refill(): Promise<void> {
    const chunk = await this.nextChunk();
    if (chunk.length === 0) return;
    if (!(await this.keeper.ensure())) {
      this.stopped = 'lease-lost';
      this.counts.deferred += chunk.length;
      return;
    }
    let won: Map<string, ClaimRecord>;
    try {
      won = await this.claimChunk(chunk, this.deps.clock.now());
    } catch (e) {
      if (!(e instanceof StorageDown)) throw e;
      // Left for the next sweep: a claim that was stored anyway is `claimed` (nothing sent), taken over when stale.
      this.stopped = 'storage';
      this.counts.deferred += chunk.length;
      return;
    }
    for (const c of chunk) {
      const claim = won.get(c.reminder.id);
      if (claim === undefined) continue; // someone else has it
      this.counts.claimed += 1;
      if (c.uncertain === true) this.counts.uncertain += 1;
      this.ready.push({ reminder: c.reminder, claim, personal: c.personal, link: c.link });
    }
  }

  /** The next candidates someone can be reached for; nobody reachable yet: nothing is written, so every later sweep tries again. */
  private async nextChunk(): Promise<Pending[]> {
    const chunk: Pending[] = [];
    while (chunk.length < this.chunkSize && this.next < this.candidates.length) {
      const c = this.candidates.at(this.next++);
      if (c === undefined) break;
      const personal = this.refs.get(c.reminder.recipient.toLowerCase()) ?? this.refs.get(c.reminder.recipient);
      // The channel is looked up only when there is no personal chat (or, in `send`, when it refuses).
      const link = personal === undefined && c.reminder.channelFallback ? await this.channelOf(c.reminder.org, c.reminder.group) : null;
      if (personal === undefined && link === null) this.counts.undeliverable += 1;
      else chunk.push({ ...c, personal, link, token: randomUUID() });
    }
    return chunk;
  }

  private async claimChunk(chunk: readonly Pending[], at: Date): Promise<Map<string, ClaimRecord>> {
    const { ledger, instanceId } = this.deps;
    const won = new Map<string, ClaimRecord>();
    for (const org of new Set(chunk.map((c) => c.reminder.org))) {
      const fresh = chunk.filter((c) => c.reminder.org === org && c.previous === null).map((c) => ({ id: c.reminder.id, deadline: c.reminder.deadline, token: c.token }));
      if (fresh.length > 0) for (const w of await persist(this.deps, this.storageAttempts, () => ledger.claimNew(org, fresh, instanceId, at))) won.set(w.reminderId, w);
    }
    for (const c of chunk) {
      const previous = c.previous;
      if (previous === null) continue;
      const w = await persist(this.deps, this.storageAttempts, () => ledger.reclaim(c.reminder.org, previous, instanceId, at, c.token));
      if (w !== null) won.set(w.reminderId, w);
    }
    return won;
  }

  // ---- send -----------------------------------------------------------------------------

  /** Personal chat first; else (or when it is gone) the group's channel with an @mention. */
  private async send(item: Ready): Promise<Attempt> {
    const { reminder, personal } = item;
    if (personal !== undefined) {
      const r = await this.deliverTo(item, personal, reminder.message);
      if (r.ok) return { status: 'sent', via: 'personal', detail: r.activityId };
      if (r.status === NOT_OWNER) return 'unsent';
      if (!UNREACHABLE.has(r.status)) return { status: 'failed', via: 'personal', detail: failureDetail(r) };
      await this.idle(item);
      await this.deps.conversations.markInactive(personal, this.deps.clock.now());
    }
    const link = item.link ?? (reminder.channelFallback ? await this.channelOf(reminder.org, reminder.group) : null);
    if (link === null) return { status: 'undeliverable', via: 'none', detail: 'personal chat unreachable, no linked channel' };
    const name = this.rosterNames.get(reminder.recipient) ?? reminder.recipient;
    // The channel is read by the whole group: the organisation's language, not the recipient's.
    const r = await this.deliverTo(item, link.channel, { ...(reminder.channelMessage ?? reminder.message), mentions: [{ aadObjectId: reminder.recipient, name }] });
    if (r.ok) return { status: 'sent', via: 'channel', detail: r.activityId };
    if (r.status === NOT_OWNER) return 'unsent';
    return { status: 'failed', via: 'channel', detail: failureDetail(r) };
  }

  private deliverTo(item: Ready, ref: ConversationRef, message: Outgoing['message']): Promise<DeliveryResult> {
    const { deps } = this;
    return deliver(ref, message, {
      sender: deps.sender,
      limiter: deps.limiter,
      guard: () => this.guard(item),
      beforeRetry: () => this.idle(item),
      timeoutMs: deps.settings.sendTimeoutMs,
      ...(deps.retry ? { policy: deps.retry } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
    });
  }

  /**
   * Right before each send (after the rate limiter): the claim goes to `sending`, ETag-guarded.
   * This write is the ownership check; only now may a request be on the wire.
   */
  private async guard(item: Ready): Promise<boolean> {
    if (!(await this.keeper.ensure())) return false;
    if (item.claim.status === 'sending') return true;
    const held = item.claim;
    const moved = await persist(this.deps, this.storageAttempts, () => this.deps.ledger.setPhase(item.reminder.org, held, 'sending'));
    if (moved === null) return false;
    item.claim = moved;
    return true;
  }

  /** After a failed try nothing is on the wire: back to `claimed`, so a crash now leaves a claim that is safe to send again. */
  private async idle(item: Ready): Promise<void> {
    if (item.claim.status !== 'sending') return;
    const held = item.claim;
    const back = await persist(this.deps, this.storageAttempts, () => this.deps.ledger.setPhase(item.reminder.org, held, 'claimed'));
    if (back !== null) item.claim = back;
  }

  // ---- record ---------------------------------------------------------------------------

  /** The claim was taken over, or the lease went before the send: nothing was sent. Handed back when the sweep is stopping. */
  private async leave(item: Ready): Promise<void> {
    if (this.keeper.lost || !this.keeper.valid()) {
      this.counts.deferred += 1;
      await this.handBack([item]);
    }
  }

  /** Records the outcome; a failed one gets its backoff. Retried well past a storage outage: a sent reminder is recorded as sent, never sent again. */
  private async record(item: Ready, attempt: Omit<ClaimOutcome, 'at'>): Promise<void> {
    const { deps } = this;
    let outcome = attempt;
    if (outcome.status === 'sent') {
      item.delivered = true;
      this.counts[outcome.via === 'personal' ? 'sentPersonal' : 'sentChannel'] += 1;
    } else this.counts[outcome.status] += 1;
    if (outcome.status === 'failed') outcome = { ...outcome, nextAttemptAt: new Date(deps.clock.now().getTime() + this.backoff(item.claim.sweeps)) };
    const held = item.claim;
    const recorded = await persist(deps, this.storageAttempts * 3, () => deps.ledger.complete(item.reminder.org, held, { ...outcome, at: deps.clock.now() }));
    if (!recorded) deps.logger.warn('reminder.claim-lost', { org: item.reminder.org, group: item.reminder.group });
  }

  private backoff(tries: number): number {
    const { retryBaseMs = 5 * 60_000, retryMaxMs = 60 * 60_000 } = this.deps.settings;
    return Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, tries - 1));
  }

  /** Claims we hold but did not send (sweep stopped): handed back at once, best effort (else they go stale). */
  private async handBack(items: readonly Ready[]): Promise<void> {
    for (const item of items)
      await this.deps.ledger
        .complete(item.reminder.org, item.claim, {
          status: 'failed',
          via: 'none',
          detail: 'sweep stopped before sending',
          at: this.deps.clock.now(),
          nextAttemptAt: null,
        })
        .catch(() => undefined);
  }

  /** Claims perhaps left `sending` when the storage went down: moved back to `claimed` if they are still ours. */
  private async releaseUnsure(): Promise<void> {
    for (const item of this.unsure) {
      const current = await this.deps.ledger.readClaim(item.reminder.org, item.reminder.id).catch(() => null);
      if (current !== null && current.token === item.claim.token && current.status === 'sending')
        await this.deps.ledger.setPhase(item.reminder.org, { ...item.claim, etag: current.etag }, 'claimed').catch(() => null);
    }
  }
}

function failureDetail(r: Extract<DeliveryResult, { ok: false }>): string {
  return r.status === TIMED_OUT ? `no answer (${r.reason}) after ${r.attempts} attempts` : `HTTP ${r.status} after ${r.attempts} attempts`;
}
