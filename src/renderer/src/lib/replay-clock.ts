// Pure arithmetic of slow-motion replay: the speeds offered, how far the cursor moves in a frame,
// and where a step goes (the next or previous slice boundary, so one press shows one change, a
// 5 ms GIL switch included). Times are µs of run time; frame times are ms of wall time.
import { F_END, F_START, SLICE_STRIDE } from '../../../shared/events';

export const REPLAY_SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1] as const;
export const DEFAULT_SPEED = 0.1;

/** The cursor after `dtMs` of wall time at `speed` (run µs per wall µs), clamped to the run. */
export function advance(cursorUs: number, dtMs: number, speed: number, endUs: number): number {
  const next = cursorUs + Math.max(0, dtMs) * 1000 * speed;
  return Math.min(endUs, Math.max(0, next));
}

/** Every distinct slice start and end, ascending. */
export function boundaries(slices: Float64Array): Float64Array {
  const n = Math.floor(slices.length / SLICE_STRIDE);
  const all = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    all[2 * i] = slices[i * SLICE_STRIDE + F_START] ?? 0;
    all[2 * i + 1] = slices[i * SLICE_STRIDE + F_END] ?? 0;
  }
  all.sort();
  let w = 0;
  for (let r = 0; r < all.length; r++) {
    const v = all[r] ?? 0;
    if (w === 0 || v !== all[w - 1]) all[w++] = v;
  }
  return all.slice(0, w);
}

/**
 * The boundary after (direction 1) or before (-1) `t`; boundaries closer than `minGapUs` to `t`
 * are skipped so a step always moves visibly. Stays within [0, endUs].
 */
export function stepFrom(
  bounds: Float64Array,
  t: number,
  direction: 1 | -1,
  endUs: number,
  minGapUs = 0,
): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bounds[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  // lo: first boundary > t.
  if (direction === 1) {
    for (let i = lo; i < bounds.length; i++) {
      const b = bounds[i] ?? 0;
      if (b - t > minGapUs) return Math.min(endUs, b);
    }
    return endUs;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const b = bounds[i] ?? 0;
    if (t - b > minGapUs) return Math.max(0, b);
  }
  return 0;
}

/** How far one step goes: one event, or a coarse jump (Shift). */
export interface StepSize {
  readonly coarse: boolean;
  /** Boundaries closer than this to the last position are skipped (one drawn pixel of time). */
  readonly minGapUs: number;
}

/** Events a coarse step passes, and the share of the run it covers at least. */
export const COARSE_EVENTS = 10;
export const COARSE_SHARE = 0.05;

/**
 * The position one step from `t`: the next (previous) slice start or end — which is also where a
 * task switches — at least `minGapUs` away, so each press changes what is drawn. A coarse step
 * passes COARSE_EVENTS such events and at least COARSE_SHARE of the run, landing on a boundary.
 */
export function stepEvents(
  bounds: Float64Array,
  t: number,
  direction: 1 | -1,
  endUs: number,
  size: StepSize,
): number {
  const gap = Math.max(0, size.minGapUs);
  if (!size.coarse) return stepFrom(bounds, t, direction, endUs, gap);
  let pos = t;
  for (let i = 0; i < COARSE_EVENTS; i++) {
    const next = stepFrom(bounds, pos, direction, endUs, gap);
    if (next === pos) break;
    pos = next;
  }
  const far = t + direction * COARSE_SHARE * endUs;
  if (direction === 1 ? pos >= far : pos <= far) return pos;
  // Too few events in 5 % of the run: go to the first boundary past it (or the run's edge).
  return stepFrom(bounds, far - direction * 1e-9, direction, endUs, 0);
}
