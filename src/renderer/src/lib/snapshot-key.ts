// What a snapshot needs beyond the lanes so a slide can be read on its own: time-axis ticks spaced
// for the export's width and font (labels measured, never overlapping), and the keys — the states
// that appear in the exported window and the actors whose colours fill the core lanes.
import { scaleLinear } from 'd3-scale';
import {
  F_ACTOR,
  F_CORE,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  LANE_ACTOR,
  SLICE_STRIDE,
} from '../../../shared/events';
import type { RunStore } from '../../../shared/run-store';
import { STATE_CODE } from '../../../shared/states';
import { formatTickMs } from '../../../shared/figure-format';
import { stateKey } from './palette';
import { actorName } from './slice-info';

export interface AxisTick {
  /** Time in ms. */
  readonly v: number;
  /** Offset from the axis start, px. */
  readonly px: number;
  readonly label: string;
}

/**
 * The most ticks (d3's nice steps) whose centred labels, measured with `measure`, keep at least
 * `gap` px between neighbours and stay within [-room.left, width + room.right]. Tick labels that
 * would run off an end are dropped rather than squeezed.
 */
export function chooseTicks(
  t0Ms: number,
  t1Ms: number,
  width: number,
  measure: (label: string) => number,
  gap: number,
  room: { readonly left: number; readonly right: number } = { left: 0, right: 0 },
): AxisTick[] {
  if (!(t1Ms > t0Ms) || !(width > 0)) return [];
  const x = scaleLinear().domain([t0Ms, t1Ms]).range([0, width]);
  const spanMs = t1Ms - t0Ms;
  // Upper bound on how many labels could fit at all, from the narrowest possible label.
  const maxCount = Math.max(1, Math.ceil(width / Math.max(1, gap)));
  let best: AxisTick[] = [];
  for (let count = 1; count <= maxCount; count++) {
    const ticks = x
      .ticks(count)
      .map((v) => ({ v, px: x(v), label: formatTickMs(v, spanMs) }))
      .filter((t) => {
        const half = measure(t.label) / 2;
        return t.px - half >= -room.left && t.px + half <= width + room.right;
      });
    if (!fits(ticks, measure, gap)) continue;
    if (ticks.length > best.length) best = ticks;
  }
  return best;
}

function fits(
  ticks: readonly AxisTick[],
  measure: (label: string) => number,
  gap: number,
): boolean {
  for (let i = 1; i < ticks.length; i++) {
    const a = ticks[i - 1];
    const b = ticks[i];
    if (a === undefined || b === undefined) continue;
    if (a.px + measure(a.label) / 2 + gap > b.px - measure(b.label) / 2) return false;
  }
  return true;
}

export interface ActorKeyEntry {
  readonly id: number;
  readonly label: string;
}

export interface SnapshotKey {
  /** Style keys of the states drawn in the window, ascending. */
  readonly states: readonly number[];
  /** Actors that ran on a core lane in the window, by id. */
  readonly actors: readonly ActorKeyEntry[];
}

/** The states and core-lane actors of the slices that show in [t0Us, min(t1Us, clipUs)]. */
export function snapshotKey(
  store: RunStore,
  t0Us: number,
  t1Us: number,
  clipUs?: number,
): SnapshotKey {
  const end = Math.min(t1Us, clipUs ?? Infinity);
  const s = store.slices;
  const states = new Set<number>();
  const actors = new Set<number>();
  const n = Math.floor(s.length / SLICE_STRIDE);
  for (let i = 0; i < n; i++) {
    const o = i * SLICE_STRIDE;
    const start = s[o + F_START] ?? 0;
    const stop = s[o + F_END] ?? 0;
    if (stop < t0Us || start > end) continue;
    const state = s[o + F_STATE] ?? -1;
    states.add(stateKey(state));
    const core = s[o + F_CORE] ?? -1;
    if ((s[o + F_LANE] ?? -1) === LANE_ACTOR && state === STATE_CODE.running && core >= 0)
      actors.add(s[o + F_ACTOR] ?? -1);
  }
  return {
    states: [...states].sort((a, b) => a - b),
    actors: [...actors].sort((a, b) => a - b).map((id) => ({ id, label: actorName(store, id) })),
  };
}
