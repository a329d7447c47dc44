import type {
  Clock,
  ConversationRepository,
  DecisionRepository,
  GroupStateRepository,
  Leases,
  MeetingInputRepository,
  MessageSender,
  OrganisationCatalog,
  PersonLanguages,
  ReminderLedger,
  SweepMetrics,
} from '../app/ports';
import type { Logger } from '../logger';
import type { RetryPolicy } from './delivery';
import type { SendGate } from './rateLimiter';

/** What one sweep works with: ports only (storage, Teams and telemetry implement them; src/wiring.ts wires them). */
export interface SweepDeps {
  readonly catalog: OrganisationCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly ledger: ReminderLedger;
  readonly leases: Leases;
  readonly sender: MessageSender;
  readonly limiter: SendGate;
  /** Where the counts of each sweep go (Application Insights); none in tests. */
  readonly metrics?: SweepMetrics;
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
  /** Each recipient's language (one read per organisation swept); without it every message is Swedish. */
  readonly languages?: PersonLanguages;
  /** Reads into the catalog what any instance changed in Teams (årshjul edits, group settings) before each sweep. */
  readonly refreshCatalog?: () => Promise<void>;
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
  /** One connector send not answered after this long is given up and retried by a later sweep (default 30 s). */
  readonly sendTimeoutMs?: number;
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
  /** Wall time of the sweep's storage reads before planning (ms): rosters, terms, the meeting window, open förankring, ledgers. */
  readonly readMs?: number;
  /** Claims of a dead sweeper found still `sending` and sent again (they may have arrived before). */
  readonly uncertain?: number;
  /** Reminders left for the next sweep because the storage or the lease went away. */
  readonly deferred?: number;
  /** Why the sweep stopped early, if it did. */
  readonly stopped?: 'lease-lost' | 'storage' | 'shutdown';
}
