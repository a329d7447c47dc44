import { describeError } from '../logger';
import type { SweepDeps } from './sweepDeps';

/** The name of the sweep's lease of one organisation: one instance sweeps an organisation at a time, different ones may sweep different organisations. */
export const sweepLeaseOf = (org: string): string => `reminder-sweep|${org}`;

type KeeperDeps = Pick<SweepDeps, 'leases' | 'clock' | 'logger' | 'instanceId' | 'settings'>;

/**
 * Keeps the sweep lease: renewed by time (a third of its length after the last renewal), on
 * every step of the sweep and by a timer while the sweep waits on reads or sends. A sweep sends
 * only while its lease is safely valid; once another instance holds it, it stops.
 */
export class LeaseKeeper {
  lost = false;
  private expiresAt: number;
  private renewedAt: number;
  private renewing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: KeeperDeps,
    acquiredAt: Date,
    private readonly name: string,
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
        .acquire(this.name, this.deps.instanceId, at, this.deps.settings.leaseTtlMs)
        .then(
          (ok) => {
            if (ok) {
              this.renewedAt = at.getTime();
              this.expiresAt = at.getTime() + this.deps.settings.leaseTtlMs;
            } else {
              this.lost = true;
              this.deps.logger.warn('reminders.lease-lost', { lease: this.name });
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
