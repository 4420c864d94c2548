// Text drawn inside wide slices: the full label, or a compact form ("process 5" → "P5"), or a
// readable prefix, never a clipped stub. Patterned bars get a plain backing behind the text.
import type { DrawContext } from './draw';
import type { Paint } from './patterns';

/** A slice wide enough to carry text: its rectangle (CSS px), style key and RunStore row. */
export interface Label {
  x: number;
  y: number;
  w: number;
  h: number;
  key: number;
  row: number;
}

export function drawLabels(
  ctx: DrawContext,
  labels: readonly Label[],
  paints: readonly Paint[],
  labelOf: (row: number) => string,
  font = '600 12px system-ui, sans-serif',
): void {
  ctx.font = font;
  ctx.textBaseline = 'middle';
  for (const l of labels) {
    const paint = paints[l.key];
    if (paint === undefined || l.row < 0) continue;
    const text = fitText(ctx, labelOf(l.row), l.w - 12);
    if (text === '') continue;
    const tw = ctx.measureText(text).width;
    const cy = l.y + l.h / 2;
    if (paint.style.pattern !== 'solid') {
      // Patterns behind text hurt reading: give the text a plain backing in the bar's colour.
      // At most the bar's height: nothing may spill into the gap (a live redraw of one row
      // would leave it behind).
      const bh = Math.min(16, l.h);
      ctx.fillStyle = paint.style.colour;
      ctx.fillRect(l.x + 3, cy - bh / 2, tw + 6, bh);
    }
    ctx.fillStyle = paint.text;
    ctx.fillText(text, l.x + 6, cy + 0.5);
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
