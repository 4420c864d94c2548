// The comparison table's rows: each run's figures plus its speedup against the sequential run of
// the same comparison and its efficiency (speedup ÷ cores used), and a stable sort by any column.
//
// What a speedup can honestly reach depends on the work. Work that needs a core the whole time
// (CPU-bound) cannot go faster than its cores: above them the machine was noisy. Work that mostly
// waits (sleeps, downloads) can go far faster on one core by overlapping its waits, which is
// exactly how async beats sequential. The sequential run tells which: its CPU time ÷ (CPU time +
// time waiting on sleeps, I/O and blocking calls) is the share of the work that needs a core. Spread that share over the cores a run could use and
// overlap all the rest: that is the most any model can gain, coresUsed ÷ computeShare. A run of
// one actor that blocked (a blocking sleep in the event loop) overlaps none of that blocked time,
// so its bound comes from what its own trace shows it held, not from the clock.
import type { RunFigures } from './run-figures';
import { assertNever, isSliceState, type SliceState } from './states';

export interface CompareRow {
  readonly figures: RunFigures;
  /** Sequential wall ÷ this wall; undefined without a completed sequential run. */
  readonly speedup: number | undefined;
  /** speedup ÷ coresUsed; undefined where the work mostly waits (there it means nothing). */
  readonly efficiency: number | undefined;
  /** The sequential run's CPU time ÷ wall time (0–1); undefined without a sequential run. */
  readonly computeShare: number | undefined;
  /**
   * The share of the sequential run's work this run could not overlap (0–1): its compute share,
   * and for a run of one actor also the time its own trace shows that actor blocked (a blocking
   * sleep holds the only thread, so nothing overlaps it). Undefined without a sequential run.
   */
  readonly heldShare: number | undefined;
}

/** The states whose share the table shows: where the time went besides running. */
export const OVERHEAD_STATES: readonly SliceState[] = [
  'spawning',
  'preempted',
  'gil-wait',
  'blocked',
  'io-wait',
];

export type CompareColumn =
  'model' | 'wall' | 'cpu' | 'speedup' | 'efficiency' | 'utilisation' | SliceState;

/** Margin for clock noise before a speedup counts as above the cores a run could use. */
export const ABOVE_CORES_MARGIN = 1.05;

/**
 * Work whose sequential run kept a core busy at least this share of its wall time is compute
 * work: its speedups are bounded by the cores, and efficiency (speedup ÷ cores) means something.
 */
export const COMPUTE_BOUND_SHARE = 0.5;

/** Whether the compared work needs a core most of the time (known only with a sequential run). */
export function isComputeWork(row: CompareRow): boolean {
  return row.computeShare !== undefined && row.computeShare >= COMPUTE_BOUND_SHARE;
}

/** The most this run could gain: its cores for the compute share, every wait overlapped. */
export function speedupBound(row: CompareRow): number {
  const share = Math.max(row.heldShare ?? row.computeShare ?? 1, 1e-3);
  return row.figures.coresUsed / share;
}

/** A speedup above what the work allows on its cores: not the model's doing, the machine was busy. */
export function aboveCores(row: CompareRow): boolean {
  return (row.speedup ?? 0) > speedupBound(row) * ABOVE_CORES_MARGIN;
}

/** A speedup above the cores used that the work allows: its waits overlapped (concurrency). */
export function overlappedWaits(row: CompareRow): boolean {
  const sp = row.speedup ?? 0;
  return sp > row.figures.coresUsed * ABOVE_CORES_MARGIN && !aboveCores(row);
}

export function compareRows(runs: readonly RunFigures[]): CompareRow[] {
  const base = runs.find((r) => r.model === 'sequential' && r.status === 'completed');
  // What the work does when it is not running: waiting (sleeps, I/O, blocking calls) or only
  // waiting for a core. Time preempted or spawning says nothing about the work, so a loaded
  // machine does not turn CPU-bound work into "waiting" work.
  const waitsMs =
    base === undefined ? 0 : base.stateMs['io-wait'] + base.stateMs.sleeping + base.stateMs.blocked;
  const computeShare =
    base !== undefined && base.cpuMs + waitsMs > 0
      ? Math.min(1, base.cpuMs / (base.cpuMs + waitsMs))
      : undefined;
  const compute = computeShare !== undefined && computeShare >= COMPUTE_BOUND_SHARE;
  return runs.map((figures) => {
    const speedup =
      base !== undefined && figures.wallMs > 0 && figures.status === 'completed'
        ? base.wallMs / figures.wallMs
        : undefined;
    // Several actors overlap each other's blocking waits; one actor overlaps none of its own
    // (waits for another thread are not a blocking call: see RunFigures.threadWaitMs).
    const heldMs =
      figures.actors === 1 ? Math.max(0, figures.stateMs.blocked - figures.threadWaitMs) : 0;
    const heldShare =
      base !== undefined && computeShare !== undefined && base.cpuMs + waitsMs > 0
        ? Math.min(1, Math.max(computeShare, (base.cpuMs + heldMs) / (base.cpuMs + waitsMs)))
        : computeShare;
    return {
      figures,
      speedup,
      efficiency: speedup === undefined || !compute ? undefined : speedup / figures.coresUsed,
      computeShare,
      heldShare,
    };
  });
}

function key(row: CompareRow, column: CompareColumn): number | string {
  const f = row.figures;
  if (isSliceState(column)) return f.stateShare[column];
  switch (column) {
    case 'model':
      return f.label;
    case 'wall':
      return f.wallMs;
    case 'cpu':
      return f.cpuMs;
    case 'speedup':
      return row.speedup ?? -Infinity;
    case 'efficiency':
      return row.efficiency ?? -Infinity;
    case 'utilisation':
      return f.utilisation;
    default:
      return assertNever(column);
  }
}

/** A sorted copy; ties keep the run order. */
export function sortRows(
  rows: readonly CompareRow[],
  column: CompareColumn,
  descending: boolean,
): CompareRow[] {
  const dir = descending ? -1 : 1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const ka = key(a.row, column);
      const kb = key(b.row, column);
      const c = ka < kb ? -1 : ka > kb ? 1 : 0;
      return c !== 0 ? c * dir : a.i - b.i;
    })
    .map((x) => x.row);
}
