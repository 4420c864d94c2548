// How a run's parameters are named in one line (the run summary, snapshot titles, the library).
// Sequential and async runs have one thread whatever `workers` says (the engine ignores it for
// them), so they never show a worker count.
import type { Model, RunParams } from './params';

/** Whether the model runs a pool whose size is `workers`. */
export function isPooled(model: Model): boolean {
  return model !== 'sequential' && model !== 'async';
}

/** "2 workers", "1 worker", or "one thread" for models without a pool. */
export function workersLabel(model: Model, workers: number): string {
  if (!isPooled(model)) return 'one thread';
  return `${workers} ${workers === 1 ? 'worker' : 'workers'}`;
}

/** "cpu-bound · processes · 2 workers · 4 tasks"; "say-after · async · one thread · 3 tasks". */
export function runLabel(
  params: Pick<RunParams, 'scenario' | 'model' | 'workers' | 'tasks'>,
  withTasks = true,
): string {
  const parts = [params.scenario, params.model, workersLabel(params.model, params.workers)];
  if (withTasks) parts.push(`${params.tasks} ${params.tasks === 1 ? 'task' : 'tasks'}`);
  return parts.join(' · ');
}
