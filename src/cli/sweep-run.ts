// Runs a sweep on the real engine with the shared sweep loop (src/shared/sweep-loop.ts): each
// point is one engine run, its events collected for the preempted share.
import type { MachineInfo } from '../shared/events';
import type { RunParams } from '../shared/params';
import { runFigures } from '../shared/run-figures';
import { runLoad } from '../shared/sweep-verdict';
import { RunStore } from '../shared/run-store';
import { sweepLoop, type SweepOutcome, type SweepRunOutcome } from '../shared/sweep-loop';
import { startRun } from '../main/engine/engine';
import type { WorkerEntries } from '../main/engine/types';

export interface SweepRunOptions {
  readonly entries: WorkerEntries;
  readonly machine: MachineInfo;
  readonly signal?: AbortSignal;
  /** Told after every run, for progress lines. */
  readonly onRun?: (workers: number, repeat: number, wallMs: number) => void;
}

export type { SweepOutcome };

export async function runSweep(
  params: RunParams,
  workers: readonly number[],
  repeat: number,
  options: SweepRunOptions,
): Promise<SweepOutcome> {
  const signal = options.signal;
  const runOne = async (w: number): Promise<SweepRunOutcome> => {
    const run = startRun(
      { ...params, workers: w },
      { entries: options.entries, ...(signal ? { signal } : {}) },
    );
    const store = new RunStore(run.meta);
    for await (const ev of run.events) store.apply(ev);
    const summary = await run.summary;
    if (summary.status !== 'completed')
      return { kind: 'stopped', reason: summary.failures[0]?.reason ?? summary.status };
    const figures = runFigures(store, summary);
    return {
      kind: 'completed',
      wallMs: summary.wallMs,
      preemptedShare: figures?.stateShare.preempted ?? 0,
      load: runLoad(figures, summary),
      params: run.meta.params,
      machine: options.machine,
    };
  };
  return sweepLoop({
    workers,
    repeat,
    params,
    run: runOne,
    cancelled: () => signal?.aborted === true,
    onRun: (p) => options.onRun?.(p.workers, p.repeat, p.wallMs),
  });
}
