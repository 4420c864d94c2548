// The horizontal mapping from run time (µs since the run's origin) to CSS pixels, shared by every
// panel, the axis and hit-testing. Coordinate spaces: time µs → CSS px (this module) → device px
// (the canvas transform scales by devicePixelRatio; nothing else knows about it).

export interface Viewport {
  /** Visible time window, µs. */
  readonly t0: number;
  readonly t1: number;
  /** Drawing area size, CSS px. */
  readonly width: number;
  readonly height: number;
  /** Vertical scroll offset of the panel's content, CSS px. */
  readonly scrollTop: number;
}

/** Shortest window a view may show, µs: below this nothing is measured meaningfully. */
export const MIN_SPAN_US = 10;
/** Window shown before a run has any data, µs. */
export const EMPTY_SPAN_US = 1_000_000;

export function pxPerUs(vp: Viewport): number {
  const span = vp.t1 - vp.t0;
  return span > 0 ? vp.width / span : 0;
}

export function xOf(vp: Viewport, t: number): number {
  return (t - vp.t0) * pxPerUs(vp);
}

export function tOf(vp: Viewport, x: number): number {
  const k = pxPerUs(vp);
  return k > 0 ? vp.t0 + x / k : vp.t0;
}

/**
 * The window that shows a whole run ending at `endUs`, with 3 % headroom on the right so the
 * live edge is visible while a run grows.
 */
export function fitDomain(endUs: number): [number, number] {
  if (!(endUs > 0)) return [0, EMPTY_SPAN_US];
  return [0, Math.max(endUs * 1.03, MIN_SPAN_US)];
}

/** Window ends per decade while following a live run: each step grows the window by ≤ 4/3. */
const LIVE_STEPS = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The window that shows a live run ending at `endUs`: at least EMPTY_SPAN_US, and ending on a
 * round step with 3 % headroom. It changes only when the run outgrows it, so between steps the
 * axis stands still and what is drawn stays put: each frame adds only the new slices.
 */
export function liveDomain(endUs: number): [number, number] {
  const need = Math.max(endUs * 1.03, EMPTY_SPAN_US);
  if (!Number.isFinite(need)) return [0, EMPTY_SPAN_US];
  const decade = 10 ** Math.floor(Math.log10(need));
  const step = LIVE_STEPS.find((s) => s * decade >= need) ?? 10;
  return [0, step * decade];
}

/** Keeps a window inside [0, limit] and at least MIN_SPAN_US wide, preserving its span. */
export function clampDomain(t0: number, t1: number, limit: number): [number, number] {
  const span = Math.min(Math.max(t1 - t0, MIN_SPAN_US), Math.max(limit, MIN_SPAN_US));
  let a = t0;
  if (a + span > limit) a = limit - span;
  if (a < 0) a = 0;
  return [a, a + span];
}

/** Zooms by `factor` (>1 zooms in) around time `at`. */
export function zoomDomain(t0: number, t1: number, factor: number, at: number): [number, number] {
  const f = factor > 0 ? factor : 1;
  return [at - (at - t0) / f, at + (t1 - at) / f];
}

export function panDomain(t0: number, t1: number, fraction: number): [number, number] {
  const d = (t1 - t0) * fraction;
  return [t0 + d, t1 + d];
}
