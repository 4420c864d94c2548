// A finished run the UI shows without running it: reopened from the library, opened from a file
// or dropped on the window. Replay and snapshots work the same on it as on a live run's data.
import type { RunSummary } from './events';
import type { RunStore } from './run-store';

export type RunSource = 'run-file' | 'corescope-trace' | 'foreign-trace';

/** A visible time window, µs. */
export interface SavedView {
  readonly t0: number;
  readonly t1: number;
}

export interface LoadedRun {
  /** Always carries its meta (foreign traces get a synthetic one). */
  readonly store: RunStore;
  readonly summary: RunSummary;
  readonly source: RunSource;
  /** What to call it: the file name or the library entry's name. */
  readonly name: string;
  /** The window the run was saved with (run files only). */
  readonly view?: SavedView;
}

export type OpenResult =
  { readonly ok: true; readonly run: LoadedRun } | { readonly ok: false; readonly error: string };
