// Runs a sweep on the real engine: every worker count, `repeat` times, one run after another
// (never at once: they would compete for the cores). Repeats are interleaved (1,2,4,1,2,4,…) so a
// slow spell of the machine spreads over all points instead of skewing one.
import type { MachineInfo } from '../shared/events';
import type { RunParams } from '../shared/params';
import { runFigures } from '../shared/run-figures';
import { RunStore } from '../shared/run-store';
import { summariseSweep, type SweepResult, type SweepSample } from '../shared/sweep';
import { startRun } from '../main/engine/engine';
import type { WorkerEntries } from '../main/engine/types';

export interface SweepRunOptions {
  readonly entries: WorkerEntries;
  readonly machine: MachineInfo;
  readonly signal?: AbortSignal;
  /** Told after every run, for progress lines. */
  readonly onRun?: (workers: number, repeat: number, wallMs: number) => void;
}

export type SweepOutcome =
  | { readonly ok: true; readonly result: SweepResult }
  | { readonly ok: false; readonly error: string };

export async function runSweep(
  params: RunParams,
  workers: readonly number[],
  repeat: number,
  options: SweepRunOptions,
): Promise<SweepOutcome> {
  const walls = new Map<number, number[]>(workers.map((w) => [w, []]));
  const preempted = new Map<number, number[]>(workers.map((w) => [w, []]));
  for (let r = 0; r < repeat; r++) {
    for (const w of workers) {
      if (options.signal?.aborted) return { ok: false, error: 'the sweep was cancelled' };
      const run = startRun(
        { ...params, workers: w },
        { entries: options.entries, ...(options.signal ? { signal: options.signal } : {}) },
      );
      const store = new RunStore(run.meta);
      for await (const ev of run.events) store.apply(ev);
      const summary = await run.summary;
      if (summary.status !== 'completed') {
        const why = summary.failures[0]?.reason ?? summary.status;
        return { ok: false, error: `the run with ${w} workers did not complete: ${why}` };
      }
      walls.get(w)?.push(summary.wallMs);
      preempted.get(w)?.push(runFigures(store, summary)?.stateShare.preempted ?? 0);
      options.onRun?.(w, r + 1, summary.wallMs);
    }
  }
  const samples: SweepSample[] = workers.map((w) => ({
    workers: w,
    wallsMs: walls.get(w) ?? [],
    preemptedShares: preempted.get(w) ?? [],
  }));
  return { ok: true, result: summariseSweep(params, options.machine, repeat, samples) };
}
