// The few figures presentation mode shows beside the wall clock after a run: what the hall
// needs to read the result at a glance. Speedup needs a sequential run of the same work, so the
// window remembers the last one it saw (Baselines); without one it says how many cores were busy,
// which is what a single run can tell on its own. Also the Run summary's line naming what ran.
import type { RunParams } from '../../../shared/params';
import type { RunMeta, RunSummary } from '../../../shared/events';
import { isImportedRun } from '../../../shared/foreign-trace';
import { runLabel, runTitle } from '../../../shared/run-label';
import { busyCores, ms, times } from '../../../shared/figure-format';

export interface PresentFigure {
  /** Stable name (e2e hook, keyed each). */
  readonly key: 'speedup' | 'cores' | 'tasks' | 'status';
  readonly text: string;
  /** The longer explanation, shown on hover and read by screen readers. */
  readonly title: string;
}

/** The work a run did, whatever model ran it: runs with the same key can be compared. */
export function workKey(p: RunParams): string {
  return JSON.stringify([p.scenario, p.tasks, p.size, p.scale, p.variant, p.cores ?? 0]);
}

/** Wall times of the last completed sequential run of each piece of work seen in this window. */
export class Baselines {
  private readonly walls = new Map<string, number>();

  record(params: RunParams, summary: RunSummary, python: boolean): void {
    // A Python script's params name the scenario it demonstrates, not the work it did.
    if (python || params.model !== 'sequential' || summary.status !== 'completed') return;
    if (summary.wallMs > 0) this.walls.set(workKey(params), summary.wallMs);
  }

  sequentialWallMs(params: RunParams): number | undefined {
    return this.walls.get(workKey(params));
  }
}

export function presentFigures(
  summary: RunSummary,
  params: RunParams | undefined,
  sequentialWallMs: number | undefined,
): PresentFigure[] {
  const out: PresentFigure[] = [];
  if (summary.status !== 'completed') {
    const what = summary.status === 'failed' ? 'failed' : 'cancelled';
    out.push({ key: 'status', text: what, title: `The run ${what}` });
  }
  if (
    params !== undefined &&
    params.model !== 'sequential' &&
    sequentialWallMs !== undefined &&
    summary.wallMs > 0
  ) {
    const s = sequentialWallMs / summary.wallMs;
    out.push({
      key: 'speedup',
      text: `${times(s)} vs sequential (${ms(sequentialWallMs)})`,
      title: `Speedup: the sequential run of the same work took ${ms(sequentialWallMs)}, this one ${ms(summary.wallMs)}`,
    });
  }
  if (summary.wallMs > 0) {
    const busy = summary.cpuMs / summary.wallMs;
    out.push({
      key: 'cores',
      text: `${busyCores(busy)} cores busy`,
      title: `CPU time ${ms(summary.cpuMs)} over wall time ${ms(summary.wallMs)}: cores busy on average`,
    });
  }
  out.push({
    key: 'tasks',
    text: `${summary.tasksDone}/${summary.tasks} tasks`,
    title: `${summary.tasksDone} of ${summary.tasks} tasks done`,
  });
  return out;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The Run summary's line naming what ran. A model run: the form's fields it ran with. A Python
 * run: its script and runtime (the library's name for it) and what its trace holds, never the
 * scenario and model its params are filed under, which it did not run. An imported trace: what
 * it holds.
 */
export function summaryLine(meta: RunMeta, summary: Pick<RunSummary, 'actors' | 'tasks'>): string {
  const tasks = count(summary.tasks, 'task', 'tasks');
  if (isImportedRun(meta))
    return `imported trace · ${count(summary.actors, 'thread', 'threads')} · ${tasks}`;
  if (meta.source !== undefined)
    return `${runTitle(meta)} · traced: ${count(summary.actors, 'actor', 'actors')}, ${tasks}`;
  return runLabel(meta.params);
}
