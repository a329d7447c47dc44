/** An expected business failure: a code the Teams layer turns into a message, plus details. */
export interface Failure<C extends string = string> {
  readonly ok: false;
  readonly code: C;
  readonly details?: Readonly<Record<string, string | number>>;
}

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export type Result<T, C extends string = string> = Success<T> | Failure<C>;

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

/** Builds an expected failure with a code and optional details for the message. */
export const fail = <C extends string>(code: C, details?: Record<string, string | number>): Failure<C> =>
  details === undefined ? { ok: false, code } : { ok: false, code, details };
