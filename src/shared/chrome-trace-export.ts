// Converts a recorded run into the Chrome Trace Event Format (JSON object form) that Perfetto and
// chrome://tracing open. Pure: a RunStore and its summary in, a plain object out.
//
// - Each actor's own timeline (lane kind 0) becomes complete events ("X") on its real OS pid and
//   tid (also kept as `osTid` in the thread_name args); an actor whose tid never arrived (it
//   died before reporting) gets an unused integer above every real id. A thread
//   is in one state at a time, and Perfetto rejects X events on one thread that overlap without
//   nesting, so times are rounded to whole µs *monotonically* and each start is clamped to the
//   previous end.
// - Per-core lanes: a process named "CPUs" with one thread per core, carrying a copy of every
//   running slice that names its core (clamped the same way), so Perfetto shows the signature view.
// - Each task's timeline (lane kind 1, which may overlap on one thread) becomes async "b"/"e"
//   pairs with id = task id; task parents become flow arrows ("s" on the parent's first slice,
//   "f" on the child's first slice).
// - Events are emitted grouped per thread in time order, never globally re-sorted: viewers sort
//   stably by ts, so an "e" keeps its place before the next "b" at the same µs.
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
} from './events';
import type { RunStore } from './run-store';
import { STATE_CODE, stateFromCode } from './states';
import type { ChromeTrace, OtherData, SliceArgs, TraceEvent } from './chrome-trace-schema';
import { otherDataOf } from './chrome-trace-other';

interface Ids {
  readonly pid: number;
  readonly tid: number;
}

/** Where a task first ran, for its flow arrow. */
interface FirstSlice extends Ids {
  readonly ts: number;
}

export function toChromeTrace(store: RunStore, summary: RunSummary): ChromeTrace {
  const meta = store.meta;
  if (meta === undefined) throw new RangeError('toChromeTrace needs a run with its meta');
  const ids = threadIds(store);
  const traceEvents: TraceEvent[] = [];
  const hostName = `CoreScope ${meta.params.scenario} (${meta.params.model})`;
  const cpus = cpuIds(store, ids);
  metadataEvents(store, ids, hostName, traceEvents);
  cpuMetadata(cpus, traceEvents);
  const first = sliceEvents(store, ids, traceEvents);
  cpuEvents(store, cpus, traceEvents);
  flowEvents(store, first, traceEvents);
  const otherData: OtherData = otherDataOf(store, meta, summary);
  return { traceEvents, displayTimeUnit: 'ms', otherData };
}

/** Each actor's real pid and OS tid; unknown tids get unused integers above every real id. */
function threadIds(store: RunStore): Map<number, Ids> {
  const ids = new Map<number, Ids>();
  let top = 0;
  for (const a of store.actors.values()) top = Math.max(top, a.pid, a.tid);
  for (const a of [...store.actors.values()].sort((x, y) => x.id - y.id)) {
    ids.set(a.id, { pid: a.pid, tid: a.tid > 0 ? a.tid : ++top });
  }
  return ids;
}

interface Cpus {
  readonly pid: number;
  /** tid of core 0; core k is firstTid + k. */
  readonly firstTid: number;
  readonly cores: number;
}

function cpuIds(store: RunStore, ids: ReadonlyMap<number, Ids>): Cpus {
  // Above every pid and tid in the trace, so the synthetic CPUs process never shares an id
  // with a real thread (Perfetto, like Linux, treats a tid equal to a pid as its main thread).
  let top = 0;
  for (const v of ids.values()) top = Math.max(top, v.pid, v.tid);
  let cores = store.meta?.machine.logicalCores ?? 0;
  const s = store.slices;
  for (let o = 0; o < s.length; o += SLICE_STRIDE)
    cores = Math.max(cores, (s[o + F_CORE] ?? -1) + 1);
  return { pid: top + 1, firstTid: top + 2, cores };
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
      args: { name, actor: a.id, kind: a.kind, ...(a.tid > 0 ? { osTid: a.tid } : {}) },
    });
    out.push({ ph: 'M', name: 'thread_sort_index', ts: 0, pid, tid, args: { sort_index: a.id } });
  }
}

function cpuMetadata(cpus: Cpus, out: TraceEvent[]): void {
  if (cpus.cores === 0) return;
  const pid = cpus.pid;
  out.push({ ph: 'M', name: 'process_name', ts: 0, pid, args: { name: 'CPUs', cpus: true } });
  // Sorted first: the per-core lanes are CoreScope's signature view.
  out.push({ ph: 'M', name: 'process_sort_index', ts: 0, pid, args: { sort_index: -1 } });
  for (let c = 0; c < cpus.cores; c++) {
    const tid = cpus.firstTid + c;
    out.push({
      ph: 'M',
      name: 'thread_name',
      ts: 0,
      pid,
      tid,
      args: { name: `CPU ${c}`, cpus: true },
    });
    out.push({ ph: 'M', name: 'thread_sort_index', ts: 0, pid, tid, args: { sort_index: c } });
  }
}

function idsOf(ids: ReadonlyMap<number, Ids>, actor: number): Ids {
  return ids.get(actor) ?? { pid: 0, tid: actor + 1 };
}

/** Slice offsets grouped by key(offset) (skipping -1 keys), each group in time order. */
function groupSlices(s: Float64Array, key: (o: number) => number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    const k = key(o);
    if (k < 0) continue;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [o]);
    else g.push(o);
  }
  for (const g of groups.values()) g.sort((a, b) => (s[a + F_START] ?? 0) - (s[b + F_START] ?? 0));
  return new Map([...groups].sort((a, b) => a[0] - b[0]));
}

/** Rounds a group's [start, end) to whole µs, monotonically, never overlapping the previous. */
function* clamped(
  s: Float64Array,
  offsets: readonly number[],
): Generator<[number, number, number]> {
  let lastEnd = -Infinity;
  for (const o of offsets) {
    const ts = Math.max(Math.round(s[o + F_START] ?? 0), lastEnd);
    const end = Math.max(Math.round(s[o + F_END] ?? 0), ts);
    lastEnd = end;
    yield [o, ts, end];
  }
}

function sliceArgs(store: RunStore, s: Float64Array, o: number): SliceArgs {
  const task = s[o + F_TASK] ?? -1;
  const core = s[o + F_CORE] ?? -1;
  const info = task >= 0 ? store.tasks.get(task) : undefined;
  return {
    actor: s[o + F_ACTOR] ?? -1,
    ...(task >= 0 ? { task } : {}),
    ...(info?.parent !== undefined ? { parent: info.parent } : {}),
    ...(core >= 0 ? { cpu: core } : {}),
  };
}

function sliceName(store: RunStore, s: Float64Array, o: number): string {
  const task = s[o + F_TASK] ?? -1;
  const info = task >= 0 ? store.tasks.get(task) : undefined;
  return info?.label ?? (task >= 0 ? `task ${task}` : stateFromCode(s[o + F_STATE] ?? -1));
}

/** Writes actor X events and task b/e pairs; returns where each task's first X slice is. */
function sliceEvents(
  store: RunStore,
  ids: ReadonlyMap<number, Ids>,
  out: TraceEvent[],
): Map<number, FirstSlice> {
  const s = store.slices;
  const first = new Map<number, FirstSlice>();
  const actorKey = (o: number): number =>
    s[o + F_LANE] === LANE_ACTOR ? (s[o + F_ACTOR] ?? -1) : -1;
  for (const offsets of groupSlices(s, actorKey).values()) {
    for (const [o, ts, end] of clamped(s, offsets)) {
      const cat = stateFromCode(s[o + F_STATE] ?? -1);
      const { pid, tid } = idsOf(ids, s[o + F_ACTOR] ?? -1);
      const args = sliceArgs(store, s, o);
      out.push({ ph: 'X', name: sliceName(store, s, o), cat, ts, dur: end - ts, pid, tid, args });
      const task = args.task;
      const seen = task === undefined ? undefined : first.get(task);
      if (task !== undefined && (seen === undefined || ts < seen.ts))
        first.set(task, { pid, tid, ts });
    }
  }
  // A task lane always names its task.
  const taskKey = (o: number): number => (s[o + F_LANE] === LANE_TASK ? (s[o + F_TASK] ?? -1) : -1);
  for (const offsets of groupSlices(s, taskKey).values()) {
    for (const [o, ts, end] of clamped(s, offsets)) {
      const cat = stateFromCode(s[o + F_STATE] ?? -1);
      const actor = s[o + F_ACTOR] ?? -1;
      const { pid, tid } = idsOf(ids, actor);
      const task = s[o + F_TASK] ?? -1;
      const name = sliceName(store, s, o);
      out.push({ ph: 'b', name, cat, id: task, ts, pid, tid, args: sliceArgs(store, s, o) });
      out.push({ ph: 'e', name, cat, id: task, ts: end, pid, tid, args: { actor } });
    }
  }
  return first;
}

function cpuEvents(store: RunStore, cpus: Cpus, out: TraceEvent[]): void {
  const s = store.slices;
  const coreKey = (o: number): number =>
    s[o + F_LANE] === LANE_ACTOR && s[o + F_STATE] === STATE_CODE.running
      ? (s[o + F_CORE] ?? -1)
      : -1;
  for (const [core, offsets] of groupSlices(s, coreKey)) {
    for (const [o, ts, end] of clamped(s, offsets)) {
      const actor = s[o + F_ACTOR] ?? -1;
      out.push({
        ph: 'X',
        name: store.actors.get(actor)?.label ?? `actor ${actor}`,
        cat: 'running',
        ts,
        dur: end - ts,
        pid: cpus.pid,
        tid: cpus.firstTid + core,
        args: { ...sliceArgs(store, s, o), lane: 'cpu' },
      });
    }
  }
}

/** One arrow per task with a parent, from the parent's first slice to the child's first. */
function flowEvents(
  store: RunStore,
  first: ReadonlyMap<number, FirstSlice>,
  out: TraceEvent[],
): void {
  for (const t of store.tasks.values()) {
    if (t.parent === undefined) continue;
    const from = first.get(t.parent);
    const to = first.get(t.id);
    if (from === undefined || to === undefined || to.ts < from.ts) continue;
    const base = { name: 'spawned', cat: 'task-parent' as const, id: t.id };
    out.push({ ph: 's', ...base, ts: from.ts, pid: from.pid, tid: from.tid });
    out.push({ ph: 'f', ...base, bp: 'e', ts: to.ts, pid: to.pid, tid: to.tid });
  }
}
