// Incremental drawing of one chart panel. Slices only ever arrive (a run's store is append-only),
// so while the view stands still a frame needs to draw only what came since the last one:
//
// - the view (window, size, scroll, paints, theme, layout) changed: full redraw;
// - a lane got no slice: its row is left alone;
// - a lane got slices after where the last frame's trace offered to resume: the row is cleared
//   from that resume point's seam to the right edge and traced on from the saved merge state;
// - a late slice landed before the resume point (or the change log lost track): the row's bar
//   band is redrawn whole;
// - OS samples came: the strip bands (a few rectangles per sample) are redrawn.
//
// Every path paints exactly the pixels a full redraw would (tested against one), because pixels
// left of a seam depend only on slices before the resume point and nothing drawn for a row
// leaves its bar band. The resume point trails the lane's newest slice by RESUME_LAG_US, so
// slices that arrive a little out of order (two workers' batches on one core lane) still land
// after it.
import type { OsSample } from '../../../shared/run-store';
import {
  frameBatches,
  paintBatches,
  traceRow,
  type DrawContext,
  type PaintOptions,
  type RowResume,
} from './draw';
import type { Lane } from './lane';
import { visibleRows, type Layout } from './lanes';
import {
  LIGHT_ROWS,
  drawOsStrips,
  drawRowBackgrounds,
  fillRowBar,
  fillRowStrip,
  type RowColours,
} from './os-strip';
import type { Viewport } from './viewport';

/** How far behind a lane's newest slice start the next frame's resume point sits, µs. */
export const RESUME_LAG_US = 100_000;

/** A 2D context a layer can also clear. */
export type LayerContext = DrawContext & Pick<CanvasRenderingContext2D, 'clearRect'>;

export interface LayerInput {
  readonly layout: Layout;
  readonly vp: Viewport;
  readonly opts: PaintOptions;
  readonly colours?: RowColours;
  /** OS samples for the strips (core lanes), already clipped to what should show. */
  readonly os?: readonly OsSample[];
}

export type LayerDrawKind = 'full' | 'partial' | 'unchanged';

export interface LayerDraw {
  readonly kind: LayerDrawKind;
  /** Rows traced this frame (all visible rows on a full redraw). */
  readonly rows: number;
  readonly rects: number;
}

interface RowState {
  edits: number;
  count: number;
  resume: RowResume | undefined;
}

export class LaneLayer {
  private key: readonly unknown[] = [];
  private readonly rows = new Map<Lane, RowState>();
  private osCount = -1;

  /** Forget what is on the canvas (it was cleared, resized or drawn over): next draw is full. */
  invalidate(): void {
    this.key = [];
  }

  draw(ctx: LayerContext, input: LayerInput): LayerDraw {
    const { layout, vp, opts } = input;
    const colours = input.colours ?? LIGHT_ROWS;
    const key = [
      layout,
      vp.t0,
      vp.t1,
      vp.width,
      vp.height,
      vp.scrollTop,
      opts.paints,
      opts.pixelRatio,
      opts.clipUs,
      opts.outline,
      opts.outlineWidth,
      opts.font,
      opts.labelOf,
      colours,
    ];
    // A replay cursor moves every frame and cuts slices short: nothing on screen can stay.
    const same =
      opts.clipUs === undefined &&
      key.length === this.key.length &&
      key.every((v, i) => v === this.key[i]);
    const [r0, r1] = visibleRows(layout, vp.scrollTop, vp.scrollTop + vp.height);
    const out = frameBatches();
    let traced = 0;

    if (!same) {
      this.key = key;
      this.rows.clear();
      ctx.clearRect(0, 0, vp.width, vp.height);
      drawRowBackgrounds(ctx, layout, vp, colours);
      if (input.os !== undefined) drawOsStrips(ctx, layout, vp, input.os, colours);
      this.osCount = input.os?.length ?? 0;
      for (let r = r0; r < r1; r++) {
        const row = layout.rows[r];
        if (row === undefined) continue;
        this.remember(row.lane, traceRow(out, row, vp, opts, undefined, resumeBefore(row.lane)));
        traced++;
      }
      return { kind: 'full', rows: traced, rects: paintBatches(ctx, out, opts) };
    }

    const os = input.os;
    const osChanged = os !== undefined && os.length !== this.osCount;
    if (osChanged) {
      for (let r = r0; r < r1; r++) {
        const row = layout.rows[r];
        if (row !== undefined) fillRowStrip(ctx, row, vp, colours);
      }
      drawOsStrips(ctx, layout, vp, os, colours);
      this.osCount = os.length;
    }
    for (let r = r0; r < r1; r++) {
      const row = layout.rows[r];
      if (row === undefined) continue;
      const lane = row.lane;
      const seen = this.rows.get(lane);
      if (seen !== undefined && seen.edits === lane.edits) continue;
      const first = seen === undefined ? 0 : lane.firstChangeSince(seen.edits, seen.count);
      const resume = seen?.resume !== undefined && first >= seen.resume.i ? seen.resume : undefined;
      // Clear what the resumed trace will paint again (the whole bar band without a resume).
      fillRowBar(ctx, row, r, vp, colours, resume?.seam ?? 0);
      this.remember(lane, traceRow(out, row, vp, opts, resume, resumeBefore(lane)));
      traced++;
    }
    if (traced === 0) return { kind: osChanged ? 'partial' : 'unchanged', rows: 0, rects: 0 };
    return { kind: 'partial', rows: traced, rects: paintBatches(ctx, out, opts) };
  }

  private remember(lane: Lane, trace: { readonly resume: RowResume | undefined }): void {
    this.rows.set(lane, { edits: lane.edits, count: lane.count, resume: trace.resume });
  }
}

/** The latest start a resume point may sit at: RESUME_LAG_US before the lane's newest start. */
function resumeBefore(lane: Lane): number {
  if (lane.count === 0) return -Infinity;
  return (lane.starts[lane.count - 1] ?? 0) - RESUME_LAG_US;
}
