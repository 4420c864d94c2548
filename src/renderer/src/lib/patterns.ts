// Builds the canvas fill for every style key: a small tile with the state's colour and pattern,
// drawn at device resolution and scaled back so patterns stay crisp on HiDPI screens. The tile
// geometry is pure (patternMarks) and tested; only makePaints touches a canvas.
import {
  STYLE_KEY_COUNT,
  styleForKey,
  textColourOn,
  type PatternKind,
  type StateStyle,
} from './palette';

export const TILE = 8;

/** Marks of one pattern tile in tile units (0..TILE): dots as circles, lines as segments. */
export interface Marks {
  readonly dots: readonly (readonly [number, number, number])[];
  readonly lines: readonly (readonly [number, number, number, number])[];
  readonly lineWidth: number;
}

export function patternMarks(kind: PatternKind): Marks {
  const none: Marks = { dots: [], lines: [], lineWidth: 0 };
  switch (kind) {
    case 'solid':
      return none;
    case 'sparse-dots':
      return {
        dots: [
          [2, 2, 1.1],
          [6, 6, 1.1],
        ],
        lines: [],
        lineWidth: 0,
      };
    case 'white-dots':
      return {
        dots: [
          [2, 2, 1.3],
          [6, 6, 1.3],
        ],
        lines: [],
        lineWidth: 0,
      };
    case 'stripes-45':
      // Three segments so the stripes continue across tile edges.
      return {
        dots: [],
        lines: [
          [0, 8, 8, 0],
          [-4, 4, 4, -4],
          [4, 12, 12, 4],
        ],
        lineWidth: 1.6,
      };
    case 'cross-hatch':
      return {
        dots: [],
        lines: [
          [0, 8, 8, 0],
          [-4, 4, 4, -4],
          [4, 12, 12, 4],
          [0, 0, 8, 8],
          [-4, 4, 4, 12],
          [4, -4, 12, 4],
        ],
        lineWidth: 1.2,
      };
    case 'horizontal-lines':
      return {
        dots: [],
        lines: [
          [0, 2, 8, 2],
          [0, 6, 8, 6],
        ],
        lineWidth: 1.4,
      };
    case 'vertical-lines':
      return {
        dots: [],
        lines: [
          [2, 0, 2, 8],
          [6, 0, 6, 8],
        ],
        lineWidth: 1.4,
      };
  }
}

export interface Paint {
  readonly style: StateStyle;
  readonly fill: string | CanvasPattern;
  /** Colour for text drawn on this fill. */
  readonly text: string;
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Paints one tile of a style at `scale` device px per tile unit. */
export function paintTile(ctx: Ctx2D, style: StateStyle, scale: number): void {
  const size = TILE * scale;
  ctx.fillStyle = style.colour;
  ctx.fillRect(0, 0, size, size);
  const marks = patternMarks(style.pattern);
  ctx.fillStyle = style.ink;
  ctx.strokeStyle = style.ink;
  ctx.lineWidth = marks.lineWidth * scale;
  for (const [x, y, r] of marks.dots) {
    ctx.beginPath();
    ctx.arc(x * scale, y * scale, r * scale, 0, Math.PI * 2);
    ctx.fill();
  }
  if (marks.lines.length > 0) {
    ctx.beginPath();
    for (const [x0, y0, x1, y1] of marks.lines) {
      ctx.moveTo(x0 * scale, y0 * scale);
      ctx.lineTo(x1 * scale, y1 * scale);
    }
    ctx.stroke();
  }
}

/** One Paint per style key, for a context drawn at `dpr` device px per CSS px. */
export function makePaints(ctx: CanvasRenderingContext2D, dpr: number): Paint[] {
  const paints: Paint[] = [];
  for (let key = 0; key < STYLE_KEY_COUNT; key++) {
    const style = styleForKey(key);
    paints.push({ style, fill: patternFill(ctx, style, dpr), text: textColourOn(style.colour) });
  }
  return paints;
}

function patternFill(
  ctx: CanvasRenderingContext2D,
  style: StateStyle,
  dpr: number,
): string | CanvasPattern {
  if (style.pattern === 'solid') return style.colour;
  const scale = Math.max(1, Math.round(dpr));
  const size = TILE * scale;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const tctx = tile.getContext('2d');
  if (tctx === null) return style.colour;
  paintTile(tctx, style, scale);
  const pattern = ctx.createPattern(tile, 'repeat');
  if (pattern === null) return style.colour;
  pattern.setTransform(new DOMMatrix().scale(1 / scale, 1 / scale));
  return pattern;
}
