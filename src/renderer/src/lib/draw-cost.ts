// The window's own drawing cost during a live run: script time of every canvas frame and of
// ingesting the run's batches into lanes. The run's summary carries it (RunSummary.observer), so
// the explanation can say what CoreScope's drawing took from the cores it measured. Script time
// only: the browser's own painting and compositing are not visible from the page.
import type { RunSummary } from '../../../shared/events';

let totalMs = 0;

export const drawCost = {
  add(ms: number): void {
    if (ms > 0 && Number.isFinite(ms)) totalMs += ms;
  },
  reset(): void {
    totalMs = 0;
  },
  get ms(): number {
    return totalMs;
  },
};

/** `summary` with the drawing time since the last reset added to its observer cost. */
export function withDrawCost(summary: RunSummary, ms = totalMs): RunSummary {
  return { ...summary, observer: { ...summary.observer, drawMs: ms } };
}
