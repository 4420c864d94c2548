// The line a sweep shows while it runs: which run of how many, at which worker count (and which
// repeat), and how far the current run has got, so a long sweep never looks stuck.
import { ms } from '../../../shared/figure-format';

export interface SweepRunProgress {
  /** 1-based number of the run going on, and how many the sweep makes. */
  readonly run: number;
  readonly planned: number;
  readonly workers: number;
  /** 1-based repeat of this worker count, of `repeats`. */
  readonly repeat: number;
  readonly repeats: number;
  /** The current run's time since it started, µs, and its tasks (absent before it starts). */
  readonly elapsedUs?: number | undefined;
  readonly tasksDone?: number | undefined;
  readonly tasks?: number | undefined;
}

export function sweepProgressText(p: SweepRunProgress): string {
  const who = `Run ${p.run} of ${p.planned}: ${p.workers} ${p.workers === 1 ? 'worker' : 'workers'}`;
  const rep = p.repeats > 1 ? ` (repeat ${p.repeat} of ${p.repeats})` : '';
  const parts = [who + rep];
  if (p.elapsedUs !== undefined) parts.push(`${ms(p.elapsedUs / 1000)} so far`);
  if (p.tasksDone !== undefined && p.tasks !== undefined && p.tasks > 0)
    parts.push(`${p.tasksDone} of ${p.tasks} tasks done`);
  return parts.join(' · ');
}
