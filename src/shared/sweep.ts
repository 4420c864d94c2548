// A sweep: the same run at several worker counts, summarised as speedups against the 1-worker
// run with Amdahl's fit. Shared by the `npm run sweep` CLI and the app's Sweep panel, so both
// print the same figures from the same walls.
import { fitAmdahl, type AmdahlFit } from './amdahl';
import type { MachineInfo } from './events';
import { LIMITS, type RunParams } from './params';
import { median } from './stats';
import { coreReach, idealSpeedup, sweepLoad, type RunLoad, type SweepLoad } from './sweep-verdict';
import { z } from './zod-mini';

/** Most points one sweep may have (each is a real run, K times). */
export const MAX_SWEEP_POINTS = 16;
export const MAX_REPEAT = 20;

/** Workers 1 … 2 × cores (at most the pool limit and MAX_SWEEP_POINTS values). */
export function defaultWorkerList(cores: number): number[] {
  const top = Math.max(1, Math.min(2 * cores, LIMITS.workers.max));
  const all = Array.from({ length: top }, (_, i) => i + 1);
  if (all.length <= MAX_SWEEP_POINTS) return all;
  // Many cores: 1, 2, then evenly spaced up to the top.
  const step = top / (MAX_SWEEP_POINTS - 1);
  return [
    ...new Set([
      1,
      2,
      ...Array.from({ length: MAX_SWEEP_POINTS - 2 }, (_, i) => Math.round(step * (i + 2))),
    ]),
  ]
    .filter((w) => w <= top)
    .sort((a, b) => a - b);
}

const EACH = `workers must each be a whole number from ${LIMITS.workers.min} to ${LIMITS.workers.max}`;
const WorkerListSchema = z
  .array(
    z
      .number()
      .check(
        z.int({ error: EACH }),
        z.minimum(LIMITS.workers.min, { error: EACH }),
        z.maximum(LIMITS.workers.max, { error: EACH }),
      ),
  )
  .check(
    z.minLength(1, { error: 'workers must name at least one worker count' }),
    z.maxLength(MAX_SWEEP_POINTS, {
      error: `workers must name at most ${MAX_SWEEP_POINTS} worker counts`,
    }),
  );

export type WorkerListParse =
  | { readonly ok: true; readonly workers: readonly number[] }
  | { readonly ok: false; readonly error: string };

/**
 * "1,2,4" or "1 2 4" → [1, 2, 4]: sorted, without duplicates, and always with 1 (the baseline
 * every speedup is measured against). Errors are one line.
 */
export function parseWorkerList(text: string): WorkerListParse {
  const parts = text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) {
    return {
      ok: false,
      error: `workers must be a list of whole numbers from ${LIMITS.workers.min} to ${LIMITS.workers.max}, like 1,2,4 (got "${text}")`,
    };
  }
  const list = [...new Set([1, ...parts.map(Number)])].sort((a, b) => a - b);
  const parsed = WorkerListSchema.safeParse(list);
  // The message names the rule for every entry; the index of the offending entry would only
  // get in the way of the flag name the CLI puts in front.
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? EACH };
  return { ok: true, workers: parsed.data };
}

/** What was measured at one worker count. */
export interface SweepSample {
  readonly workers: number;
  /** Wall time of every repeat, ms. */
  readonly wallsMs: readonly number[];
  /** Share of the actors' time spent preempted (ready, no free core), per repeat. */
  readonly preemptedShares: readonly number[];
  /** The load each repeat met, where the OS figures were read. */
  readonly loads?: readonly RunLoad[];
}

export interface SweepPoint {
  readonly workers: number;
  readonly wallsMs: readonly number[];
  readonly medianWallMs: number;
  /** 1-worker median ÷ this median. */
  readonly speedup: number;
  /** What perfect scaling would give: min(workers, cores), or 1 for a one-core model. */
  readonly ideal: number;
  readonly preemptedShare: number;
  /** Median cores' worth other processes, and CoreScope itself, used during these runs. */
  readonly otherCores?: number;
  readonly ownCores?: number;
}

export interface SweepResult {
  readonly scenario: RunParams['scenario'];
  readonly model: RunParams['model'];
  readonly params: RunParams;
  readonly repeat: number;
  /** Cores the runs could use: the cores limit, else the machine's logical cores. */
  readonly cores: number;
  readonly machine: MachineInfo;
  readonly baselineWallMs: number;
  readonly points: readonly SweepPoint[];
  /** Null for a one-core model (nothing to fit) or before a point ran on more than one core. */
  readonly fit: AmdahlFit | null;
  /** Whether other work took the cores during the runs (then the fit is not to be trusted). */
  readonly load: SweepLoad;
}

export function summariseSweep(
  params: RunParams,
  machine: MachineInfo,
  repeat: number,
  samples: readonly SweepSample[],
): SweepResult {
  const cores = params.cores ?? machine.logicalCores;
  const sorted = [...samples].sort((a, b) => a.workers - b.workers);
  const base = median(sorted.find((s) => s.workers === 1)?.wallsMs ?? []);
  const points = sorted.map((s): SweepPoint => {
    const m = median(s.wallsMs);
    const loads = s.loads ?? [];
    return {
      workers: s.workers,
      wallsMs: s.wallsMs,
      medianWallMs: m,
      speedup: m > 0 && Number.isFinite(base) ? base / m : Number.NaN,
      ideal: idealSpeedup(params.model, s.workers, cores),
      preemptedShare: median(s.preemptedShares),
      ...(loads.length > 0
        ? {
            otherCores: median(loads.map((l) => l.otherCores)),
            ownCores: median(loads.map((l) => l.ownCores)),
          }
        : {}),
    };
  });
  // A one-core model has no serial fraction to find: every worker count computes on one core.
  const fit = coreReach(params.model).kind === 'parallel' ? fitAmdahl(points, cores) : undefined;
  return {
    scenario: params.scenario,
    model: params.model,
    params,
    repeat,
    cores,
    machine,
    baselineWallMs: base,
    points,
    fit: fit ?? null,
    load: sweepLoad(points, cores, params.model),
  };
}
