/**
 * Failures that cross a boundary (a message, an import batch) travel as values, not thrown
 * strings, so the receiver must look at them and can show them to the user.
 */

/** A successful outcome carrying its value. */
export interface Success<T> {
  ok: true;
  value: T;
}

/** A failed outcome carrying a typed error. */
export interface Failure<E> {
  ok: false;
  error: E;
}

/** Either a value or a typed error. */
export type Result<T, E> = Success<T> | Failure<E>;

/** Wraps a value as a {@link Success}. */
export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

/** Wraps an error as a {@link Failure}. */
export const err = <E>(error: E): Failure<E> => ({ ok: false, error });
