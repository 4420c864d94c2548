// The sweep's loop, shared by `npm run sweep` and the app's Sweep panel: every worker count,
// `repeat` times, one run after another (never at once: they would compete for the cores).
// Repeats are interleaved (1,2,4,1,2,4,…) so a slow spell of the machine spreads over all points
// instead of skewing one. How one run is made is injected: the CLI drives the engine directly,
// the app asks its host.
import type { MachineInfo } from './events';
import type { RunParams } from './params';
import { summariseSweep, type SweepResult, type SweepSample } from './sweep';
import type { RunLoad } from './sweep-verdict';

/** How one run of the sweep ended. */
export type SweepRunOutcome =
  | {
      readonly kind: 'completed';
      readonly wallMs: number;
      /** Share of the actors' time spent preempted. */
      readonly preemptedShare: number;
      /** What the OS saw besides the run, where it was read. */
      readonly load?: RunLoad;
      /** What the run used (defaults filled) and where it ran. */
      readonly params: RunParams;
      readonly machine: MachineInfo;
    }
  /** Failed, errored or cancelled: the sweep stops. */
  | { readonly kind: 'stopped'; readonly reason: string };

export interface SweepProgress {
  readonly workers: number;
  /** 1-based repeat of this run. */
  readonly repeat: number;
  readonly wallMs: number;
  readonly done: number;
  readonly planned: number;
  /** Everything measured so far, summarised (points appear as runs finish). */
  readonly result: SweepResult;
}

export interface SweepLoopOptions {
  readonly workers: readonly number[];
  readonly repeat: number;
  readonly run: (workers: number) => Promise<SweepRunOutcome>;
  /** Checked before each run; true stops the sweep. */
  readonly cancelled?: () => boolean;
  readonly onRun?: (progress: SweepProgress) => void;
  /** The parameters to report; by default those the runs reported. */
  readonly params?: RunParams;
}

export type SweepOutcome =
  | { readonly ok: true; readonly result: SweepResult }
  | { readonly ok: false; readonly cancelled: true; readonly error: string }
  | { readonly ok: false; readonly cancelled: false; readonly error: string };

export async function sweepLoop(options: SweepLoopOptions): Promise<SweepOutcome> {
  const { workers, repeat } = options;
  const samples: {
    workers: number;
    wallsMs: number[];
    preemptedShares: number[];
    loads: RunLoad[];
  }[] = workers.map((w) => ({ workers: w, wallsMs: [], preemptedShares: [], loads: [] }));
  const planned = workers.length * repeat;
  let done = 0;
  let result: SweepResult | undefined;
  const cancelled = (): SweepOutcome => ({
    ok: false,
    cancelled: true,
    error: 'the sweep was cancelled',
  });
  for (let r = 0; r < repeat; r++) {
    for (const sample of samples) {
      if (options.cancelled?.() === true) return cancelled();
      const outcome = await options.run(sample.workers);
      if (outcome.kind === 'stopped') {
        if (options.cancelled?.() === true) return cancelled();
        return {
          ok: false,
          cancelled: false,
          error: `the run with ${sample.workers} workers did not complete: ${outcome.reason}`,
        };
      }
      sample.wallsMs.push(outcome.wallMs);
      sample.preemptedShares.push(outcome.preemptedShare);
      if (outcome.load !== undefined) sample.loads.push(outcome.load);
      done++;
      const measured: SweepSample[] = samples
        .filter((s) => s.wallsMs.length > 0)
        .map((s) => ({
          ...s,
          wallsMs: [...s.wallsMs],
          preemptedShares: [...s.preemptedShares],
          loads: [...s.loads],
        }));
      result = summariseSweep(options.params ?? outcome.params, outcome.machine, repeat, measured);
      options.onRun?.({
        workers: sample.workers,
        repeat: r + 1,
        wallMs: outcome.wallMs,
        done,
        planned,
        result,
      });
    }
  }
  if (result === undefined) return { ok: false, cancelled: false, error: 'no run finished' };
  return { ok: true, result };
}
