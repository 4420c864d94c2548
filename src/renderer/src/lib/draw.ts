// Draws lanes of slices onto a 2D canvas: the hot path of the app. Per visible row it binary-
// searches the lane's time window (culling), merges slices narrower than a pixel into one
// pixel-column rectangle and jumps past everything else inside that column (level of detail, so
// a million slices cost about one rectangle per pixel), then fills every rectangle of one style
// key as a single path. Outlines and direct labels are only drawn where a bar is wide enough.
import type { LaneRow, Layout } from './lanes';
import { visibleRows } from './lanes';
import { firstAbove } from './lane';
import { OUTLINE, STYLE_KEY_COUNT } from './palette';
import { drawLabels, type Label } from './labels';
import type { Paint } from './patterns';
import { BatchSet, type RectBatch } from './rect-batch';
import type { Viewport } from './viewport';

/** Bars at least GAP_MIN wide (CSS px) get a 1 px gap after them; outlines need OUTLINE_MIN both ways. */
const GAP_MIN = 4;
const OUTLINE_MIN = 10;
const LABEL_MIN = 24;
/** Narrower bars are filled with the plain state colour instead of its pattern. */
const PATTERN_MIN = 6;
const PATH_CHUNK = 1024;
/** Shortest bar, px (compact task lanes would make 40 % bars unreadable slivers). */
const MIN_BAR = 7;

export interface DrawOptions {
  /** Text to print inside a wide slice, by the slice's row in the RunStore. */
  readonly labelOf?: (storeRow: number) => string;
  readonly font?: string;
  /** Device px per CSS px, to snap edges to device pixels (default 1). */
  readonly pixelRatio?: number;
  /** Replay cursor, µs: nothing after it is drawn, and a slice in progress stops there. */
  readonly clipUs?: number | undefined;
  /** Outline colour and width (themes; presentation mode draws lines ≥ 3 px). */
  readonly outline?: string;
  readonly outlineWidth?: number;
}

/** DrawOptions with the paints (one per style key, from makePaints). */
export interface PaintOptions extends DrawOptions {
  readonly paints: readonly Paint[];
}

export interface DrawStats {
  /** Rectangles filled after merging. */
  readonly rects: number;
  /** Slices inside the visible window (before merging). */
  readonly visible: number;
}

/** The part of a 2D context drawing needs (a fake one works in tests and benches). */
export type DrawContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textBaseline'
  | 'beginPath'
  | 'rect'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'fillText'
> & { measureText(text: string): { readonly width: number } };

const shared = { batches: new BatchSet(STYLE_KEY_COUNT), labels: [] as Label[] };

/**
 * Where drawing one row can resume next frame: the merge loop's state just before slice `i`
 * (its pending rectangle), and `seam`, the pending rectangle's left edge (CSS px, snapped to
 * device px). Every pixel left of the seam depends only on slices before `i`; everything from
 * the seam rightwards is redrawn from this state. Valid for one viewport only.
 */
export interface RowResume {
  readonly i: number;
  readonly px0: number;
  readonly px1: number;
  readonly pkey: number;
  readonly pidx: number;
  readonly seam: number;
}

/** What tracing one row found: its slices in view and where the next frame may resume. */
export interface RowTrace {
  readonly visible: number;
  readonly resume: RowResume | undefined;
}

/** Everything one frame's rows are traced into, then painted in one go. */
export interface FrameBatches {
  readonly batches: BatchSet;
  readonly labels: Label[];
}

/** The shared, reused batches, emptied (one frame at a time: drawing is synchronous). */
export function frameBatches(): FrameBatches {
  shared.batches.clear();
  shared.labels.length = 0;
  return shared;
}

/** The device-snapped left edge a rectangle starting at px0 is drawn at. */
const snapX = (px0: number, dpr: number): number => Math.round(Math.max(px0, -2) * dpr) / dpr;

/**
 * Traces one row's slices in `vp` into `out` (level of detail and merging as described above).
 * With `resume`, starts from that saved state instead of the row's first visible slice. Offers a
 * resume point for the next frame at the last slice starting at or before `resumeBeforeUs`.
 */
export function traceRow(
  out: FrameBatches,
  row: LaneRow,
  vp: Viewport,
  opts: PaintOptions,
  resume?: RowResume,
  resumeBeforeUs = -Infinity,
): RowTrace {
  const { batches, labels } = out;
  const span = vp.t1 - vp.t0;
  const clip = opts.clipUs ?? Infinity;
  if (!(span > 0) || vp.width <= 0 || clip <= vp.t0) return { visible: 0, resume: undefined };
  const k = vp.width / span;
  const t0 = vp.t0;
  const dpr = opts.pixelRatio ?? 1;
  const lane = row.lane;
  const top = row.y - vp.scrollTop;
  const [from, to] = lane.range(vp.t0, Math.min(vp.t1, clip));
  const { starts, ends, maxEnds, keys } = lane;
  const paints = opts.paints;
  // Pending rectangle, merged while the next slice continues it.
  let px0 = resume?.px0 ?? 0;
  let px1 = resume?.px1 ?? -Infinity;
  let pkey = resume?.pkey ?? -1;
  let pidx = resume?.pidx ?? -1;
  // Right edge of everything flushed so far: a resume point must not have pixels right of it.
  let flushedRight = -Infinity;
  let next: RowResume | undefined;
  const flush = (): void => {
    if (pkey < 0) return;
    const paint = paints[pkey];
    const frac = paint ? paint.style.height : 1;
    // Edges snapped to device pixels: crisper, and the rasteriser skips anti-aliasing.
    const h = Math.max(Math.min(row.bar, MIN_BAR), Math.round(row.bar * frac * dpr) / dpr);
    const y = Math.round((top + (row.bar - h) / 2) * dpr) / dpr;
    const x = snapX(px0, dpr);
    let w = Math.round(Math.min(px1, vp.width + 2) * dpr) / dpr - x;
    if (w >= GAP_MIN) w -= 1;
    if (w <= 0) w = 1 / dpr;
    if (x + w > flushedRight) flushedRight = x + w;
    (w < PATTERN_MIN ? batches.narrow : batches.fills)[pkey]?.push(x, y, w, h);
    if (w >= OUTLINE_MIN && h >= OUTLINE_MIN) batches.outlines.push(x, y, w, h);
    if (pidx >= 0 && w >= LABEL_MIN && h >= 12)
      labels.push({ x, y, w, h, key: pkey, row: lane.rows[pidx] ?? -1 });
  };
  let i = resume === undefined ? from : Math.max(resume.i, from);
  while (i < to) {
    const start = starts[i] ?? 0;
    const x0 = (start - t0) * k;
    const x1 = (Math.min(ends[i] ?? 0, clip) - t0) * k;
    const key = keys[i] ?? 0;
    let a = x0;
    let b = x1;
    let step = i + 1;
    let idx = i;
    if (x1 - x0 < 1) {
      // Level of detail: fold this and every slice ending inside the same pixel column.
      const col = Math.floor(x0);
      a = col;
      b = col + 1;
      step = Math.max(i + 1, firstAbove(maxEnds, t0 + b / k, i + 1, to));
      idx = -1;
    }
    if (key === pkey && a <= px1 + 0.5 && (b - a < 2 || px1 - px0 < 2 || idx < 0)) {
      if (b > px1) px1 = b;
      pidx = -1;
    } else if (b <= px1 && b - a <= 1) {
      // A sub-pixel slice of another style inside a pixel already painted: hidden anyway.
    } else {
      if (start <= resumeBeforeUs) {
        const seam = pkey < 0 ? -2 : snapX(px0, dpr);
        if (flushedRight <= seam) next = { i, px0, px1, pkey, pidx, seam };
      }
      flush();
      px0 = a;
      px1 = b;
      pkey = key;
      pidx = idx;
    }
    i = step;
  }
  flush();
  return { visible: to - from, resume: next };
}

/** Fills the traced rectangles (one path per style key), then outlines, then labels. */
export function paintBatches(ctx: DrawContext, out: FrameBatches, opts: PaintOptions): number {
  const { batches, labels } = out;
  const paints = opts.paints;
  for (let key = 0; key < batches.fills.length; key++) {
    const paint = paints[key];
    if (paint === undefined) continue;
    fillBatch(ctx, batches.narrow[key], paint.style.colour);
    fillBatch(ctx, batches.fills[key], paint.fill);
  }
  if (batches.outlines.count > 0) {
    const lw = opts.outlineWidth ?? 2;
    ctx.strokeStyle = opts.outline ?? OUTLINE;
    ctx.lineWidth = lw;
    ctx.beginPath();
    batches.outlines.trace(ctx, lw / 2);
    ctx.stroke();
  }
  if (opts.labelOf !== undefined && labels.length > 0)
    drawLabels(ctx, labels, paints, opts.labelOf, opts.font);
  return batches.rects;
}

/**
 * Draws the rows of `layout` visible in `vp` into `ctx`, whose transform must already map CSS px
 * to device px. Does not clear the canvas. `paints` comes from makePaints (one per style key).
 */
export function drawLanes(
  ctx: DrawContext,
  layout: Layout,
  vp: Viewport,
  paints: readonly Paint[],
  opts: DrawOptions = {},
): DrawStats {
  const out = frameBatches();
  const o = { ...opts, paints };
  let visible = 0;
  const [r0, r1] = visibleRows(layout, vp.scrollTop, vp.scrollTop + vp.height);
  for (let r = r0; r < r1; r++) {
    const row = layout.rows[r];
    if (row !== undefined) visible += traceRow(out, row, vp, o).visible;
  }
  return { rects: paintBatches(ctx, out, o), visible };
}

function fillBatch(
  ctx: DrawContext,
  batch: RectBatch | undefined,
  fill: string | CanvasPattern,
): void {
  if (batch === undefined || batch.count === 0) return;
  ctx.fillStyle = fill;
  // Paths of a few thousand rectangles rasterise faster than one huge path.
  for (let from = 0; from < batch.count; from += PATH_CHUNK) {
    ctx.beginPath();
    batch.trace(ctx, 0, from, Math.min(batch.count, from + PATH_CHUNK));
    ctx.fill();
  }
}
