/**
 * Expected business failures are values: a code the Teams layer turns into a message in the
 * person's language, plus typed fields for that message. A use case declares its failures as a
 * discriminated union on `code`, e.g.
 * `Result<Meeting, Failure<'not-lead'> | Failure<'conflict', { current: Meeting }>>`;
 * a bare code union (`Result<void, 'conflict' | 'gone'>`) is short for failures without fields.
 */
export type Failure<C extends string = string, X extends object = object> = { readonly ok: false; readonly code: C } & Readonly<X>;

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

/** A value, or one of the failures `E` (codes, or `Failure` types with fields). */
export type Result<T, E extends string | Failure = string> = Success<T> | (E extends string ? Failure<E> : E);

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

/** Builds an expected failure with a code and, optionally, typed fields for the message. */
export function fail<C extends string>(code: C): Failure<C>;
export function fail<C extends string, X extends object>(code: C, fields: X): Failure<C, X>;
export function fail(code: string, fields?: object): Failure {
  return fields === undefined ? { ok: false, code } : { ...fields, ok: false, code };
}
