import { describeError, type Logger } from '../logger';
import { sweep, type SweepDeps, type SweepReport } from './sweep';

/**
 * Runs the reminder sweep in the bot process: once at start-up and then every interval.
 * A sweep still running when the next is due is not started twice.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepReport | null> | null = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly deps: SweepDeps,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer !== null) return;
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** Runs one sweep now (or joins the one running). */
  runOnce(): Promise<SweepReport | null> {
    if (this.running === null) {
      this.abort = new AbortController();
      this.running = sweep(this.deps, this.abort.signal)
        .catch((e: unknown) => {
          this.logger.error('reminders.sweep-failed', describeError(e));
          return null;
        })
        .finally(() => {
          this.running = null;
          this.abort = null;
        });
    }
    return this.running;
  }

  /** Stops: a running sweep starts no new send, lets those in flight finish and record their outcome, and hands the rest back. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.abort?.abort();
    await this.running;
  }
}
