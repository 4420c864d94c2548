// The interpreter the user picked for Python runs, remembered across visits like the theme. What
// is read back is untrusted (another version of the app, a hand edit): it is checked against the
// same schema the engine applies, and then by the engine itself, which runs it once; a saved pick
// that no longer works is forgotten and the engine's default stays, with the reason shown.
import { PythonPathSchema } from '../../../shared/python';

const KEY = 'corescope.python';

export type SavedPython =
  | { readonly kind: 'none' }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'bad'; readonly problem: string };

/** The stored value: a JSON string holding the path, as storePython writes it. */
export function parseSavedPython(text: string | null): SavedPython {
  if (text === null) return { kind: 'none' };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { kind: 'bad', problem: 'it is not readable' };
  }
  const parsed = PythonPathSchema.safeParse(v);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]?.message ?? 'it is not a path';
    return { kind: 'bad', problem };
  }
  return { kind: 'path', path: parsed.data };
}

export function readSavedPython(): SavedPython {
  try {
    return parseSavedPython(localStorage.getItem(KEY));
  } catch {
    return { kind: 'none' }; // storage unavailable (a private window): nothing was saved
  }
}

/** Remembers a pick the engine took (null: the default, which needs no memory). */
export function savePython(path: string | null): void {
  try {
    if (path === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(path));
  } catch {
    // storage may be unavailable; the pick still applies to this engine now
  }
}

/** The one line shown when a saved pick is not used. */
export function fallbackMessage(
  saved: Exclude<SavedPython, { kind: 'none' }>,
  reason: string,
  fallback: string,
): string {
  const why = reason.replace(/^python: /, '');
  return saved.kind === 'bad'
    ? `The saved interpreter setting was not used (${saved.problem}); Python runs use ${fallback}.`
    : `The interpreter picked before no longer works (${why}); Python runs use ${fallback}.`;
}
