// Helpers for the Python engine tests: run an example (or any script) to the end on real CPython
// and read what the trace recorded.
import { RunStore } from '../../../shared/run-store';
import type { PythonExampleName, PythonScript } from '../../../shared/python';
import { stateFromCode, type SliceState } from '../../../shared/states';
import { sliceRows } from '../../../shared/test-figures';
import type { RunSummary } from '../types';
import {
  preparePython,
  startPythonRun,
  type PythonRunHandle,
  type PythonStartOptions,
} from './python-run';

export interface PythonFinished {
  readonly store: RunStore;
  readonly summary: RunSummary;
}

export function startPython(
  script: PythonExampleName | PythonScript,
  scale = 1,
  options: PythonStartOptions = {},
  trace = true,
): PythonRunHandle {
  const s: PythonScript = typeof script === 'string' ? { kind: 'example', name: script } : script;
  const prepared = preparePython({ source: 'python', script: s, scale, trace });
  if (!prepared.ok) throw new Error(prepared.error);
  return startPythonRun(prepared.run, options);
}

export async function finish(handle: PythonRunHandle): Promise<PythonFinished> {
  return follow(handle).done;
}

export interface Followed {
  /** Resolves once the streamed trace satisfies `check`; rejects if the run ends first. */
  readonly reach: (check: (store: RunStore) => boolean, what: string) => Promise<void>;
  readonly done: Promise<PythonFinished>;
}

/**
 * Reads a run's events into a store as they stream, so a test can act on what the app has been
 * told (an actor has arrived) instead of on what the OS shows.
 */
export function follow(handle: PythonRunHandle): Followed {
  const store = new RunStore(handle.meta);
  const waiters = new Set<{ check: (s: RunStore) => boolean; resolve: () => void }>();
  const settle = (): void => {
    for (const w of waiters) {
      if (w.check(store)) {
        waiters.delete(w);
        w.resolve();
      }
    }
  };
  const done = (async (): Promise<PythonFinished> => {
    for await (const ev of handle.events) {
      store.apply(ev);
      settle();
    }
    return { store, summary: await handle.summary };
  })();
  const reach = (check: (s: RunStore) => boolean, what: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (check(store)) return resolve();
      waiters.add({ check, resolve });
      done.then(
        () => reject(new Error(`the run ended before ${what}`)),
        (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
      );
    });
  return { reach, done };
}

export function runPython(
  script: PythonExampleName | PythonScript,
  scale = 1,
  options: PythonStartOptions = {},
  trace = true,
): Promise<PythonFinished> {
  return finish(startPython(script, scale, options, trace));
}

export interface Slice {
  readonly lane: number;
  readonly actor: number;
  readonly task: number;
  readonly state: SliceState;
  readonly core: number;
  readonly start: number;
  readonly end: number;
}

export function slices(store: RunStore): Slice[] {
  return sliceRows(store.slices).map((r) => ({ ...r, state: stateFromCode(r.state) }));
}

/** Each stretch of time during which at least two of the intervals overlap, µs (sweep line). */
function overlapSpans(list: readonly { start: number; end: number }[]): number[] {
  const edges = list.flatMap((x): [number, number][] => [
    [x.start, 1],
    [x.end, -1],
  ]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let since = 0;
  const spans: number[] = [];
  for (const [t, d] of edges) {
    if (depth >= 2 && depth + d < 2) spans.push(t - since);
    if (depth < 2 && depth + d >= 2) since = t;
    depth += d;
  }
  return spans;
}

/** Total time during which at least two of the intervals overlap, µs. */
export function overlapUs(list: readonly { start: number; end: number }[]): number {
  return overlapSpans(list).reduce((a, b) => a + b, 0);
}

/** Length of the union of the intervals, µs. */
export function unionUs(list: readonly { start: number; end: number }[]): number {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  let total = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const x of sorted) {
    if (x.start > to) {
      if (to > from) total += to - from;
      from = x.start;
      to = x.end;
    } else to = Math.max(to, x.end);
  }
  if (to > from) total += to - from;
  return total;
}
