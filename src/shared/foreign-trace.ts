// Opens Chrome Trace Event JSON written by other tools (Perfetto, chrome://tracing, VizTracer…)
// where it maps onto CoreScope's lanes: complete "X" events and "B"/"E" pairs, per pid/tid. Each
// thread becomes an actor; its top-level slices (nested calls are folded into their caller)
// become its timeline, in the state named by `cat` when it is one of ours, else running; a core
// comes from `args.cpu`. Each distinct top-level name becomes a task (up to MAX_TASKS). Events of
// other phases are ignored; malformed ones are skipped and counted, never trusted. A time that is
// not a finite number (a literal like 1e400, or ts + dur past the largest double) refuses the
// whole file: the view would show NaN figures and the run could be neither kept nor saved again.
import { LANE_ACTOR, LANE_TASK, type ActorInfo, type RunMeta, type RunSummary } from './events';
import type { OpenResult } from './loaded-run';
import { RunStore } from './run-store';
import { parseRunParams } from './scenarios';
import { STATE_CODE, isSliceState } from './states';

/** Run ids of imported foreign traces start with this: their params are placeholders. */
const IMPORTED_PREFIX = 'imported-';

/** Whether a run came from another tool's trace (no scenario, model or workers of ours). */
export function isImportedRun(meta: RunMeta): boolean {
  return meta.runId.startsWith(IMPORTED_PREFIX);
}

/**
 * Most events an imported trace may have. A 5 M-event trace froze the page for minutes at 3.3 GB;
 * a million events open in about 12 s on this 2-core machine while it was heavily loaded
 * (load average 20), in the page's worker, with progress and Cancel.
 */
export const MAX_FOREIGN_EVENTS = 1_000_000;
/** How often (in events) the build reports progress. */
const PROGRESS_EVERY = 50_000;
const MAX_TASKS = 64;

/** One event as far as CoreScope reads it; anything else in the event is ignored. */
interface Ev {
  readonly ph: string;
  readonly name?: string;
  readonly cat?: string;
  readonly ts?: number;
  readonly dur?: number;
  readonly pid?: number | string;
  readonly tid?: number | string;
  readonly args?: Readonly<Record<string, unknown>>;
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isId = (v: unknown): v is number | string =>
  (typeof v === 'number' && Number.isInteger(v)) || isText(v, 100);
const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The event, or undefined when a field CoreScope reads is malformed. Written out rather than as a
 * zod schema: a trace holds up to a million events and safeParse cost ~20 µs each here.
 */
function parseEvent(raw: unknown): Ev | undefined {
  if (!isRecord(raw)) return undefined;
  const { ph, name, cat, ts, dur, pid, tid, args } = raw;
  if (!isText(ph, 4)) return undefined;
  if (name !== undefined && !isText(name, 1000)) return undefined;
  if (cat !== undefined && !isText(cat, 1000)) return undefined;
  if (ts !== undefined && !isTime(ts)) return undefined;
  if (dur !== undefined && !(isTime(dur) && dur >= 0)) return undefined;
  if (pid !== undefined && !isId(pid)) return undefined;
  if (tid !== undefined && !isId(tid)) return undefined;
  if (args !== undefined && !isRecord(args)) return undefined;
  return { ph, name, cat, ts, dur, pid, tid, args };
}

interface Interval {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly state: number;
  readonly core: number;
}

interface Thread {
  readonly pid: number;
  readonly tid: number;
  label: string | undefined;
  readonly slices: Interval[];
  readonly open: Ev[];
}

function events(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (typeof json === 'object' && json !== null && 'traceEvents' in json) {
    const list = json.traceEvents;
    if (Array.isArray(list)) return list;
  }
  return undefined;
}

const num = (v: string | number | undefined): number => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
};

/** Which time field of a raw event is a number but not a finite one (JSON's 1e400 is Infinity). */
function nonFiniteTime(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const bad = (v: unknown): boolean => typeof v === 'number' && !Number.isFinite(v);
  if ('ts' in raw && bad(raw.ts)) return 'ts';
  if ('dur' in raw && bad(raw.dur)) return 'dur';
  return undefined;
}

function timeError(index: number, field: string): string {
  return `event ${index} has a time that is not a finite number (${field}): refusing the trace`;
}

function intervalOf(ev: Ev, start: number, end: number): Interval {
  const cat = ev.cat ?? '';
  const cpu = ev.args?.['cpu'];
  return {
    start,
    end,
    name: ev.name ?? 'slice',
    state: isSliceState(cat) ? STATE_CODE[cat] : STATE_CODE.running,
    core: typeof cpu === 'number' && Number.isInteger(cpu) && cpu >= 0 && cpu < 4096 ? cpu : -1,
  };
}

export function fromForeignTrace(
  json: unknown,
  name: string,
  onProgress?: (done: number, total: number) => void,
): OpenResult {
  const list = events(json);
  if (list === undefined) {
    return {
      ok: false,
      error: 'not a Chrome trace: expected a traceEvents list or an array of events',
    };
  }
  if (list.length > MAX_FOREIGN_EVENTS) {
    return {
      ok: false,
      error: `trace too large: ${list.length} events (CoreScope shows at most ${MAX_FOREIGN_EVENTS})`,
    };
  }
  const threads = new Map<string, Thread>();
  const threadOf = (ev: Ev): Thread => {
    const pid = num(ev.pid);
    const tid = num(ev.tid);
    const key = `${pid}:${tid}`;
    let t = threads.get(key);
    if (t === undefined) {
      t = { pid, tid, label: undefined, slices: [], open: [] };
      threads.set(key, t);
    }
    return t;
  };
  let skipped = 0;
  for (const [index, raw] of list.entries()) {
    if (onProgress !== undefined && index % PROGRESS_EVERY === 0) onProgress(index, list.length);
    const overflow = nonFiniteTime(raw);
    if (overflow !== undefined) return { ok: false, error: timeError(index, overflow) };
    const ev = parseEvent(raw);
    if (ev === undefined) {
      skipped++;
      continue;
    }
    if (ev.ph === 'M' && ev.name === 'thread_name') {
      const label = ev.args?.['name'];
      if (typeof label === 'string') threadOf(ev).label = label.slice(0, 200);
    } else if (ev.ph === 'X' && ev.ts !== undefined) {
      const end = ev.ts + (ev.dur ?? 0);
      if (!Number.isFinite(end)) return { ok: false, error: timeError(index, 'ts + dur') };
      threadOf(ev).slices.push(intervalOf(ev, ev.ts, end));
    } else if (ev.ph === 'B' && ev.ts !== undefined) {
      threadOf(ev).open.push(ev);
    } else if (ev.ph === 'E' && ev.ts !== undefined) {
      const begin = threadOf(ev).open.pop();
      if (begin?.ts !== undefined && ev.ts >= begin.ts)
        threadOf(ev).slices.push(intervalOf(begin, begin.ts, ev.ts));
    }
  }
  const used = [...threads.values()].filter((t) => t.slices.length > 0);
  if (used.length === 0) {
    return { ok: false, error: 'no complete (X) events or B/E pairs to show in this trace' };
  }
  let first = Infinity;
  let last = -Infinity;
  for (const t of used)
    for (const s of t.slices) {
      first = Math.min(first, s.start);
      last = Math.max(last, s.end);
    }
  if (!Number.isFinite(last - first)) {
    return { ok: false, error: 'its events span more time than a number can hold' };
  }
  return { ok: true, run: build(used, name, skipped) };
}

/** Keeps each thread's top-level intervals: an interval inside an earlier one is a nested call. */
function topLevel(slices: Interval[]): Interval[] {
  slices.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Interval[] = [];
  let end = -Infinity;
  for (const s of slices) {
    if (s.start < end) continue;
    out.push(s);
    end = s.end;
  }
  return out;
}

function build(threads: readonly Thread[], name: string, skipped: number) {
  let origin = Infinity;
  for (const t of threads) for (const s of t.slices) origin = Math.min(origin, s.start);
  const taskIds = new Map<string, number>();
  const columns: number[] = [];
  const actors: ActorInfo[] = [];
  let maxCore = -1;
  threads.forEach((t, id) => {
    actors.push({
      id,
      kind: 'thread',
      label: t.label ?? `pid ${t.pid} tid ${t.tid}`,
      pid: t.pid,
      tid: t.tid,
    });
    for (const s of topLevel(t.slices)) {
      let task = taskIds.get(s.name);
      if (task === undefined && taskIds.size < MAX_TASKS) {
        task = taskIds.size;
        taskIds.set(s.name, task);
      }
      const a = s.start - origin;
      const b = s.end - origin;
      maxCore = Math.max(maxCore, s.core);
      columns.push(LANE_ACTOR, id, task ?? -1, s.state, s.core, a, b);
      if (task !== undefined) columns.push(LANE_TASK, id, task, s.state, -1, a, b);
    }
  });
  const params = parseRunParams({ scenario: 'cpu-bound', model: 'sequential', workers: 1 }, 1);
  if (!params.ok) throw new Error(params.error);
  const meta: RunMeta = {
    runId: `${IMPORTED_PREFIX}${name}`.slice(0, 100),
    params: params.params,
    startedAt: new Date(0).toISOString(),
    clock: { source: 'imported trace' },
    machine: {
      cpuModel: 'unknown (imported trace)',
      logicalCores: maxCore + 1,
      platform: 'unknown',
      release: '',
      arch: '',
      totalMemoryGiB: 0,
      runtime: 'imported',
      coresObservable: maxCore >= 0,
      coresNote:
        maxCore >= 0
          ? 'cores come from the args.cpu of the imported events.'
          : 'the imported trace names no cores (no args.cpu).',
    },
  };
  const store = new RunStore(meta);
  for (const actor of actors) store.apply({ kind: 'actor', actor });
  store.apply({ kind: 'tasks', tasks: [...taskIds].map(([label, id]) => ({ id, label })) });
  store.appendSlices(Float64Array.from(columns));
  for (const id of taskIds.values()) store.apply({ kind: 'task-done', task: id, tUs: store.endUs });
  const summary: RunSummary = {
    status: 'completed',
    wallMs: store.endUs / 1000,
    cpuMs: store.cpuMs(),
    coreBusy: store.coreBusy(maxCore + 1, store.endUs),
    osBusy: [],
    actors: actors.length,
    tasks: taskIds.size,
    tasksDone: taskIds.size,
    slices: store.sliceCount,
    failures: skipped > 0 ? [{ reason: `${skipped} malformed event(s) were skipped` }] : [],
    clock: meta.clock,
  };
  return { store, summary, source: 'foreign-trace' as const, name };
}
