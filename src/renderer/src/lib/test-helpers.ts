// Builders shared by the unit tests: synthetic slice columns and a recording fake 2D context.
import { SLICE_STRIDE } from '../../../shared/events';
import type { DrawContext } from './draw';
import type { LayerContext } from './lane-layer';

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

/**
 * A LayerContext that rasterises what it is told onto a grid of colour names, one cell per CSS
 * px (a cell is painted when its centre is inside the shape): enough to compare two ways of
 * drawing pixel for pixel. Text paints the cell at its origin with the text itself.
 */
export function rasterContext(
  width: number,
  height: number,
): { ctx: LayerContext; cells: string[]; ops: { rects: number } } {
  const cells = new Array<string>(width * height).fill('');
  const ops = { rects: 0 };
  let path: number[][] = [];
  const paint = (x0: number, y0: number, x1: number, y1: number, colour: string): void => {
    const ca = Math.max(0, Math.ceil(x0 - 0.5));
    const cb = Math.min(width, Math.ceil(x1 - 0.5));
    const ra = Math.max(0, Math.ceil(y0 - 0.5));
    const rb = Math.min(height, Math.ceil(y1 - 0.5));
    for (let r = ra; r < rb; r++) for (let c = ca; c < cb; c++) cells[r * width + c] = colour;
  };
  const ctx: LayerContext = {
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
      for (const [x = 0, y = 0, w = 0, h = 0] of path) {
        ops.rects++;
        paint(x, y, x + w, y + h, String(ctx.fillStyle));
      }
    },
    stroke: () => {
      const half = ctx.lineWidth / 2;
      const colour = String(ctx.strokeStyle);
      for (const [x = 0, y = 0, w = 0, h = 0] of path) {
        paint(x - half, y - half, x + w + half, y + half, colour);
        paint(x - half, y + h - half, x + w + half, y + h + half, colour);
        paint(x - half, y - half, x + half, y + h + half, colour);
        paint(x + w - half, y - half, x + w + half, y + h + half, colour);
      }
    },
    fillRect: (x: number, y: number, w: number, h: number) => {
      ops.rects++;
      paint(x, y, x + w, y + h, String(ctx.fillStyle));
    },
    clearRect: (x: number, y: number, w: number, h: number) => paint(x, y, x + w, y + h, ''),
    fillText: (text: string, x: number, y: number) => paint(x, y, x + 1, y + 1, `text:${text}`),
    measureText: (text: string) => ({ width: text.length * 7 }),
  };
  return { ctx, cells, ops };
}
