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
import { deliver, UNREACHABLE, type RetryPolicy } from './delivery';
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
  readonly leaseTtlMs: number;
  /** A claim older than this whose sender never completed it is taken over (the sender died). */
  readonly staleClaimMs: number;
  /** How many sweeps may try a reminder that keeps failing before it is given up. */
  readonly maxSweepsPerReminder: number;
  /** Sends in flight at once (the rate limiter still bounds the rate). */
  readonly concurrency: number;
}

export const defaultSweepSettings: SweepSettings = { leaseTtlMs: 5 * 60_000, staleClaimMs: 10 * 60_000, maxSweepsPerReminder: 3, concurrency: 8 };

export interface SweepReport {
  readonly ran: boolean;
  readonly due: number;
  readonly claimed: number;
  readonly sentPersonal: number;
  readonly sentChannel: number;
  readonly failed: number;
  readonly undeliverable: number;
  readonly planningMs: number;
}

const LEASE = 'reminder-sweep';
const UNDELIVERABLE_RETRY_MS = 6 * 3_600_000;

/**
 * One reminder sweep: take the lease, work out every due reminder, claim each in Azure
 * Tables before sending (so two instances, or a rerun after a crash, never send twice),
 * send within the Teams limits, and record each outcome.
 */
export async function sweep(deps: SweepDeps): Promise<SweepReport> {
  const started = deps.clock.now();
  const empty: SweepReport = { ran: false, due: 0, claimed: 0, sentPersonal: 0, sentChannel: 0, failed: 0, undeliverable: 0, planningMs: 0 };
  if (!(await deps.leases.acquire(LEASE, deps.instanceId, started, deps.settings.leaseTtlMs))) return empty;
  try {
    return await sweepUnderLease(deps, started);
  } finally {
    await deps.leases.release(LEASE, deps.instanceId);
  }
}

async function sweepUnderLease(deps: SweepDeps, now: Date): Promise<SweepReport> {
  const orgs = deps.catalog.all();
  const groups = new Map<string, GroupCycleState>();
  const ledgers = new Map<string, LedgerSnapshot>();
  const rosterNames = new Map<string, string>();
  for (const org of orgs) {
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

  // Claim: new messages in batches; stale or failed ones one by one with their ETag.
  const claimed: { reminder: Outgoing; claim: ClaimRecord }[] = [];
  const byId = new Map(due.map((r) => [r.id, r]));
  for (const org of orgs) {
    const ledger = ledgers.get(org.id)!;
    const mine = due.filter((r) => r.org === org.id);
    const fresh = mine.filter((r) => !ledger.claims.has(r.id));
    for (const c of await deps.ledger.claimNew(org.id, fresh.map((r) => ({ id: r.id, deadline: r.deadline })), deps.instanceId, now))
      claimed.push({ reminder: byId.get(c.reminderId)!, claim: c });
    for (const r of mine) {
      const c = ledger.claims.get(r.id);
      if (c === undefined) continue;
      const stale = c.status === 'claimed' && now.getTime() - Date.parse(c.claimedAt) > deps.settings.staleClaimMs;
      const retry = c.status === 'failed' && c.sweeps < deps.settings.maxSweepsPerReminder;
      // Nobody could be reached (no personal chat, no linked channel): try again a few times a day,
      // so someone who installs the bot later still gets it before the deadline.
      const unreachedAgain = c.status === 'undeliverable' && now.getTime() - Date.parse(c.claimedAt) > UNDELIVERABLE_RETRY_MS;
      if (!stale && !retry && !unreachedAgain) continue;
      const taken = await deps.ledger.reclaim(org.id, c, deps.instanceId, now);
      if (taken !== null) claimed.push({ reminder: r, claim: taken });
    }
  }

  const refs = claimed.length > 0 ? await deps.conversations.activePersonalReferences() : new Map<string, ConversationRef>();
  const links = new Map<string, Promise<ChannelLink | null>>();
  const channelOf = (org: string, group: string) => {
    const key = `${org}|${group}`;
    if (!links.has(key)) links.set(key, deps.conversations.channelOfGroup(org, group));
    return links.get(key)!;
  };
  const counts = { sentPersonal: 0, sentChannel: 0, failed: 0, undeliverable: 0 };
  const sendOne = async ({ reminder, claim }: { reminder: Outgoing; claim: ClaimRecord }) => {
    const org = reminder.org;
    const opts = { sender: deps.sender, limiter: deps.limiter, ...(deps.retry ? { policy: deps.retry } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) };
    let outcome: { status: 'sent' | 'failed' | 'undeliverable'; via: string; detail: string } = { status: 'undeliverable', via: 'none', detail: 'no conversation' };
    const personal = refs.get(reminder.recipient);
    if (personal !== undefined) {
      const r = await deliver(personal, reminder.message, opts);
      if (r.ok) outcome = { status: 'sent', via: 'personal', detail: r.activityId };
      else if (UNREACHABLE.has(r.status)) await deps.conversations.markInactive(personal);
      else outcome = { status: 'failed', via: 'personal', detail: `HTTP ${r.status} after ${r.attempts} attempts` };
    }
    if (outcome.status === 'undeliverable' && reminder.channelFallback) {
      const link = await channelOf(org, reminder.group);
      if (link !== null) {
        const name = rosterNames.get(reminder.recipient) ?? reminder.recipient;
        const r = await deliver(link.channel, { ...reminder.message, mentions: [{ aadObjectId: reminder.recipient, name }] }, opts);
        outcome = r.ok ? { status: 'sent', via: 'channel', detail: r.activityId } : { status: 'failed', via: 'channel', detail: `HTTP ${r.status} after ${r.attempts} attempts` };
      }
    }
    if (outcome.status === 'sent') counts[outcome.via === 'personal' ? 'sentPersonal' : 'sentChannel'] += 1;
    else counts[outcome.status] += 1;
    const recorded = await deps.ledger.complete(org, claim, { ...outcome, at: deps.clock.now() });
    if (!recorded) deps.logger.warn('reminder.claim-lost', { org, group: reminder.group });
  };

  let next = 0;
  let sinceRenewal = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const item = claimed[next++]!;
      try {
        await sendOne(item);
      } catch (e) {
        counts.failed += 1;
        deps.logger.error('reminder.send-error', describeError(e));
      }
      if (++sinceRenewal >= 100) {
        sinceRenewal = 0;
        await deps.leases.acquire(LEASE, deps.instanceId, deps.clock.now(), deps.settings.leaseTtlMs);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.settings.concurrency) }, worker));
  const report: SweepReport = { ran: true, due: due.length, claimed: claimed.length, ...counts, planningMs };
  deps.logger.info('reminders.swept', { ...report, planningMs: Math.round(planningMs) });
  recordSweep(report);
  return report;
}
