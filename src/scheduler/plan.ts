import type { ClaimRecord, LedgerSnapshot, OpenForankring } from '../app/ports';
import { reminderCard } from '../cards/reminderCards';
import { dueReminders, type CycleState, type GroupCycleState } from '../domain/annualCycle';
import { dateIn } from '../domain/calendarDate';
import type { Meeting } from '../domain/meetings';
import { orgLanguage, type Locale, type Organisation } from '../domain/organisation';
import { forankringMessages } from './forankringMessages';
import type { LeaseKeeper } from './leaseKeeper';
import { meetingMessages } from './meetingMessages';
import { inLanguages, type LanguageOf, type Outgoing } from './outgoing';
import type { SweepDeps } from './sweepDeps';
import { meetingWindow } from './window';

/** What the sweep reads before it plans: what is due or may soon be, never the history. */
export interface SweepState {
  readonly orgs: readonly Organisation[];
  /** `{org}|{group}` → the group's members, terms in force and the meetings in the sweep's window. */
  readonly groups: Map<string, GroupCycleState>;
  readonly ledgers: Map<string, LedgerSnapshot>;
  /** AAD object id → display name, for @mentions in the channel. */
  readonly rosterNames: Map<string, string>;
  /** Lower-case AAD object id → language of the people in the rosters (one read); the rest get Swedish. */
  readonly languages: ReadonlyMap<string, Locale>;
  /** Pending förankring per organisation, from its index (none read without a decision register). */
  readonly forankring: Map<string, readonly OpenForankring[]>;
  /** Wall time of the storage reads (ms). */
  readonly readMs: number;
}

/** A reminder to try in this sweep, with its claim as loaded. */
export interface Candidate {
  readonly reminder: Outgoing;
  /** The claim row as loaded, or null for a reminder never tried. */
  readonly previous: ClaimRecord | null;
  /** Left `sending` by a sweeper that died: it may have arrived already. */
  readonly uncertain?: boolean;
}

/**
 * Step 1, load what is due for the given organisations (the lease renewed between reads): rosters
 * and terms in force, meetings in the planners' window (window.ts), pending förankring from its
 * index, and the ledger from today on. O(groups + due items), not O(history).
 */
export async function loadState(
  deps: Pick<SweepDeps, 'groupState' | 'ledger' | 'decisions' | 'languages'>,
  orgs: readonly Organisation[],
  now: Date,
  keeper: LeaseKeeper,
): Promise<SweepState> {
  const t0 = performance.now();
  const groups = new Map<string, GroupCycleState>();
  const ledgers = new Map<string, LedgerSnapshot>();
  const rosterNames = new Map<string, string>();
  const forankring = new Map<string, readonly OpenForankring[]>();
  for (const org of orgs) {
    await keeper.ensure();
    const today = dateIn(now, org.timeZone);
    const window = meetingWindow(org, today);
    const records = await deps.groupState.currentGroups(org.id, today);
    await keeper.ensure();
    const meetings = await deps.groupState.meetingsBetween(org.id, window.from, window.to);
    const byGroup = new Map<string, Meeting[]>();
    for (const m of meetings) byGroup.set(m.group, [...(byGroup.get(m.group) ?? []), m]);
    for (const [id, record] of records) {
      groups.set(`${org.id}|${id}`, { ...record, meetings: byGroup.get(id) ?? [] });
      for (const m of record.members) rosterNames.set(m.aadObjectId, m.displayName);
    }
    await keeper.ensure();
    if (deps.decisions) forankring.set(org.id, await deps.decisions.openForankring(org.id));
    await keeper.ensure();
    ledgers.set(org.id, await deps.ledger.load(org.id, today));
  }
  // Everyone a message may go to is in a roster: their languages in one read, not one per message.
  await keeper.ensure();
  const languages = deps.languages && rosterNames.size > 0 ? await deps.languages.languagesOf([...rosterNames.keys()]) : new Map<string, Locale>();
  return { orgs, groups, ledgers, rosterNames, languages, forankring, readMs: performance.now() - t0 };
}

/** Step 2a, plan: every message due now (årshjul reminders, meeting messages, förankring), and how long the årshjul planning took. */
export async function planOutgoing(deps: Pick<SweepDeps, 'meetings'>, state: SweepState, now: Date): Promise<{ due: Outgoing[]; planningMs: number }> {
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
  const languageOf: LanguageOf = (aad) => state.languages.get(aad.toLowerCase()) ?? 'sv';
  const due: Outgoing[] = [
    ...reminders.map((r) => ({
      id: r.id,
      org: r.occurrence.org.id,
      group: r.occurrence.group.id,
      recipient: r.recipient,
      deadline: r.occurrence.deadline,
      ...inLanguages((locale) => ({ card: reminderCard(r, locale) }), languageOf(r.recipient), orgLanguage(r.occurrence.org)),
      channelFallback: true,
    })),
    ...(deps.meetings ? await meetingMessages(state.orgs, state.groups, deps.meetings, now, languageOf) : []),
    ...forankringMessages(state.orgs, state.groups, state.forankring, now, languageOf),
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
export function selectCandidates(
  due: readonly Outgoing[],
  ledgers: ReadonlyMap<string, LedgerSnapshot>,
  now: Date,
  staleClaimMs: number,
): { candidates: Candidate[]; uncertain: Outgoing[] } {
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
