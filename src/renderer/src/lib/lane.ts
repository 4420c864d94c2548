// One timeline row's slices, copied out of the run's columns into per-lane typed arrays kept
// sorted by start. `maxEnds[i]` is the largest end among slices 0..i, so it never decreases:
// binary search on it finds the first slice that can reach into a time window even where slices
// overlap a little (clock noise on core lanes, overlapping awaits). Drawing and hit-testing only
// touch the slices between two binary searches.

export type LaneKind = 'core' | 'actor' | 'task';

/** Late inserts remembered for firstChangeSince; older ones make it answer 0 (redraw all). */
const LATE_LOG = 1024;

export class Lane {
  starts: Float64Array<ArrayBuffer> = new Float64Array(16);
  ends: Float64Array<ArrayBuffer> = new Float64Array(16);
  maxEnds: Float64Array<ArrayBuffer> = new Float64Array(16);
  /** Style key per slice (palette.ts): a state key, or an actor colour key on core lanes. */
  keys = new Uint8Array(16);
  /** Index of each slice in the RunStore (slice number, not float offset). */
  rows = new Int32Array(16);
  count = 0;
  /** Pushes so far: a drawing layer compares it between frames to see whether anything came. */
  edits = 0;
  /** Where recent late slices were inserted, and at which edit (firstChangeSince reads them). */
  private lateAt: number[] = [];
  private lateEdit: number[] = [];
  /** Late inserts at or before this edit were dropped from the log. */
  private trimmedEdit = 0;

  constructor(
    readonly kind: LaneKind,
    readonly id: number,
  ) {}

  private grow(): void {
    const cap = this.starts.length * 2;
    const f = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.starts = f(this.starts);
    this.ends = f(this.ends);
    this.maxEnds = f(this.maxEnds);
    const k = new Uint8Array(cap);
    k.set(this.keys);
    this.keys = k;
    const r = new Int32Array(cap);
    r.set(this.rows);
    this.rows = r;
  }

  /**
   * Inserts keeping starts sorted. Slices mostly arrive in order; a late one is placed by binary
   * search and the tail shifted, which stays cheap because late arrivals are recent.
   */
  push(start: number, end: number, key: number, row: number): void {
    if (this.count === this.starts.length) this.grow();
    const n = this.count;
    let at = n;
    this.edits++;
    if (n > 0 && start < (this.starts[n - 1] ?? 0)) {
      at = upperBound(this.starts, start, 0, n);
      this.logLate(at);
      this.starts.copyWithin(at + 1, at, n);
      this.ends.copyWithin(at + 1, at, n);
      this.keys.copyWithin(at + 1, at, n);
      this.rows.copyWithin(at + 1, at, n);
    }
    this.starts[at] = start;
    this.ends[at] = end;
    this.keys[at] = key;
    this.rows[at] = row;
    this.count = n + 1;
    let m = at > 0 ? (this.maxEnds[at - 1] ?? 0) : -Infinity;
    for (let i = at; i <= n; i++) {
      const e = this.ends[i] ?? 0;
      if (e > m) m = e;
      this.maxEnds[i] = m;
    }
  }

  private logLate(at: number): void {
    if (this.lateAt.length >= LATE_LOG) {
      const drop = LATE_LOG / 2;
      this.trimmedEdit = this.lateEdit[drop - 1] ?? this.edits;
      this.lateAt.splice(0, drop);
      this.lateEdit.splice(0, drop);
    }
    this.lateAt.push(at);
    this.lateEdit.push(this.edits);
  }

  /**
   * The lowest index that may differ from what the lane held at edit `edits` with `count`
   * slices: `count` when only appends came since, lower after late inserts (0 when unknown).
   * Slices below it are exactly as they were, so a drawing of them can stay.
   */
  firstChangeSince(edits: number, count: number): number {
    if (edits < this.trimmedEdit) return 0;
    let first = Math.min(count, this.count);
    for (let j = this.lateEdit.length - 1; j >= 0 && (this.lateEdit[j] ?? 0) > edits; j--)
      first = Math.min(first, this.lateAt[j] ?? 0);
    return first;
  }

  /** Index range [from, to) of slices that may intersect the time window [t0, t1]. */
  range(t0: number, t1: number): [number, number] {
    const from = firstAbove(this.maxEnds, t0, 0, this.count);
    const to = lowerBound(this.starts, t1, from, this.count);
    return [from, Math.max(from, to)];
  }
}

/** First index in [lo, hi) whose value is >= x (values sorted ascending). */
export function lowerBound(a: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [lo, hi) whose value is > x (values sorted ascending). */
export function upperBound(a: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [lo, hi) whose value is > x; `a` must be non-decreasing. */
export const firstAbove = upperBound;
