// Finds the slice under the pointer in one panel: the row from y, then the lane's slices near the
// pointer's time, preferring a slice that contains it over the nearest one within a few pixels.
import { rowAt, type Layout, type LaneRow } from './lanes';
import { pxPerUs, tOf, type Viewport } from './viewport';

export interface Hit {
  readonly row: LaneRow;
  /** Index of the slice in the lane's columns. */
  readonly index: number;
  /** Index of the slice in the RunStore. */
  readonly storeRow: number;
}

/** `x`, `y` are CSS px in the panel's visible window (y not yet offset by scrollTop). */
export function hitTest(
  layout: Layout,
  vp: Viewport,
  x: number,
  y: number,
  tolPx = 3,
): Hit | undefined {
  const row = rowAt(layout, y + vp.scrollTop);
  if (row === undefined) return undefined;
  if (y + vp.scrollTop - row.y > row.bar) return undefined; // in the strip or the gap
  const k = pxPerUs(vp);
  if (k <= 0) return undefined;
  const t = tOf(vp, x);
  const tol = tolPx / k;
  const lane = row.lane;
  const [from, to] = lane.range(t - tol, t + tol);
  let best = -1;
  let bestDist = Infinity;
  for (let i = from; i < to; i++) {
    const s = lane.starts[i] ?? 0;
    const e = lane.ends[i] ?? 0;
    const d = t < s ? s - t : t > e ? t - e : 0;
    if (d < bestDist || (d === 0 && bestDist === 0)) {
      // Among containing slices the last (latest start) wins: it is the one drawn on top.
      best = i;
      bestDist = d;
    }
  }
  if (best < 0 || bestDist > tol) return undefined;
  return { row, index: best, storeRow: lane.rows[best] ?? -1 };
}
