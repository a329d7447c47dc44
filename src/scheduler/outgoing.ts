import type { ProactiveMessage } from '../app/ports';
import type { IsoDate } from '../domain/calendarDate';

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
