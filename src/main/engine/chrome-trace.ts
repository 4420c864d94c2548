// Converts a recorded run into the Chrome Trace Event Format (JSON object form) that Perfetto and
// chrome://tracing open. Pure: a RunStore and its summary in, a plain object out.
//
// - Each actor's own timeline (lane kind 0) becomes complete events ("X") on its real pid/tid.
//   A thread is in one state at a time, and Perfetto rejects X events on one thread that overlap
//   without nesting, so times are rounded to whole µs *monotonically* (rounding cannot reorder
//   two boundaries) and each start is clamped to the previous end.
// - Each task's timeline (lane kind 1, which may overlap on one thread) becomes async "b"/"e"
//   pairs with id = task id, on the pid/tid of the actor that served it.
// - Events are emitted grouped per actor and per task in time order, never globally re-sorted:
//   viewers sort stably by ts, so an "e" keeps its place before the next "b" at the same µs.
import {
  F_ACTOR,
  F_CORE,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  F_TASK,
  LANE_ACTOR,
  LANE_TASK,
  SLICE_STRIDE,
  type RunSummary,
} from '../../shared/events';
import type { RunStore } from '../../shared/run-store';
import { stateFromCode } from '../../shared/states';
import type { ChromeTrace, OtherData, SliceArgs, TraceEvent } from './chrome-trace-schema';

export type { ChromeTrace, TraceEvent } from './chrome-trace-schema';
export { fromChromeTrace, type ImportResult } from './chrome-trace-import';

interface Ids {
  readonly pid: number;
  readonly tid: number;
}

export function toChromeTrace(store: RunStore, summary: RunSummary): ChromeTrace {
  const meta = store.meta;
  if (meta === undefined) throw new RangeError('toChromeTrace needs a run with its meta');
  const ids = threadIds(store);
  const traceEvents: TraceEvent[] = [];
  metadataEvents(
    store,
    ids,
    `CoreScope ${meta.params.scenario} (${meta.params.model})`,
    traceEvents,
  );
  sliceEvents(store, ids, traceEvents);
  const usedTasks = new Set<number>();
  const s = store.slices;
  for (let o = 0; o < s.length; o += SLICE_STRIDE) usedTasks.add(s[o + F_TASK] ?? -1);
  const m = meta.machine;
  const otherData: OtherData = {
    app: 'CoreScope',
    formatVersion: 1,
    runId: meta.runId,
    startedAt: meta.startedAt,
    scenario: meta.params.scenario,
    model: meta.params.model,
    workers: meta.params.workers,
    params: { ...meta.params },
    status: summary.status,
    wallMs: summary.wallMs,
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
    runtime: m.runtime,
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
  return { traceEvents, displayTimeUnit: 'ms', otherData };
}

/**
 * Each actor's real pid/tid. An actor that never reported its thread id (it failed while
 * starting) gets a negative tid of its own rather than sharing tid 0 with another one.
 */
function threadIds(store: RunStore): Map<number, Ids> {
  const ids = new Map<number, Ids>();
  for (const a of store.actors.values()) {
    ids.set(a.id, { pid: a.pid, tid: a.tid > 0 ? a.tid : -(a.id + 1) });
  }
  return ids;
}

function metadataEvents(
  store: RunStore,
  ids: ReadonlyMap<number, Ids>,
  hostName: string,
  out: TraceEvent[],
): void {
  const actors = [...store.actors.values()].sort((a, b) => a.id - b.id);
  const processes = new Map<number, string>();
  for (const a of actors) {
    const named = a.kind === 'process' ? a.label : undefined;
    if (!processes.has(a.pid) || named !== undefined) processes.set(a.pid, named ?? hostName);
  }
  let order = 0;
  for (const [pid, name] of processes) {
    out.push({ ph: 'M', name: 'process_name', ts: 0, pid, args: { name } });
    out.push({ ph: 'M', name: 'process_sort_index', ts: 0, pid, args: { sort_index: order++ } });
  }
  for (const a of actors) {
    const { pid, tid } = idsOf(ids, a.id);
    const name = a.tid > 0 ? a.label : `${a.label} (thread id unknown)`;
    out.push({
      ph: 'M',
      name: 'thread_name',
      ts: 0,
      pid,
      tid,
      args: { name, actor: a.id, kind: a.kind },
    });
    out.push({ ph: 'M', name: 'thread_sort_index', ts: 0, pid, tid, args: { sort_index: a.id } });
  }
}

function idsOf(ids: ReadonlyMap<number, Ids>, actor: number): Ids {
  return ids.get(actor) ?? { pid: 0, tid: -(actor + 1) };
}

/** Slice offsets grouped by key (actor for lane 0, task for lane 1), each group in time order. */
function groupSlices(s: Float64Array, lane: number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    if (s[o + F_LANE] !== lane) continue;
    const key = s[o + (lane === LANE_ACTOR ? F_ACTOR : F_TASK)] ?? -1;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [o]);
    else g.push(o);
  }
  for (const g of groups.values()) g.sort((a, b) => (s[a + F_START] ?? 0) - (s[b + F_START] ?? 0));
  return new Map([...groups].sort((a, b) => a[0] - b[0]));
}

function sliceEvents(store: RunStore, ids: ReadonlyMap<number, Ids>, out: TraceEvent[]): void {
  const s = store.slices;
  for (const lane of [LANE_ACTOR, LANE_TASK]) {
    for (const offsets of groupSlices(s, lane).values()) {
      let lastEnd = -Infinity;
      for (const o of offsets) {
        const actor = s[o + F_ACTOR] ?? -1;
        const task = s[o + F_TASK] ?? -1;
        const core = s[o + F_CORE] ?? -1;
        if (lane === LANE_TASK && task < 0) continue; // a task lane always names its task
        const cat = stateFromCode(s[o + F_STATE] ?? -1);
        const ts = Math.max(Math.round(s[o + F_START] ?? 0), lastEnd);
        const end = Math.max(Math.round(s[o + F_END] ?? 0), ts);
        lastEnd = end;
        const info = task >= 0 ? store.tasks.get(task) : undefined;
        const args: SliceArgs = {
          actor,
          ...(task >= 0 ? { task } : {}),
          ...(info?.parent !== undefined ? { parent: info.parent } : {}),
          ...(core >= 0 ? { cpu: core } : {}),
        };
        const name = info?.label ?? (task >= 0 ? `task ${task}` : cat);
        const { pid, tid } = idsOf(ids, actor);
        if (lane === LANE_ACTOR) {
          out.push({ ph: 'X', name, cat, ts, dur: end - ts, pid, tid, args });
        } else {
          out.push({ ph: 'b', name, cat, id: task, ts, pid, tid, args });
          out.push({ ph: 'e', name, cat, id: task, ts: end, pid, tid, args: { actor } });
        }
      }
    }
  }
}
