import type { ClaimRecord, LedgerSnapshot } from '../app/ports';
import { reminderCard } from '../cards/reminderCards';
import { dueReminders, type CycleState, type GroupCycleState } from '../domain/annualCycle';
import { dateIn } from '../domain/calendarDate';
import type { Organisation } from '../domain/organisation';
import { forankringMessages } from './forankringMessages';
import type { LeaseKeeper } from './leaseKeeper';
import { meetingMessages } from './meetingMessages';
import type { Outgoing } from './outgoing';
import type { SweepDeps } from './sweepDeps';

/** What the sweep reads before it plans: every group's state and every organisation's ledger. */
export interface SweepState {
  readonly orgs: readonly Organisation[];
  /** `{org}|{group}` → the group's members, terms and meetings. */
  readonly groups: Map<string, GroupCycleState>;
  readonly ledgers: Map<string, LedgerSnapshot>;
  /** AAD object id → display name, for @mentions in the channel. */
  readonly rosterNames: Map<string, string>;
}

/** A reminder to try in this sweep, with its claim as loaded. */
export interface Candidate {
  readonly reminder: Outgoing;
  /** The claim row as loaded, or null for a reminder never tried. */
  readonly previous: ClaimRecord | null;
  /** Left `sending` by a sweeper that died: it may have arrived already. */
  readonly uncertain?: boolean;
}

/** Step 1, load: group state and ledger per organisation (the lease renewed between reads). */
export async function loadState(deps: Pick<SweepDeps, 'catalog' | 'groupState' | 'ledger'>, now: Date, keeper: LeaseKeeper): Promise<SweepState> {
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
  return { orgs, groups, ledgers, rosterNames };
}

/** Step 2a, plan: every message due now (årshjul reminders, meeting messages, förankring), and how long the årshjul planning took. */
export async function planOutgoing(deps: Pick<SweepDeps, 'meetings' | 'decisions'>, state: SweepState, now: Date): Promise<{ due: Outgoing[]; planningMs: number }> {
  const done = new Set<string>();
  const acknowledged = new Set<string>();
  for (const l of state.ledgers.values()) {
    l.done.forEach((x) => done.add(x));
    l.acknowledged.forEach((x) => acknowledged.add(x));
  }
  const cycle: CycleState = { orgs: state.orgs, groups: state.groups, done, acknowledged };
  const t0 = performance.now();
  const reminders = state.orgs.flatMap((org) => dueReminders({ ...cycle, orgs: [org] }, dateIn(now, org.timeZone)));
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
    ...(deps.meetings ? await meetingMessages(state.orgs, state.groups, deps.meetings, now) : []),
    ...(deps.decisions ? await forankringMessages(state.orgs, state.groups, deps.decisions, now) : []),
  ];
  return { due, planningMs };
}

/**
 * Step 2b, plan: what to try now, decided from the ledger as read (no writes; each is claimed
 * only right before its send). Never tried; failed after its backoff; undeliverable; or a
 * dead sweeper's stale claim. A claim a dead sweeper left `sending` may or may not have
 * reached the connector (there is no way to ask Teams): it is sent again, so never lost, and
 * marked uncertain (it may arrive twice: at most `concurrency` per crash; bench/faults.ts).
 */
export function selectCandidates(due: readonly Outgoing[], ledgers: ReadonlyMap<string, LedgerSnapshot>, now: Date, staleClaimMs: number): { candidates: Candidate[]; uncertain: Outgoing[] } {
  const candidates: Candidate[] = [];
  const orphans: Candidate[] = [];
  for (const r of due) {
    const c = ledgers.get(r.org)?.claims.get(r.id);
    if (c === undefined) candidates.push({ reminder: r, previous: null });
    else if (c.status === 'claimed' || c.status === 'sending') {
      // Its sweeper never completed it. A live sweeper always does within this time, so the sweeper died.
      if (now.getTime() - Date.parse(c.claimedAt) > staleClaimMs) {
        if (c.status === 'claimed') candidates.push({ reminder: r, previous: c });
        else orphans.push({ reminder: r, previous: c, uncertain: true });
      }
    } else if (c.status === 'failed') {
      // A transient failure: tried again after its backoff, every time until the deadline (the ledger drops it after).
      if (!c.nextAttemptAt || now.getTime() >= Date.parse(c.nextAttemptAt)) candidates.push({ reminder: r, previous: c });
    } else if (c.status === 'undeliverable') candidates.push({ reminder: r, previous: c }); // tried when someone can be reached
  }
  return { candidates: [...candidates, ...orphans], uncertain: orphans.map((o) => o.reminder) };
}
