// The keyboard map of lecture mode: which key does what, as data (the `?` overlay lists it) and
// as a pure function from a key press to an action. Keys typed into a form field stay the field's.

export type ShortcutAction =
  | { readonly kind: 'run-or-cancel' }
  | { readonly kind: 'model'; readonly index: number }
  | { readonly kind: 'compare' }
  | { readonly kind: 'snapshot' }
  | { readonly kind: 'presentation' }
  | { readonly kind: 'theme' }
  | { readonly kind: 'replay' }
  | { readonly kind: 'step'; readonly direction: 1 | -1; readonly coarse: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'escape' };

export interface Shortcut {
  readonly keys: string;
  readonly does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Space', does: 'Run, or cancel the running run' },
  { keys: '1 – 5', does: 'Choose the model: sequential, async, threads, gil-threads, processes' },
  { keys: 'C', does: 'Compare the models' },
  { keys: 'S', does: 'Snapshot the chart as PNG' },
  { keys: 'P', does: 'Presentation mode on or off' },
  { keys: 'T', does: 'Next theme: light, dark, high contrast' },
  { keys: 'R', does: 'Replay the finished run (pause / resume)' },
  { keys: '← →', does: 'Step to the previous / next event during replay' },
  { keys: 'Shift + ← →', does: 'Step 10 events (at least 5 % of the run) during replay' },
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Esc', does: 'Close this list, or leave presentation mode' },
];

/** The parts of a KeyboardEvent the map reads. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey?: boolean;
  /** Tag name of the focused element, upper case as the DOM gives it. */
  readonly targetTag: string;
  /** Whether the focused element edits text (contenteditable). */
  readonly targetEditable?: boolean;
  /** Whether a replay is loaded (arrows step only then; otherwise they pan the chart). */
  readonly replaying: boolean;
}

const FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function shortcutFor(e: KeyPress): ShortcutAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === 'Escape') return { kind: 'escape' };
  if (FIELDS.has(e.targetTag) || e.targetEditable === true) return undefined;
  // A focused button answers Space itself (it is how keyboard users press it).
  if (e.key === ' ') return e.targetTag === 'BUTTON' ? undefined : { kind: 'run-or-cancel' };
  if (/^[1-5]$/.test(e.key)) return { kind: 'model', index: Number(e.key) - 1 };
  const coarse = e.shiftKey === true;
  if (e.key === 'ArrowRight' && e.replaying) return { kind: 'step', direction: 1, coarse };
  if (e.key === 'ArrowLeft' && e.replaying) return { kind: 'step', direction: -1, coarse };
  switch (e.key.toLowerCase()) {
    case 'c':
      return { kind: 'compare' };
    case 's':
      return { kind: 'snapshot' };
    case 'p':
      return { kind: 'presentation' };
    case 't':
      return { kind: 'theme' };
    case 'r':
      return { kind: 'replay' };
    case '?':
      return { kind: 'help' };
    default:
      return undefined;
  }
}
