// A LoadedRun as plain data, so the page's file-opening worker can post it back: a RunStore is a
// class (structured clone drops its prototype), its slice columns travel as a transferred
// ArrayBuffer (no copy of what can be hundreds of MB), and the rest is small plain objects.
import type { ActorInfo, FailureInfo, RunMeta, RunSummary, TaskInfo } from './events';
import type { LoadedRun, RunSource, SavedView } from './loaded-run';
import { RunStore, type OsSample } from './run-store';

export interface PackedRun {
  readonly meta: RunMeta | undefined;
  readonly actors: readonly ActorInfo[];
  readonly tasks: readonly TaskInfo[];
  readonly tasksDone: readonly (readonly [number, number])[];
  readonly os: readonly OsSample[];
  readonly failures: readonly FailureInfo[];
  readonly slices: Float64Array<ArrayBuffer>;
  readonly summary: RunSummary;
  readonly source: RunSource;
  readonly name: string;
  readonly view?: SavedView;
}

export function packRun(run: LoadedRun): PackedRun {
  const { store } = run;
  return {
    meta: store.meta,
    actors: [...store.actors.values()],
    tasks: [...store.tasks.values()],
    tasksDone: [...store.tasksDone.entries()],
    os: store.os,
    failures: store.failures,
    // A copy of exactly the used columns, whose buffer the worker can transfer.
    slices: store.slices.slice(),
    summary: run.summary,
    source: run.source,
    name: run.name,
    ...(run.view !== undefined ? { view: run.view } : {}),
  };
}

export function unpackRun(p: PackedRun): LoadedRun {
  const store = new RunStore(p.meta);
  for (const actor of p.actors) store.actors.set(actor.id, actor);
  for (const task of p.tasks) store.tasks.set(task.id, task);
  for (const [task, tUs] of p.tasksDone) store.apply({ kind: 'task-done', task, tUs });
  for (const o of p.os) store.os.push(o);
  for (const f of p.failures) store.failures.push(f);
  store.appendSlices(p.slices);
  return {
    store,
    summary: p.summary,
    source: p.source,
    name: p.name,
    ...(p.view !== undefined ? { view: p.view } : {}),
  };
}
