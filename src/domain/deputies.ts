/**
 * Named deputies (ersättare): in a group with deputies, a member can have one person named to
 * replace them, and förhinder can call that person. Issue 12: "where deputies exist, förhinder
 * offers 'kalla ersättare' (notify the named deputy)".
 */

/** The person named to replace a member of a group. */
export interface NamedDeputy {
  /** The member replaced. */
  readonly member: string;
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly setBy: string;
  /** ISO instant. */
  readonly setAt: string;
}

/** Where a call of a member's deputy to one meeting stands: being sent, delivered, or not reachable. */
export type DeputyCallStatus = 'calling' | 'reached' | 'unreached';

/** A member's deputy called to one meeting (one per member and meeting: a second press sends nothing). */
export interface DeputyCall {
  readonly member: string;
  readonly memberName: string;
  readonly deputy: string;
  readonly deputyName: string;
  readonly status: DeputyCallStatus;
  /** ISO instant. */
  readonly at: string;
}

/** May this call be sent (again)? Only a first call, or one whose deputy could not be reached. */
export const mayCallAgain = (existing: DeputyCall | null): boolean => existing === null || existing.status === 'unreached';
