// The comparison table's rows: each run's figures plus its speedup against the sequential run of
// the same comparison and its efficiency (speedup ÷ cores used), and a stable sort by any column.
import type { RunFigures } from './run-figures';
import type { SliceState } from './states';

export interface CompareRow {
  readonly figures: RunFigures;
  /** Sequential wall ÷ this wall; undefined without a completed sequential run. */
  readonly speedup: number | undefined;
  /** speedup ÷ coresUsed. */
  readonly efficiency: number | undefined;
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

/** A speedup above the cores the run could use: not the model's doing, the machine was busy. */
export function aboveCores(row: CompareRow): boolean {
  return (row.speedup ?? 0) > row.figures.coresUsed * ABOVE_CORES_MARGIN;
}

export function compareRows(runs: readonly RunFigures[]): CompareRow[] {
  const base = runs.find((r) => r.model === 'sequential' && r.status === 'completed');
  return runs.map((figures) => {
    const speedup =
      base !== undefined && figures.wallMs > 0 && figures.status === 'completed'
        ? base.wallMs / figures.wallMs
        : undefined;
    return {
      figures,
      speedup,
      efficiency: speedup === undefined ? undefined : speedup / figures.coresUsed,
    };
  });
}

function key(row: CompareRow, column: CompareColumn): number | string {
  const f = row.figures;
  switch (column) {
    case 'model':
      return f.model;
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
      return f.stateShare[column];
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
