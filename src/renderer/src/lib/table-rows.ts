// Row order and paging for the accessible slice table. Huge runs are shown a page at a time (a
// real <table> of 100 000 rows would freeze the window and a screen reader); the UI says so.
import { F_START, SLICE_STRIDE } from '../../../shared/events';

export const PAGE_SIZE = 250;
/** Above this many slices the table keeps arrival order instead of sorting by start. */
export const SORT_LIMIT = 500_000;

/** Above this many slices a live run's table keeps arrival order (it re-sorts every frame). */
export const LIVE_SORT_LIMIT = 50_000;

/** Slice numbers ordered by start time (stable), or in arrival order past `limit`. */
export function tableOrder(slices: Float64Array, count: number, limit = SORT_LIMIT): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  if (count > limit) return order;
  const starts = new Float64Array(count);
  for (let i = 0; i < count; i++) starts[i] = slices[i * SLICE_STRIDE + F_START] ?? 0;
  return order.sort((a, b) => (starts[a] ?? 0) - (starts[b] ?? 0) || a - b);
}

export interface Page {
  readonly rows: readonly number[];
  readonly index: number;
  readonly pages: number;
  /** 1-based numbers of the first and last row shown (0, 0 when empty). */
  readonly first: number;
  readonly last: number;
}

export function pageOf(order: Int32Array, index: number, size = PAGE_SIZE): Page {
  const pages = Math.max(1, Math.ceil(order.length / size));
  const i = Math.max(0, Math.min(pages - 1, Math.trunc(index)));
  const rows = Array.from(order.subarray(i * size, Math.min(order.length, (i + 1) * size)));
  return {
    rows,
    index: i,
    pages,
    first: rows.length > 0 ? i * size + 1 : 0,
    last: i * size + rows.length,
  };
}
