// A Svelte attachment that paints a legend swatch on a small canvas with the very tile code the
// chart uses, so the legend can never drift from what is drawn.
import type { Attachment } from 'svelte/attachments';
import { OUTLINE, type StateStyle } from '../lib/palette';
import { TILE, paintTile } from '../lib/patterns';

export function swatch(
  style: StateStyle,
  cssW: number,
  cssH: number,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const dpr = Math.max(1, Math.round(window.devicePixelRatio || 1));
    canvas.width = cssW * dpr;
    canvas.height = cssH * dpr;
    canvas.style.width = `${cssW}px`;
    canvas.style.height = `${cssH}px`;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    const tile = document.createElement('canvas');
    tile.width = TILE * dpr;
    tile.height = TILE * dpr;
    const tctx = tile.getContext('2d');
    if (tctx === null) return;
    paintTile(tctx, style, dpr);
    const pattern = ctx.createPattern(tile, 'repeat');
    const h = Math.round(cssH * style.height * dpr);
    const y = Math.round((cssH * dpr - h) / 2);
    ctx.fillStyle = pattern ?? style.colour;
    ctx.fillRect(0, y, cssW * dpr, h);
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = 2 * dpr;
    ctx.strokeRect(dpr, y + dpr, cssW * dpr - 2 * dpr, h - 2 * dpr);
  };
}
