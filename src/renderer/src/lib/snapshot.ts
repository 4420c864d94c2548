// Snapshot files of the chart: SVG (vector, text as text, one <g class="lane"> per lane) and PNG
// (the same scene on a canvas at 2× pixel density). Both come from drawSnapshot.
import { makePaints } from './patterns';
import {
  drawSnapshot,
  snapshotSize,
  type SnapshotInput,
  type SnapshotSurface,
} from './snapshot-scene';
import { SvgContext, escapeXml, patternDefs, svgPaints } from './svg-context';

/** Device px per CSS px of PNG snapshots. */
export const PNG_SCALE = 2;

export function snapshotSvg(
  input: SnapshotInput,
  measure?: (text: string, font: string) => number,
): string {
  const ctx = new SvgContext(measure);
  const { width, height } = snapshotSize(ctx, input);
  const surface: SnapshotSurface = {
    ctx,
    paints: svgPaints(),
    group: (x, y, name, body) => {
      const cls = name === 'axis' || name === 'legend' || name === 'actor-key' ? name : 'lane';
      ctx.open(
        `<g class="${cls}" data-name="${escapeXml(name)}" transform="translate(${x} ${y})">`,
      );
      body();
      ctx.close('g');
    },
    line: (x0, y0, x1, y1, colour, w) => ctx.line(x0, y0, x1, y1, colour, w),
  };
  drawSnapshot(surface, input);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(input.title)}</title>`,
    patternDefs(),
    ctx.markup(),
    '</svg>',
    '',
  ].join('\n');
}

/** Draws the snapshot on a new canvas at PNG_SCALE; the caller encodes it. */
export function snapshotCanvas(input: SnapshotInput): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('this browser cannot draw a snapshot (no 2D canvas)');
  const { width, height } = snapshotSize(ctx, input);
  canvas.width = Math.ceil(width * PNG_SCALE);
  canvas.height = Math.ceil(height * PNG_SCALE);
  ctx.setTransform(PNG_SCALE, 0, 0, PNG_SCALE, 0, 0);
  const surface: SnapshotSurface = {
    ctx,
    paints: makePaints(ctx, PNG_SCALE),
    group: (x, y, _name, body) => {
      ctx.save();
      ctx.translate(x, y);
      body();
      ctx.restore();
    },
    line: (x0, y0, x1, y1, colour, w) => {
      ctx.strokeStyle = colour;
      ctx.lineWidth = w;
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      ctx.stroke();
    },
  };
  drawSnapshot(surface, input);
  return canvas;
}

export function snapshotPng(input: SnapshotInput): Promise<Blob> {
  const canvas = snapshotCanvas(input);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b === null ? reject(new Error('PNG encoding failed')) : resolve(b)),
      'image/png',
    ),
  );
}
