// Reads a CoreScope trace file back into a RunStore and summary: the inverse of toChromeTrace.
// Untrusted input: validated with the trace schema, and any problem is one line naming where.
import {
  LANE_ACTOR,
  LANE_TASK,
  type ActorInfo,
  type RunMeta,
  type RunSummary,
  type TaskInfo,
} from './events';
import { RunStore } from './run-store';
import { parseRunParams } from './scenarios';
import { pythonFiledParams } from './python';
import { STATE_CODE } from './states';
import { ChromeTraceSchema, type TraceEvent } from './chrome-trace-schema';
import { zodProblem } from './zod-format';

export type ImportResult =
  | { readonly ok: true; readonly store: RunStore; readonly summary: RunSummary }
  | { readonly ok: false; readonly error: string };

type SliceEvent = Extract<TraceEvent, { ph: 'X' | 'b' | 'e' }>;

export function fromChromeTrace(json: unknown): ImportResult {
  const parsed = ChromeTraceSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: `not a CoreScope trace: ${zodProblem(parsed.error)}` };
  }
  const { traceEvents, otherData: d } = parsed.data;
  // A Python run's file names its script only; the app files it under the parameters its
  // example demonstrates (or a neutral placeholder), rebuilt here as the engine built them.
  const params =
    d.source === 'python'
      ? {
          ok: true as const,
          params: pythonFiledParams({
            example: d.python.example,
            scale: d.python.scale,
            trace: true,
          }),
        }
      : parseRunParams(d.params, Math.max(1, d.logicalCores));
  if (!params.ok)
    return { ok: false, error: `not a CoreScope trace: otherData.params: ${params.error}` };
  const meta: RunMeta = {
    runId: d.runId,
    params: params.params,
    ...(d.python !== undefined ? { source: d.python } : {}),
    startedAt: d.startedAt,
    clock: d.clock,
    machine: {
      cpuModel: d.cpuModel,
      logicalCores: d.logicalCores,
      platform: d.platform,
      release: d.release,
      arch: d.arch,
      totalMemoryGiB: d.totalMemoryGiB,
      runtime: d.runtime,
      coresObservable: d.coresObservable,
      coresNote: d.coresNote,
    },
  };
  const store = new RunStore(meta);

  // Actors: one per thread_name event; `args.actor` keeps our ids, foreign files get new ones.
  const byThread = new Map<string, number>();
  let nextId = 0;
  for (const ev of traceEvents) {
    if (ev.ph !== 'M' || ev.name !== 'thread_name' || ev.tid === undefined) continue;
    if (ev.args.cpus === true) continue; // the per-core threads: derived from actor slices
    const id = ev.args.actor ?? nextId;
    nextId = Math.max(nextId, id + 1);
    const actor: ActorInfo = {
      id,
      kind: ev.args.kind ?? 'thread',
      label: (ev.args.name ?? `thread ${ev.tid}`).replace(/ \(thread id unknown\)$/, ''),
      pid: ev.pid,
      // Version 2 keeps the OS thread id in args (tids are small); version 1 used it as the tid.
      tid: ev.args.osTid ?? (d.formatVersion === 1 && ev.tid > 0 ? ev.tid : 0),
    };
    byThread.set(`${ev.pid}:${ev.tid}`, id);
    store.apply({ kind: 'actor', actor });
  }

  // Tasks: named by their events; parents travel in args.
  const tasks = new Map<number, TaskInfo>(d.idleTasks.map((t) => [t.id, t]));
  const actorOf = (ev: SliceEvent): number | undefined =>
    ev.args.actor ?? byThread.get(`${ev.pid}:${ev.tid}`);
  const slices: number[] = [];
  const open = new Map<string, SliceEvent>();
  for (const ev of traceEvents) {
    if (ev.ph === 'M' || ev.ph === 's' || ev.ph === 'f') continue;
    if (ev.ph === 'X' && ev.args.lane === 'cpu') continue;
    const actor = actorOf(ev);
    if (actor === undefined) {
      return { ok: false, error: `not a CoreScope trace: event on unnamed thread ${ev.tid}` };
    }
    const task = ev.ph === 'X' ? ev.args.task : ev.id;
    if (task !== undefined && ev.ph !== 'e' && !tasks.has(task)) {
      const parent = ev.args.parent;
      tasks.set(task, { id: task, label: ev.name, ...(parent !== undefined ? { parent } : {}) });
    }
    const core = ev.args.cpu ?? -1;
    if (ev.ph === 'X' && !Number.isFinite(ev.ts + ev.dur)) {
      // Each is finite (the schema says so), but their sum can still pass the largest double.
      return { ok: false, error: `not a CoreScope trace: event ${ev.name}: ts + dur overflows` };
    }
    if (ev.ph === 'X') {
      const t = task ?? -1;
      slices.push(LANE_ACTOR, actor, t, STATE_CODE[ev.cat], core, ev.ts, ev.ts + ev.dur);
    } else if (ev.ph === 'b') {
      open.set(`${ev.id}|${ev.cat}`, ev);
    } else {
      const key = `${ev.id}|${ev.cat}`;
      const begin = open.get(key);
      if (begin === undefined) continue; // an end without a begin: nothing to draw
      open.delete(key);
      const c = begin.args.cpu ?? -1;
      slices.push(
        LANE_TASK,
        actorOf(begin) ?? actor,
        ev.id,
        STATE_CODE[ev.cat],
        c,
        begin.ts,
        ev.ts,
      );
    }
  }
  store.apply({ kind: 'tasks', tasks: [...tasks.values()].sort((a, b) => a.id - b.id) });
  store.appendSlices(Float64Array.from(slices));
  for (const o of d.osSamples) store.apply({ kind: 'os', tUs: o.tUs, busy: o.busy });
  for (const [task, tUs] of d.taskDone) store.apply({ kind: 'task-done', task, tUs });
  for (const f of d.failures) store.apply({ kind: 'failure', tUs: 0, ...f });

  const summary: RunSummary = {
    status: d.status,
    wallMs: d.wallMs,
    ...(d.hostStartMs !== undefined ? { hostStartMs: d.hostStartMs } : {}),
    ...(d.observer !== undefined ? { observer: d.observer } : {}),
    cpuMs: d.cpuMs,
    coreBusy: d.coreBusy,
    osBusy: d.osBusy,
    actors: d.actors,
    tasks: d.tasks,
    tasksDone: d.tasksDone,
    slices: d.slices,
    failures: d.failures,
    clock: d.clock,
  };
  return { ok: true, store, summary };
}
