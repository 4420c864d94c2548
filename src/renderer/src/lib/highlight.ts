// Linked highlighting: hovering a slice picks its actor (on core and actor lanes) or its task (on
// task lanes and on actor-lane slices that serve one); every view of that run then dims all other
// slices and outlines the focused ones. Pure geometry here; the canvas layer is drawHighlight.
import { F_ACTOR, F_TASK, SLICE_STRIDE } from '../../../shared/events';
import type { RunStore } from '../../../shared/run-store';
import type { LaneKind } from './lane';
import type { Layout } from './lanes';
import { visibleRows } from './lanes';
import { styleForKey } from './palette';
import type { Viewport } from './viewport';

export type Focus =
  { readonly kind: 'actor'; readonly id: number } | { readonly kind: 'task'; readonly id: number };

/** What hovering slice `storeRow` on a lane of `laneKind` focuses. */
export function focusOf(store: RunStore, storeRow: number, laneKind: LaneKind): Focus | undefined {
  const o = storeRow * SLICE_STRIDE;
  if (storeRow < 0 || o >= store.slices.length) return undefined;
  const actor = store.slices[o + F_ACTOR] ?? -1;
  const task = store.slices[o + F_TASK] ?? -1;
  if (laneKind === 'core') return actor >= 0 ? { kind: 'actor', id: actor } : undefined;
  if (task >= 0) return { kind: 'task', id: task };
  return actor >= 0 ? { kind: 'actor', id: actor } : undefined;
}

export function sameFocus(a: Focus | undefined, b: Focus | undefined): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}

export function matchesFocus(store: RunStore, focus: Focus, storeRow: number): boolean {
  const o = storeRow * SLICE_STRIDE;
  const field = focus.kind === 'actor' ? F_ACTOR : F_TASK;
  return store.slices[o + field] === focus.id;
}

export interface FocusRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly key: number;
}

/** Rectangles (CSS px, relative to the visible window) of the focused slices in view. */
export function focusRects(
  layout: Layout,
  vp: Viewport,
  store: RunStore,
  focus: Focus,
  limit = 20_000,
): FocusRect[] {
  const out: FocusRect[] = [];
  const span = vp.t1 - vp.t0;
  if (!(span > 0)) return out;
  const k = vp.width / span;
  const [r0, r1] = visibleRows(layout, vp.scrollTop, vp.scrollTop + vp.height);
  for (let r = r0; r < r1 && out.length < limit; r++) {
    const row = layout.rows[r];
    if (row === undefined) continue;
    const lane = row.lane;
    const [from, to] = lane.range(vp.t0, vp.t1);
    for (let i = from; i < to && out.length < limit; i++) {
      if (!matchesFocus(store, focus, lane.rows[i] ?? -1)) continue;
      const x0 = ((lane.starts[i] ?? 0) - vp.t0) * k;
      const x1 = ((lane.ends[i] ?? 0) - vp.t0) * k;
      out.push({
        x: Math.max(-2, x0),
        y: row.y - vp.scrollTop,
        w: Math.max(2, Math.min(vp.width + 2, x1) - Math.max(-2, x0)),
        h: row.bar,
        key: lane.keys[i] ?? 0,
      });
    }
  }
  return out;
}

export interface HighlightColours {
  /** Laid over everything at 65 % opacity: the chart's background colour. */
  readonly veil: string;
  readonly outline: string;
}

const LIGHT: HighlightColours = { veil: '#FFFFFF', outline: '#1A1A1A' };

/** Dims everything drawn so far, then repaints and outlines the focused slices on top. */
export function drawHighlight(
  ctx: CanvasRenderingContext2D,
  layout: Layout,
  vp: Viewport,
  store: RunStore,
  focus: Focus,
  colours: HighlightColours = LIGHT,
): void {
  const rects = focusRects(layout, vp, store, focus);
  ctx.globalAlpha = 0.65;
  ctx.fillStyle = colours.veil;
  ctx.fillRect(0, 0, vp.width, vp.height);
  ctx.globalAlpha = 1;
  for (const r of rects) {
    const style = styleForKey(r.key);
    const h = Math.max(6, r.h * style.height);
    ctx.fillStyle = style.colour;
    ctx.fillRect(r.x, r.y + (r.h - h) / 2, r.w, h);
  }
  ctx.strokeStyle = colours.outline;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (const r of rects) ctx.rect(r.x + 1, r.y + 1, Math.max(1, r.w - 2), r.h - 2);
  ctx.stroke();
}
