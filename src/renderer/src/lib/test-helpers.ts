// Builders shared by the unit tests: synthetic slice columns and a recording fake 2D context.
import { SLICE_STRIDE } from '../../../shared/events';
import type { DrawContext } from './draw';

/** [laneKind, actor, task, state, core, startUs, endUs] tuples to one column buffer. */
export function sliceData(rows: readonly (readonly number[])[]): Float64Array {
  const out = new Float64Array(rows.length * SLICE_STRIDE);
  rows.forEach((r, i) => out.set(r.slice(0, SLICE_STRIDE), i * SLICE_STRIDE));
  return out;
}

export interface Recorded {
  readonly fills: { style: string; rects: number[][] }[];
  readonly texts: string[];
  readonly strokes: number;
}

/** A DrawContext that records filled rectangles per fill style, in CSS px. */
export function recordingContext(): { ctx: DrawContext; rec: Recorded } {
  const rec: Recorded & { strokes: number } = { fills: [], texts: [], strokes: 0 };
  let path: number[][] = [];
  const ctx: DrawContext = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    font: '10px sans-serif',
    textBaseline: 'alphabetic',
    beginPath: () => {
      path = [];
    },
    rect: (x: number, y: number, w: number, h: number) => {
      path.push([x, y, w, h]);
    },
    fill: () => {
      rec.fills.push({ style: String(ctx.fillStyle), rects: path });
    },
    stroke: () => {
      rec.strokes++;
    },
    fillRect: () => undefined,
    fillText: (text: string) => {
      rec.texts.push(text);
    },
    measureText: (text: string) => ({ width: text.length * 7 }),
  };
  return { ctx, rec };
}
