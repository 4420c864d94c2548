// How a run is named in one line (the run summary, snapshot titles, the library). Sequential and
// async runs have one thread whatever `workers` says (the engine ignores it for them), so they
// never show a worker count. A Python run is named by its script and runtime: the scenario and
// model its params carry are only what the app files it under (examples) or a placeholder, not
// what ran, so no name built here ever shows them for a Python run.
import { MODELS, type Model, type RunParams } from './params';
import type { PythonSource } from './python';

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

/**
 * What ran, as the library records it: a model run's scenario, model and pool size; a Python
 * run's script (as `scenario`) and runtime (as `model`), with no pool (0).
 */
export interface Workload {
  readonly scenario: string;
  readonly model: string;
  readonly workers: number;
}

/** The workload of a run file's meta, whose params are checked only as a record. */
export function runWorkload(
  params: Readonly<Record<string, unknown>>,
  source: Pick<PythonSource, 'script' | 'runtime'> | undefined,
): Workload {
  if (source !== undefined) return { scenario: source.script, model: source.runtime, workers: 0 };
  const workers = params['workers'];
  return {
    scenario: typeof params['scenario'] === 'string' ? params['scenario'] : '',
    model: typeof params['model'] === 'string' ? params['model'] : '',
    workers: typeof workers === 'number' && workers >= 0 ? Math.trunc(workers) : 0,
  };
}

/** `threads × 4`; a model without a pool, or a Python runtime, shows no worker count. */
export function poolLabel(model: string, workers: number): string {
  const known = MODELS.find((m) => m === model);
  return known === undefined || !isPooled(known) || workers <= 0 ? model : `${model} × ${workers}`;
}

/** `cpu-bound · processes × 2`; `cpu_threads.py · CPython 3.11.7` for a Python run. */
export function workloadLabel(w: Workload): string {
  return `${w.scenario} · ${poolLabel(w.model, w.workers)}`;
}

/**
 * A run's title: the model form's fields for a model run ("cpu-bound · threads · 2 workers"),
 * the script and runtime for a Python run ("cpu_threads.py · CPython 3.11.7").
 */
export function runTitle(meta: {
  readonly params: RunParams;
  readonly source?: Pick<PythonSource, 'script' | 'runtime'>;
}): string {
  if (meta.source !== undefined) return workloadLabel(runWorkload({}, meta.source));
  return runLabel(meta.params, false);
}
