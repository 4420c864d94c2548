// Canvas layers around the slices. The OS busy strip under each core lane: every OS sample covers the interval since the previous
// sample, shaded from light (idle) to dark (busy). Levels are quantised to a few greys so a frame
// needs one fill per level, whatever the number of samples.
import type { OsSample } from '../../../shared/run-store';
import type { DrawContext } from './draw';
import { visibleRows, type LaneRow, type Layout } from './lanes';
import type { Viewport } from './viewport';

export const OS_LEVELS = 5;

/**
 * Shade of a quantised busy level 1..OS_LEVELS (0 is the strip's own background) in a theme's
 * row colours. Busy always means "stands out from the strip": darker on a light strip, lighter
 * on a dark one, so a busy core is as easy to see in the dark theme as in the light one.
 */
export function osLevelColour(level: number, colours: RowColours = LIGHT_ROWS): string {
  if (level <= 0) return colours.strip;
  return colours.os[Math.min(OS_LEVELS, level) - 1] ?? colours.strip;
}

/** Busy fraction 0..1 to a level 0..OS_LEVELS; anything above 2 % shows at least level 1. */
export function osLevel(busy: number): number {
  if (!(busy > 0.02)) return 0;
  return Math.max(1, Math.min(OS_LEVELS, Math.round(busy * OS_LEVELS)));
}

export function drawOsStrips(
  ctx: DrawContext,
  layout: Layout,
  vp: Viewport,
  samples: readonly OsSample[],
  colours: RowColours = LIGHT_ROWS,
): void {
  if (samples.length === 0 || vp.t1 <= vp.t0) return;
  const k = vp.width / (vp.t1 - vp.t0);
  const [r0, r1] = visibleRows(layout, vp.scrollTop, vp.scrollTop + vp.height);
  for (let level = 1; level <= OS_LEVELS; level++) {
    ctx.fillStyle = osLevelColour(level, colours);
    ctx.beginPath();
    for (let r = r0; r < r1; r++) {
      const row = layout.rows[r];
      if (row === undefined || row.strip <= 0) continue;
      const core = row.lane.id;
      const y = row.y - vp.scrollTop + row.bar + 1;
      let prev = 0;
      for (const s of samples) {
        const busy = s.busy[core] ?? 0;
        if (osLevel(busy) === level && s.tUs > vp.t0 && prev < vp.t1) {
          const x0 = Math.max(-1, (prev - vp.t0) * k);
          const x1 = Math.min(vp.width + 1, (s.tUs - vp.t0) * k);
          if (x1 > x0) ctx.rect(x0, y, Math.max(1, x1 - x0), row.strip - 1);
        }
        prev = s.tUs;
      }
    }
    ctx.fill();
  }
}

/** Row colours: alternating lane backgrounds, the strip's, and its busy shades (themes.ts). */
export interface RowColours {
  readonly rowA: string;
  readonly rowB: string;
  readonly strip: string;
  /** OS busy levels 1..OS_LEVELS, least to most busy. */
  readonly os: readonly string[];
}

export const LIGHT_ROWS: RowColours = {
  rowA: '#F4F6F9',
  rowB: '#EBEEF3',
  strip: '#FFFFFF',
  os: ['#C8C8C8', '#A0A0A0', '#787878', '#505050', '#262626'],
};

/** Alternating row backgrounds and a baseline under each bar area. */
export function drawRowBackgrounds(
  ctx: DrawContext,
  layout: Layout,
  vp: Viewport,
  colours: RowColours = LIGHT_ROWS,
): void {
  const [r0, r1] = visibleRows(layout, vp.scrollTop, vp.scrollTop + vp.height);
  for (let r = r0; r < r1; r++) {
    const row = layout.rows[r];
    if (row === undefined) continue;
    fillRowBar(ctx, row, r, vp, colours, 0);
    fillRowStrip(ctx, row, vp, colours);
  }
}

/** A row's bar background from `x` (CSS px) to the right edge; `r` is its index in the layout. */
export function fillRowBar(
  ctx: DrawContext,
  row: LaneRow,
  r: number,
  vp: Viewport,
  colours: RowColours,
  x: number,
): void {
  ctx.fillStyle = r % 2 === 0 ? colours.rowA : colours.rowB;
  ctx.fillRect(x, row.y - vp.scrollTop, vp.width - x, row.bar);
}

/** A row's strip background (the band the OS busy shades are drawn in). */
export function fillRowStrip(
  ctx: DrawContext,
  row: LaneRow,
  vp: Viewport,
  colours: RowColours,
): void {
  if (row.strip <= 0) return;
  ctx.fillStyle = colours.strip;
  ctx.fillRect(0, row.y - vp.scrollTop + row.bar + 1, vp.width, row.strip - 1);
}

/** Mean busy fraction of one core over the samples, or undefined without samples. */
export function meanBusy(samples: readonly OsSample[], core: number): number | undefined {
  if (samples.length === 0) return undefined;
  let sum = 0;
  for (const s of samples) sum += s.busy[core] ?? 0;
  return sum / samples.length;
}

/** A vertical line at the run's live edge (the latest data), so students see time advance. */
export function drawLiveEdge(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  liveUs: number,
  colour = '#D55E00',
  width = 2,
): void {
  if (vp.t1 <= vp.t0) return;
  const x = Math.round(((liveUs - vp.t0) * vp.width) / (vp.t1 - vp.t0)) + 0.5;
  if (x < 0 || x > vp.width) return;
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(x, 0);
  ctx.lineTo(x, vp.height);
  ctx.stroke();
}
