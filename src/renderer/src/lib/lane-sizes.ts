// Lane sizes of the normal window and of presentation mode (lanes ≥ 40 px with room for 48 px
// names, the projection rules of docs/design.md), for the main chart and for Compare's smaller
// lanes (several runs one above the other), and the states a run shows (its legend there).
import { F_STATE, SLICE_STRIDE } from '../../../shared/events';
import { STATES } from '../../../shared/states';
import type { LaneKind } from './lane';
import { sizeFor, TASK_SIZE_COMPACT, type LaneSize } from './lanes';

// As small as the rules allow, so a 1080p screen holds the axis, every core lane and every actor
// lane of a 2-worker run with the summary and legend (measured in e2e/present.spec.ts): a 48 px
// "CPU k" at line-height 1 fills a 48 px bar; the core's OS strip stays 8 px, readable as a band.
// Actor and task names can have descenders ("say_after(1)"): at line-height 1.2 (app.css
// --name-line) a 48 px name needs 57.6 px, or the label's clip cuts the underscore
// (e2e/present-labels.spec.ts measures it).
const NAME_BAR = Math.ceil(48 * 1.2);
const PRESENTATION: Readonly<Record<LaneKind, LaneSize>> = {
  core: { bar: 48, strip: 8, gap: 4 },
  actor: { bar: NAME_BAR, strip: 0, gap: 6 },
  task: { bar: NAME_BAR, strip: 0, gap: 4 },
};

/** The main chart (and its snapshot), or one run among several in Compare. */
export type LaneDensity = 'chart' | 'compare';

/** Compare stacks runs: thinner lanes, no OS strip (its table gives the machine's load). */
const COMPARE: Readonly<Record<LaneKind, LaneSize>> = {
  core: { bar: 22, strip: 0, gap: 3 },
  actor: { bar: 16, strip: 0, gap: 2 },
  task: TASK_SIZE_COMPACT,
};
// 48 px a lane (a 48 px name at line-height 1), bars 44 px: three runs of up to two workers, the
// axis, the table and the explanation fit one 1080p screen (e2e/lesson.spec.ts measures it).
const COMPARE_PRESENTATION: Readonly<Record<LaneKind, LaneSize>> = {
  core: { bar: 44, strip: 0, gap: 4 },
  actor: { bar: 44, strip: 0, gap: 4 },
  task: { bar: 44, strip: 0, gap: 4 },
};

/** The smallest core bar (and "CPU k" name, px) presentation mode shrinks to: at the back of a
 *  hall a 24 px "CPU k" still reads; below that the core panel scrolls instead. */
export const CORE_FLOOR = 24;
const CORE_FULL = PRESENTATION.core;

/** How the core lanes of presentation mode fit the height the window leaves them. */
export interface CoreFit {
  readonly size: LaneSize;
  /** Size of the "CPU k" name, px (line-height 1: it fills its bar). */
  readonly font: number;
  /** Core lanes the panel shows at once; fewer than the count: the rest scroll in the panel. */
  readonly shown: number;
  /** Height of the panel's view, px. */
  readonly height: number;
}

/** A core lane with a `bar` px bar: the OS strip and gap shrink with it, never below readable. */
function coreSizeOf(bar: number): LaneSize {
  if (bar >= CORE_FULL.bar) return CORE_FULL;
  return { bar, strip: Math.max(4, Math.round(bar / 6)), gap: bar >= 36 ? 4 : bar >= 30 ? 2 : 1 };
}

const pitchOf = (s: LaneSize): number => s.bar + s.strip + s.gap;

/** Fitting needs room for at least this many floor-sized core lanes (fewer cores: all of them). */
const MIN_FITTED = 4;

/**
 * The largest core lanes (at most today's 48 px, at least CORE_FLOOR) of which `count` fit
 * `budget` px; where even the floor cannot, floor-sized lanes and as many as fit in view (never
 * fewer than MIN_FITTED, or every lane if fewer: else today's sizes). An unknown budget (not
 * measured yet) keeps today's sizes.
 */
export function presentationCoreFit(count: number, budget: number | undefined): CoreFit {
  const n = Math.max(1, count);
  // A budget too small for a few floor-sized lanes means what is below (many actor lanes)
  // overflows the window by itself: the promise cannot hold, and squeezing the cores to one
  // scrolled lane would hide the very thing the chart is about. Today's sizes; the page scrolls.
  if (budget !== undefined && budget < Math.min(n, MIN_FITTED) * pitchOf(coreSizeOf(CORE_FLOOR)))
    return { size: CORE_FULL, font: CORE_FULL.bar, shown: count, height: n * pitchOf(CORE_FULL) };
  for (let bar = CORE_FULL.bar; bar >= CORE_FLOOR; bar--) {
    const size = coreSizeOf(bar);
    if (budget === undefined || n * pitchOf(size) <= budget)
      return { size, font: bar, shown: count, height: count * pitchOf(size) };
  }
  const size = coreSizeOf(CORE_FLOOR);
  const shown = Math.max(1, Math.min(count, Math.floor((budget ?? 0) / pitchOf(size))));
  return { size, font: CORE_FLOOR, shown, height: shown * pitchOf(size) };
}

export function laneSize(
  kind: LaneKind,
  count: number,
  presenting: boolean,
  density: LaneDensity = 'chart',
): LaneSize {
  if (density === 'compare') return (presenting ? COMPARE_PRESENTATION : COMPARE)[kind];
  return presenting ? PRESENTATION[kind] : sizeFor(kind, count);
}

/** Names of the states that occur in a run's slices (the presentation legend shows only these). */
export function statesIn(slices: Float64Array): Set<string> {
  const codes = new Set<number>();
  for (let o = F_STATE; o < slices.length; o += SLICE_STRIDE) codes.add(slices[o] ?? -1);
  const out = new Set<string>();
  for (const c of codes) {
    const s = STATES[c];
    if (s !== undefined) out.add(s);
  }
  return out;
}
