// Presentation Compare at 1080p: how tall each run's core lanes may be so that every run of the
// comparison is on the screen at once. The hall reads 44 px lanes best (Compare's projection
// size); with more cores, or more runs to a column, the core lanes shrink, never below a 24 px
// "CPU k" (still read at the back of a hall, the main chart's floor too). Below that they stay
// at the floor and the page scrolls: a smaller name would not be read.
import { CORE_FLOOR, laneSize } from './lane-sizes';
import type { LaneSize } from './lanes';

/** Compare's projection core lane, as lane-sizes gives it (its count does not change it). */
const FULL: LaneSize = laneSize('core', 1, true, 'compare');

export interface CompareCoreFit {
  readonly size: LaneSize;
  /** Size of the "CPU k" names, px: the bar's height (line-height 1 fills it). */
  readonly font: number;
}

/** Core lanes of `count` cores within `budget` px (undefined: not measured yet, full size). */
export function compareCoreFit(count: number, budget: number | undefined): CompareCoreFit {
  const n = Math.max(1, count);
  if (budget === undefined || n * (FULL.bar + FULL.gap) <= budget)
    return { size: FULL, font: FULL.bar + FULL.gap };
  const gap = 2;
  const bar = Math.max(CORE_FLOOR, Math.min(FULL.bar, Math.floor(budget / n) - gap));
  return { size: { bar, strip: 0, gap }, font: bar + gap };
}

/**
 * The height each run may take: the screen below the panel's head and axis, shared by the runs
 * of the longest column.
 */
export function runFitHeight(screen: number, above: number, runsPerColumn: number): number {
  return Math.floor((screen - above) / Math.max(1, runsPerColumn));
}
