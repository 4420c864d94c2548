// Turns validated parameters into the run's tasks (with parents) and the units of work the
// workers execute. Sequential and async get one unit holding every task; pool models get one
// unit per task (fib: one per call above the cut, one per subtree below it).
import type { TaskInfo } from '../../shared/events';
import type { RunParams } from '../../shared/params';
import { fibCalls } from '../../shared/scenarios';
import type { UnitMode, WorkUnit } from '../../shared/worker-protocol';

export interface Plan {
  readonly tasks: readonly TaskInfo[];
  readonly units: readonly WorkUnit[];
  /** How many workers to start: 1 for sequential/async, else min(workers, units). */
  readonly poolSize: number;
}

export interface PlanContext {
  /** Base URL of the local download server, e.g. http://127.0.0.1:1234 */
  readonly downloadBase?: string;
  /** Files for the mixed scenario, one per task. */
  readonly files?: readonly string[];
}

export const SAY_AFTER_MS = 1000;
export const FIB_SLEEP_MS = 100;
export const MIXED_CHUNK_BYTES = 1 << 20;
export const MIXED_LATENCY_MS = 10;
export const MIXED_PASSES = 8;

export function planRun(p: RunParams, ctx: PlanContext): Plan {
  const pooled = p.model !== 'sequential' && p.model !== 'async';
  const mode: UnitMode = p.model === 'async' ? 'async' : 'sequential';
  const range = Array.from({ length: p.tasks }, (_, i) => i);
  const split = <T>(items: readonly T[], make: (items: readonly T[]) => WorkUnit): WorkUnit[] =>
    pooled ? items.map((it) => make([it])) : [make(items)];
  let tasks: TaskInfo[];
  let units: WorkUnit[];
  switch (p.scenario) {
    case 'say-after': {
      tasks = range.map((i) => ({ id: i, label: `say_after(${i + 1})` }));
      const items = range.map((i) => ({ task: i, ms: (i + 1) * SAY_AFTER_MS * p.scale }));
      units = split(items, (its) => ({ kind: 'say-after', mode, items: its }));
      break;
    }
    case 'cpu-bound': {
      tasks = range.map((i) => ({ id: i, label: `compute #${i + 1}` }));
      const items = range.map((i) => ({ task: i, iterations: p.size * 1_000_000 }));
      units = split(items, (its) => ({ kind: 'cpu', mode, items: its }));
      break;
    }
    case 'downloads': {
      const base = ctx.downloadBase ?? 'http://127.0.0.1:0';
      tasks = range.map((i) => ({ id: i, label: `download site-${i + 1}` }));
      const items = range.map((i) => ({ task: i, url: `${base}/site-${i + 1}?kib=${p.size}` }));
      units = split(items, (its) => ({ kind: 'download', mode, items: its }));
      break;
    }
    case 'mixed': {
      const files = ctx.files ?? [];
      tasks = range.map((i) => ({ id: i, label: `read+sum file-${i + 1}` }));
      const items = range.map((i) => ({
        task: i,
        file: files[i] ?? '',
        chunkBytes: MIXED_CHUNK_BYTES,
        latencyMs: MIXED_LATENCY_MS * p.scale,
        passes: MIXED_PASSES,
      }));
      units = split(items, (its) => ({ kind: 'mixed', mode, items: its }));
      break;
    }
    case 'fib-sleep':
      ({ tasks, units } = planFib(p, pooled, mode));
      break;
  }
  return { tasks, units, poolSize: pooled ? Math.max(1, Math.min(p.workers, units.length)) : 1 };
}

function planFib(
  p: RunParams,
  pooled: boolean,
  mode: UnitMode,
): { tasks: TaskInfo[]; units: WorkUnit[] } {
  const n0 = p.size;
  const sleepMs = FIB_SLEEP_MS * p.scale;
  const blocking = p.variant === 'blocking';
  const tasks: TaskInfo[] = [];
  const visit = (n: number, id: number, parent: number | undefined): void => {
    tasks.push(
      parent === undefined ? { id, label: `fib(${n})` } : { id, label: `fib(${n})`, parent },
    );
    if (n > 1) {
      visit(n - 1, id + 1, id);
      visit(n - 2, id + 1 + fibCalls(n - 1), id);
    }
  };
  visit(n0, 0, undefined);
  if (!pooled) {
    return {
      tasks,
      units: [{ kind: 'fib', mode, blocking, n: n0, task: 0, sleepMs, single: false }],
    };
  }
  // Cut the tree at the shallowest depth that gives every worker at least two subtrees; each call
  // above the cut is a unit of its own (one sleep), each subtree below it one recursive unit.
  let cut = 0;
  while (cut < n0 && 2 ** cut < 2 * p.workers) cut++;
  const units: WorkUnit[] = [];
  const subtrees: WorkUnit[] = [];
  const walk = (n: number, id: number, depth: number): void => {
    if (depth < cut && n > 1) {
      units.push({ kind: 'fib', mode: 'sequential', blocking, n, task: id, sleepMs, single: true });
      walk(n - 1, id + 1, depth + 1);
      walk(n - 2, id + 1 + fibCalls(n - 1), depth + 1);
    } else {
      subtrees.push({
        kind: 'fib',
        mode: 'sequential',
        blocking,
        n,
        task: id,
        sleepMs,
        single: false,
      });
    }
  };
  walk(n0, 0, 0);
  return { tasks, units: [...units, ...subtrees] };
}
