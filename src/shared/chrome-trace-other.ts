// The `otherData` block of a CoreScope trace: everything about the run that is not an event (its
// parameters, machine, summary, OS samples, tasks that never ran), flat so that a viewer's
// metadata panel shows it directly, and complete so that an import loses nothing.
import { F_TASK, SLICE_STRIDE, type RunMeta, type RunSummary } from './events';
import type { RunStore } from './run-store';
import type { OtherData } from './chrome-trace-schema';

/** 2: small integer tids, the "CPUs" process and flow arrows. 1 is still read. */
export const TRACE_FORMAT_VERSION = 2 as const;

export function otherDataOf(store: RunStore, meta: RunMeta, summary: RunSummary): OtherData {
  const usedTasks = new Set<number>();
  const s = store.slices;
  for (let o = 0; o < s.length; o += SLICE_STRIDE) usedTasks.add(s[o + F_TASK] ?? -1);
  const m = meta.machine;
  const run = {
    app: 'CoreScope' as const,
    formatVersion: TRACE_FORMAT_VERSION,
    runId: meta.runId,
    startedAt: meta.startedAt,
    status: summary.status,
    wallMs: summary.wallMs,
    ...(summary.hostStartMs !== undefined ? { hostStartMs: summary.hostStartMs } : {}),
    ...(summary.observer !== undefined ? { observer: { ...summary.observer } } : {}),
    cpuMs: summary.cpuMs,
    actors: summary.actors,
    tasks: summary.tasks,
    tasksDone: summary.tasksDone,
    slices: summary.slices,
    cpuModel: m.cpuModel,
    logicalCores: m.logicalCores,
    platform: m.platform,
    release: m.release,
    arch: m.arch,
    totalMemoryGiB: m.totalMemoryGiB,
    // A Python run names the interpreter that ran the script (the engine's Node is in `python`).
    runtime: meta.source?.runtime ?? m.runtime,
    coresObservable: m.coresObservable,
    coresNote: m.coresNote,
    clock: { ...summary.clock },
    failures: summary.failures.map((f) => ({ ...f })),
    coreBusy: [...summary.coreBusy],
    osBusy: [...summary.osBusy],
    osSamples: store.os.map((o) => ({ tUs: o.tUs, busy: [...o.busy] })),
    taskDone: [...store.tasksDone],
    idleTasks: [...store.tasks.values()].filter((t) => !usedTasks.has(t.id)).map((t) => ({ ...t })),
  };
  // A Python run names its script and runtime only: the scenario and model the app files it
  // under (a placeholder for most scripts) are not what ran, so they stay out of the file.
  if (meta.source !== undefined)
    return { ...run, source: 'python' as const, python: { ...meta.source } };
  return {
    ...run,
    source: 'models' as const,
    scenario: meta.params.scenario,
    model: meta.params.model,
    workers: meta.params.workers,
    params: { ...meta.params },
  };
}
