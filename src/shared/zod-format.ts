// The one way a failed schema check becomes a message: the first problem, on one line, naming
// where it is. Every validator (IPC, WebSocket, CLI flags, files) prefixes its own context, e.g.
// `invalid corescope:cancel-run payload: 0: Too small`.
//
// The error is typed by shape, not by zod's class, so errors from both `zod` and `zod/mini`
// (the renderer's lighter build) fit.

/** The part of a zod issue this formatter reads. */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
}

export interface ZodErrorLike {
  readonly issues: readonly IssueLike[];
}

/**
 * `where: what` for the first issue; `what` alone when the problem is at the top level or the
 * message already starts with the field's name (custom messages such as "workers must be …").
 * Unknown keys are listed by name so a typo is visible (`keyNoun` says what a key is to the user).
 */
export function zodProblem(
  error: ZodErrorLike,
  { fallback = 'invalid value', keyNoun = 'key' }: { fallback?: string; keyNoun?: string } = {},
): string {
  const issue = error.issues[0];
  if (issue === undefined) return fallback;
  const where = issue.path.map(String).join('.');
  const what =
    issue.code === 'unrecognized_keys' && issue.keys !== undefined && issue.keys.length > 0
      ? `unknown ${keyNoun}${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`
      : issue.message;
  if (where === '' || what.startsWith(where)) return what;
  return `${where}: ${what}`;
}
