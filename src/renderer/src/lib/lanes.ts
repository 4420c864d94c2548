// Vertical layout of lane rows inside one scrollable chart panel: where each lane sits, how tall
// its bar area is, and which rows a scrolled window shows. Coordinates here are CSS pixels from
// the top of the panel's content (not of the visible window: subtract scrollTop for that).
import type { Lane, LaneKind } from './lane';

export interface LaneSize {
  /** Height of the bar area, px. */
  readonly bar: number;
  /** Height of the strip under the bars (the OS busy strip on core lanes), px. */
  readonly strip: number;
  /** Space after the row, px. */
  readonly gap: number;
}

export const CORE_SIZE: LaneSize = { bar: 32, strip: 8, gap: 6 };
export const ACTOR_SIZE: LaneSize = { bar: 28, strip: 0, gap: 4 };
export const TASK_SIZE: LaneSize = { bar: 24, strip: 0, gap: 2 };
/** Used when a run has many tasks (fib-sleep has 177): compact, and the panel scrolls. */
export const TASK_SIZE_COMPACT: LaneSize = { bar: 14, strip: 0, gap: 1 };
export const COMPACT_TASKS_ABOVE = 32;

export interface LaneRow {
  readonly lane: Lane;
  readonly label: string;
  /** Top of the row, px from the top of the panel's content. */
  readonly y: number;
  readonly bar: number;
  readonly strip: number;
  /** Full row pitch including the gap. */
  readonly pitch: number;
}

export interface Layout {
  readonly kind: LaneKind;
  readonly rows: readonly LaneRow[];
  /** Content height, px. */
  readonly height: number;
}

export function sizeFor(kind: LaneKind, laneCount: number): LaneSize {
  if (kind === 'core') return CORE_SIZE;
  if (kind === 'actor') return ACTOR_SIZE;
  return laneCount > COMPACT_TASKS_ABOVE ? TASK_SIZE_COMPACT : TASK_SIZE;
}

export function layoutLanes(
  kind: LaneKind,
  lanes: readonly Lane[],
  label: (lane: Lane) => string,
  size: LaneSize = sizeFor(kind, lanes.length),
): Layout {
  const pitch = size.bar + size.strip + size.gap;
  const rows = lanes.map((lane, i) => ({
    lane,
    label: label(lane),
    y: i * pitch,
    bar: size.bar,
    strip: size.strip,
    pitch,
  }));
  return { kind, rows, height: rows.length * pitch };
}

/** Index range [from, to) of rows that intersect the vertical window [top, bottom). */
export function visibleRows(layout: Layout, top: number, bottom: number): [number, number] {
  const n = layout.rows.length;
  const first = layout.rows[0];
  if (first === undefined) return [0, 0];
  const pitch = first.pitch;
  const from = Math.max(0, Math.min(n, Math.floor(top / pitch)));
  const to = Math.max(from, Math.min(n, Math.ceil(bottom / pitch)));
  return [from, to];
}

/** The row under content y (px), if any; the gap below a row still belongs to it. */
export function rowAt(layout: Layout, y: number): LaneRow | undefined {
  const first = layout.rows[0];
  if (first === undefined || y < 0) return undefined;
  return layout.rows[Math.floor(y / first.pitch)];
}
