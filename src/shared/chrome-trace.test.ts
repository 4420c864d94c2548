// Trace export and import on a synthetic run: structure, no overlap per thread, round trip.
import { describe, expect, it } from 'vitest';
import { SLICE_STRIDE, type RunMeta, type RunSummary } from './events';
import { RunStore } from './run-store';
import { STATE_CODE, type SliceState } from './states';
import { fromChromeTrace, toChromeTrace, type TraceEvent } from './chrome-trace';
import { sliceArrays } from './test-figures';

const meta: RunMeta = {
  runId: 'run-1',
  startedAt: '2026-01-01T00:00:00.000Z',
  params: {
    scenario: 'downloads',
    model: 'threads',
    workers: 2,
    tasks: 3,
    size: 16,
    scale: 0.5,
    variant: 'nonblocking',
    trace: true,
  },
  machine: {
    cpuModel: 'Test CPU',
    logicalCores: 2,
    platform: 'linux',
    release: '6.1',
    arch: 'x64',
    totalMemoryGiB: 8,
    runtime: 'node 20',
    coresObservable: true,
    coresNote: 'read from /proc/thread-self/stat',
  },
  clock: { source: 'CLOCK_MONOTONIC', maxOffsetUs: 3 },
};

type Slice = [
  lane: 0 | 1,
  actor: number,
  task: number,
  state: SliceState,
  core: number,
  s: number,
  e: number,
];

function makeStore(slices: readonly Slice[]): RunStore {
  const store = new RunStore(meta);
  store.apply({
    kind: 'actor',
    actor: { id: 0, kind: 'thread', label: 'worker 0', pid: 500, tid: 501 },
  });
  store.apply({
    kind: 'actor',
    actor: { id: 1, kind: 'thread', label: 'worker 1', pid: 500, tid: 502 },
  });
  store.apply({
    kind: 'actor',
    actor: { id: 2, kind: 'process', label: 'process 1', pid: 600, tid: 600 },
  });
  store.apply({
    kind: 'tasks',
    tasks: [
      { id: 0, label: 'download 0' },
      { id: 1, label: 'download 1', parent: 0 },
      { id: 2, label: 'download 2' },
      { id: 3, label: 'never ran' },
    ],
  });
  const data = new Float64Array(slices.length * SLICE_STRIDE);
  slices.forEach(([lane, actor, task, state, core, s, e], i) =>
    data.set([lane, actor, task, STATE_CODE[state], core, s, e], i * SLICE_STRIDE),
  );
  store.apply({ kind: 'slices', data });
  store.apply({ kind: 'os', tUs: 100, busy: [0.5, 0.25] });
  store.apply({ kind: 'task-done', task: 0, tUs: 300 });
  store.apply({ kind: 'failure', actor: 2, tUs: 400, reason: 'exited with code 1' });
  return store;
}

const integerSlices: Slice[] = [
  [0, 0, -1, 'spawning', -1, 0, 20],
  [0, 0, 0, 'running', 1, 20, 50],
  [0, 0, 0, 'io-wait', -1, 50, 150],
  [0, 0, 0, 'running', 0, 150, 300],
  [0, 1, 1, 'running', 0, 25, 80],
  [0, 1, 1, 'preempted', -1, 80, 90],
  [0, 2, 2, 'running', 1, 10, 200],
  [1, 0, 0, 'running', 1, 20, 50],
  [1, 0, 0, 'io-wait', -1, 50, 150],
  [1, 1, 1, 'running', 0, 25, 80],
  [1, 2, 2, 'running', 1, 10, 200],
];

function summaryOf(store: RunStore): RunSummary {
  return {
    status: 'failed',
    wallMs: 0.3,
    cpuMs: store.cpuMs(),
    coreBusy: store.coreBusy(2, 300),
    osBusy: store.osBusy(),
    actors: store.actors.size,
    tasks: store.tasks.size,
    tasksDone: store.tasksDone.size,
    slices: store.sliceCount,
    failures: [...store.failures],
    clock: meta.clock,
  };
}

const ofPhase = <P extends TraceEvent['ph']>(events: readonly TraceEvent[], ph: P) =>
  events.filter((e): e is Extract<TraceEvent, { ph: P }> => e.ph === ph);

/** Slices as sortable strings, for comparing stores regardless of order. */
function sliceRows(store: RunStore): string[] {
  return sliceArrays(store.slices)
    .map((r) => r.join(','))
    .sort();
}

describe('toChromeTrace', () => {
  const store = makeStore(integerSlices);
  const trace = toChromeTrace(store, summaryOf(store));

  it('writes each thread state as X events on real OS pids and tids, with task and cpu', () => {
    const xs = ofPhase(trace.traceEvents, 'X').filter((x) => x.args.lane !== 'cpu');
    expect(xs).toHaveLength(7);
    for (const x of xs.filter((e) => e.cat === 'running')) {
      expect(x.args.task).toBeTypeOf('number');
      expect(x.args.cpu).toBeTypeOf('number');
    }
    const first = xs.find((x) => x.cat === 'running' && x.tid === 501);
    expect(first).toMatchObject({
      name: 'download 0',
      pid: 500,
      ts: 20,
      dur: 30,
      args: { task: 0, cpu: 1 },
    });
    expect(xs.find((x) => x.cat === 'spawning')).toMatchObject({ name: 'spawning', tid: 501 });
    expect(xs.find((x) => x.tid === 600)).toMatchObject({ pid: 600, name: 'download 2' });
  });

  it('writes each task state as a b/e pair with the task id and parent', () => {
    const bs = ofPhase(trace.traceEvents, 'b');
    const es = ofPhase(trace.traceEvents, 'e');
    expect(bs).toHaveLength(4);
    expect(es).toHaveLength(4);
    expect(bs.find((b) => b.id === 1)).toMatchObject({
      name: 'download 1',
      cat: 'running',
      pid: 500,
      tid: 502,
      ts: 25,
      args: { task: 1, parent: 0 },
    });
    expect(es.find((e) => e.id === 1)).toMatchObject({ ts: 80, cat: 'running' });
  });

  it('names every process and thread', () => {
    const ms = ofPhase(trace.traceEvents, 'M');
    const threads = ms
      .filter((m) => m.name === 'thread_name')
      .map((m) => [m.pid, m.tid, m.args.name, m.args.osTid]);
    expect(threads).toEqual([
      [500, 501, 'worker 0', 501],
      [500, 502, 'worker 1', 502],
      [600, 600, 'process 1', 600],
      [601, 602, 'CPU 0', undefined],
      [601, 603, 'CPU 1', undefined],
    ]);
    const procs = ms.filter((m) => m.name === 'process_name').map((m) => [m.pid, m.args.name]);
    expect(procs).toEqual([
      [500, 'CoreScope downloads (threads)'],
      [600, 'process 1'],
      [601, 'CPUs'],
    ]);
    expect(ms.filter((m) => m.name === 'thread_sort_index')).toHaveLength(5);
  });

  it('copies running slices onto one "CPUs" thread per core, nested per thread', () => {
    const cpu = ofPhase(trace.traceEvents, 'X').filter((x) => x.args.lane === 'cpu');
    expect(cpu.map((x) => [x.tid, x.ts, x.dur, x.name])).toEqual([
      [602, 25, 55, 'worker 1'],
      [602, 150, 150, 'worker 0'],
      [603, 10, 190, 'process 1'],
      [603, 200, 0, 'worker 0'], // overlapped process 1 on core 1: clamped to stay nested
    ]);
    expect(new Set(cpu.map((x) => x.pid))).toEqual(new Set([601]));
  });

  it('draws task parents as flow arrows from the parent first slice to the child', () => {
    const s = ofPhase(trace.traceEvents, 's');
    const f = ofPhase(trace.traceEvents, 'f');
    expect(s).toEqual([
      { ph: 's', name: 'spawned', cat: 'task-parent', id: 1, ts: 20, pid: 500, tid: 501 },
    ]);
    expect(f).toEqual([
      { ph: 'f', name: 'spawned', cat: 'task-parent', id: 1, bp: 'e', ts: 25, pid: 500, tid: 502 },
    ]);
  });

  it('carries the run in otherData', () => {
    expect(trace.otherData).toMatchObject({
      scenario: 'downloads',
      model: 'threads',
      workers: 2,
      params: meta.params,
      status: 'failed',
      wallMs: 0.3,
      cpuModel: 'Test CPU',
      logicalCores: 2,
      platform: 'linux',
      coresObservable: true,
      clock: { source: 'CLOCK_MONOTONIC' },
      failures: [{ actor: 2, reason: 'exited with code 1' }],
      idleTasks: [{ id: 3, label: 'never ran' }],
    });
  });

  it('never overlaps X events on one thread, even when rounding or input would', () => {
    const messy = makeStore([
      [0, 0, 0, 'running', 0, 0.4, 10.6],
      [0, 0, 0, 'io-wait', -1, 10.4, 10.45], // overlaps, and shrinks to nothing once clamped
      [0, 0, 0, 'running', 1, 10.5, 20.49],
      [0, 0, 0, 'sleeping', -1, 20.49, 20.51],
      [0, 1, 1, 'running', 0, 3.3, 4.4],
      [0, 1, 1, 'running', 1, 4.4, 4.6],
    ]);
    const xs = ofPhase(toChromeTrace(messy, summaryOf(messy)).traceEvents, 'X');
    expect(xs.filter((x) => x.args.lane !== 'cpu')).toHaveLength(6);
    const byTid = new Map<string, typeof xs>();
    for (const x of xs)
      byTid.set(`${x.pid}:${x.tid}`, [...(byTid.get(`${x.pid}:${x.tid}`) ?? []), x]);
    for (const list of byTid.values()) {
      // In emission order, which viewers keep for equal timestamps (stable sort).
      list.reduce((prevEnd, x) => {
        expect(x.ts).toBeGreaterThanOrEqual(prevEnd);
        return x.ts + x.dur;
      }, -Infinity);
      for (const x of list) {
        expect(Number.isInteger(x.ts) && Number.isInteger(x.dur) && x.dur >= 0).toBe(true);
      }
    }
  });
});

describe('fromChromeTrace', () => {
  it('round-trips a run through JSON text', () => {
    const store = makeStore(integerSlices);
    const summary = summaryOf(store);
    const result = fromChromeTrace(JSON.parse(JSON.stringify(toChromeTrace(store, summary))));
    if (!result.ok) throw new Error(result.error);
    const back = result.store;
    expect(back.meta).toEqual(meta);
    expect([...back.actors.values()]).toEqual([...store.actors.values()]);
    expect([...back.tasks.values()]).toEqual([...store.tasks.values()]);
    expect(sliceRows(back)).toEqual(sliceRows(store));
    expect(back.os).toEqual(store.os);
    expect([...back.tasksDone]).toEqual([...store.tasksDone]);
    expect(back.failures).toEqual(store.failures);
    expect(back.endUs).toBe(store.endUs);
    expect(back.cpuMs()).toBe(store.cpuMs());
    expect(result.summary).toEqual(summary);
  });

  it('rejects what is not a CoreScope trace with one line', () => {
    for (const bad of [undefined, 42, {}, { traceEvents: [] }]) {
      const r = fromChromeTrace(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^not a CoreScope trace: [^\n]*$/);
    }
    const store = makeStore(integerSlices);
    const trace = toChromeTrace(store, summaryOf(store));
    const wrongState = { ...trace, traceEvents: [{ ...trace.traceEvents.at(-1), cat: 'napping' }] };
    const r = fromChromeTrace(wrongState);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('traceEvents.0');
  });
});
