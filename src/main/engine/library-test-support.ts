// What the library's tests (the folder's own rules and what hostile neighbours leave in it)
// both need: the value of a library result (their run file is test-figures' testRunFile).
import type { LibraryResult } from '../../shared/library-contract';

/** The value of a library result, or the library's own error thrown. */
export function value<T>(r: LibraryResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
