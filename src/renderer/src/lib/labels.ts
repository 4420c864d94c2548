// Text drawn inside wide slices: the full label, or a compact form ("process 5" → "P5"), or a
// readable prefix, never a clipped stub; its size shrinks to fit the bar's height (the font's
// measured box inside the bar), or it is left out. Patterned bars get a plain backing.
import type { DrawContext } from './draw';
import type { Paint } from './patterns';
import { fontPx } from './svg-context';

/** A slice wide enough to carry text: its rectangle (CSS px), style key and RunStore row. */
export interface Label {
  x: number;
  y: number;
  w: number;
  h: number;
  key: number;
  row: number;
}

/**
 * The font's box per px of font size: how far its ascent and descent reach from the alphabetic
 * baseline. Every glyph of the font stays inside it, so a label whose box is inside its bar is
 * never cut, whatever its letters ("event loop" has a descender, "É" an accent).
 */
export interface FontBox {
  readonly ascent: number;
  readonly descent: number;
}

/**
 * Where no canvas reports font metrics (the SVG snapshot's estimate, test recorders): DejaVu
 * Sans's box (0.928 + 0.236 em), the system-ui font on Debian and among the tallest of the
 * usual sans faces, so the estimate errs towards smaller text rather than cut text.
 */
export const FALLBACK_BOX: FontBox = { ascent: 0.928, descent: 0.236 };
/** Space kept between a label's font box and its bar's top and bottom edges, px. */
export const LABEL_PAD = 1;
/** Smaller than this a label is not drawn: a bar too short for readable text stays plain. */
export const MIN_LABEL_PX = 9;

/** A label's font size in a bar and its baseline below the bar's middle, px. */
export interface LabelFit {
  readonly px: number;
  readonly baseline: number;
}

/**
 * The largest font size up to `basePx` (whole px) whose box fits a bar `barH` px tall with
 * LABEL_PAD above and below, and the baseline that centres that box in the bar; undefined when
 * even MIN_LABEL_PX does not fit.
 */
export function fitLabel(basePx: number, barH: number, box: FontBox): LabelFit | undefined {
  const perPx = box.ascent + box.descent;
  if (!(perPx > 0)) return undefined;
  const px = Math.min(Math.floor(basePx), Math.floor((barH - 2 * LABEL_PAD) / perPx));
  if (px < MIN_LABEL_PX) return undefined;
  return { px, baseline: (px * (box.ascent - box.descent)) / 2 };
}

/** The font's box per px, read from the canvas where it reports it (Chromium does). */
function fontBox(ctx: DrawContext, px: number): FontBox {
  const m = ctx.measureText('Hg');
  if (
    'fontBoundingBoxAscent' in m &&
    'fontBoundingBoxDescent' in m &&
    typeof m.fontBoundingBoxAscent === 'number' &&
    typeof m.fontBoundingBoxDescent === 'number' &&
    m.fontBoundingBoxAscent + m.fontBoundingBoxDescent > 0
  )
    return { ascent: m.fontBoundingBoxAscent / px, descent: m.fontBoundingBoxDescent / px };
  return FALLBACK_BOX;
}

const withPx = (font: string, px: number): string =>
  /\d+(?:\.\d+)?px/.test(font) ? font.replace(/\d+(?:\.\d+)?px/, `${px}px`) : `${px}px ${font}`;

export function drawLabels(
  ctx: DrawContext,
  labels: readonly Label[],
  paints: readonly Paint[],
  labelOf: (row: number) => string,
  font = '600 12px system-ui, sans-serif',
): void {
  const basePx = fontPx(font);
  ctx.font = font;
  // The alphabetic baseline placed from the font's own box ('middle' centres the em square,
  // not the box, and let the descenders of a large font fall below a short bar). Set before
  // measuring: the font box is measured from the current baseline.
  ctx.textBaseline = 'alphabetic';
  const box = fontBox(ctx, basePx);
  let current = basePx;
  for (const l of labels) {
    const paint = paints[l.key];
    if (paint === undefined || l.row < 0) continue;
    // Presentation text is 30 px, a 40 % bar of a 48 px lane 19 px: the text shrinks to fit.
    const fit = fitLabel(basePx, l.h, box);
    if (fit === undefined) continue;
    if (fit.px !== current) {
      ctx.font = withPx(font, fit.px);
      current = fit.px;
    }
    const text = fitText(ctx, labelOf(l.row), l.w - 12);
    if (text === '') continue;
    const tw = ctx.measureText(text).width;
    const cy = l.y + l.h / 2;
    if (paint.style.pattern !== 'solid') {
      // Patterns behind text hurt reading: give the text a plain backing in the bar's colour,
      // the font's box and its padding, never more than the bar (nothing may spill into the
      // gap: a live redraw of one row would leave it behind).
      const bh = Math.min(l.h, fit.px * (box.ascent + box.descent) + 2 * LABEL_PAD);
      ctx.fillStyle = paint.style.colour;
      ctx.fillRect(l.x + 3, cy - bh / 2, tw + 6, bh);
    }
    ctx.fillStyle = paint.text;
    ctx.fillText(text, l.x + 6, cy + fit.baseline);
  }
}

/**
 * A compact form of a label for narrow bars: "process 5" → "P5", "worker thread 12" → "WT12";
 * labels without a trailing number are returned as they are.
 */
export function compactLabel(text: string): string {
  const m = /^(.*?)\s*(\d+)$/.exec(text.trim());
  if (m === null || m[1] === undefined || m[1] === '') return text;
  const initials = m[1]
    .split(/[\s_-]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  return `${initials}${m[2] ?? ''}`;
}

/**
 * `text` if it fits in `max` px, else its compact form, else a prefix of at least 4 characters
 * with an ellipsis; '' when nothing readable fits.
 */
export function fitText(ctx: DrawContext, text: string, max: number): string {
  if (max <= 0) return '';
  if (ctx.measureText(text).width <= max) return text;
  const compact = compactLabel(text);
  if (compact !== text && ctx.measureText(compact).width <= max) return compact;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ctx.measureText(text.slice(0, mid) + '…').width <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo >= 4 ? text.slice(0, lo) + '…' : '';
}
