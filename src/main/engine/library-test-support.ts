// What the library's tests (the folder's own rules and what hostile neighbours leave in it)
// both need: a small valid run file with one running slice, and the value of a library result.
import type { LibraryResult } from '../../shared/library-contract';
import { toRunFile, type RunFile } from '../../shared/run-file';
import { RunStore } from '../../shared/run-store';
import { STATE_CODE } from '../../shared/states';
import { TEST_MACHINE } from '../../shared/test-figures';

export function libraryRunFile(runId = 'r1'): RunFile {
  const store = new RunStore({
    runId,
    startedAt: '2026-01-01T00:00:00.000Z',
    params: {
      scenario: 'cpu-bound',
      model: 'threads',
      workers: 2,
      tasks: 2,
      size: 10,
      scale: 1,
      variant: 'blocking',
      trace: true,
    },
    machine: TEST_MACHINE,
    clock: { source: 'CLOCK_MONOTONIC' },
  });
  store.apply({ kind: 'actor', actor: { id: 0, kind: 'thread', label: 't0', pid: 1, tid: 2 } });
  store.apply({ kind: 'tasks', tasks: [{ id: 0, label: 'task 0' }] });
  store.apply({ kind: 'slices', data: Float64Array.from([0, 0, 0, STATE_CODE.running, 1, 5, 90]) });
  const summary = {
    status: 'completed' as const,
    wallMs: 1,
    cpuMs: 1,
    coreBusy: [0, 1],
    osBusy: [0, 1],
    actors: 1,
    tasks: 1,
    tasksDone: 0,
    slices: 1,
    failures: [],
    clock: { source: 'CLOCK_MONOTONIC' },
  };
  return toRunFile(store, summary, { t0: 0, t1: 100 });
}

/** The value of a library result, or the library's own error thrown. */
export function value<T>(r: LibraryResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
