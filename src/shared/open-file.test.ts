// Opening files: run files round-trip exactly, CoreScope traces and foreign traces open, and
// corrupt, truncated, oversized and hostile input is refused with one line.
import { describe, expect, it } from 'vitest';
import type { RunMeta, RunSummary } from './events';
import { toChromeTrace } from './chrome-trace';
import { checkFileSize, MAX_FILE_BYTES, openRunText } from './open-file';
import { RunStore } from './run-store';
import { toRunFile } from './run-file';
import { STATE_CODE } from './states';
import { sliceArrays, TEST_MACHINE } from './test-figures';

const meta: RunMeta = {
  runId: 'r1',
  startedAt: '2026-01-01T00:00:00.000Z',
  params: {
    scenario: 'fib-sleep',
    model: 'async',
    workers: 1,
    tasks: 5,
    size: 3,
    scale: 0.1,
    variant: 'nonblocking',
    trace: true,
  },
  machine: TEST_MACHINE,
  clock: { source: 'CLOCK_MONOTONIC' },
};

function sample(): { store: RunStore; summary: RunSummary } {
  const store = new RunStore(meta);
  store.apply({
    kind: 'actor',
    actor: { id: 0, kind: 'event-loop', label: 'loop', pid: 9, tid: 10 },
  });
  store.apply({
    kind: 'tasks',
    tasks: [
      { id: 0, label: 'fib(3)' },
      { id: 1, label: 'fib(2)', parent: 0 },
    ],
  });
  const r = STATE_CODE.running;
  store.apply({
    kind: 'slices',
    data: Float64Array.from([
      0,
      0,
      0,
      r,
      1,
      0.25,
      10.5,
      0,
      0,
      1,
      r,
      0,
      10.5,
      20.125,
      1,
      0,
      1,
      STATE_CODE.sleeping,
      -1,
      10.5,
      30,
    ]),
  });
  store.apply({ kind: 'os', tUs: 5, busy: [0.5, 0.1] });
  store.apply({ kind: 'task-done', task: 1, tUs: 30 });
  const summary: RunSummary = {
    status: 'completed',
    wallMs: 0.03,
    cpuMs: store.cpuMs(),
    coreBusy: [0, 1],
    osBusy: [0.5, 0.1],
    actors: 1,
    tasks: 2,
    tasksDone: 1,
    slices: 3,
    failures: [],
    clock: meta.clock,
  };
  return { store, summary };
}

describe('run files', () => {
  it('reopen to the identical run, at full precision, with the saved view', () => {
    const { store, summary } = sample();
    const text = JSON.stringify(toRunFile(store, summary, { t0: 5, t1: 25 }));
    const r = openRunText(text, 'a.corescope.json');
    if (!r.ok) throw new Error(r.error);
    expect(r.run.source).toBe('run-file');
    expect(r.run.view).toEqual({ t0: 5, t1: 25 });
    expect(Array.from(r.run.store.slices)).toEqual(Array.from(store.slices));
    expect(r.run.store.meta).toEqual(meta);
    expect([...r.run.store.tasks.values()]).toEqual([...store.tasks.values()]);
    expect(r.run.store.os).toEqual(store.os);
    expect(r.run.summary).toEqual(summary);
  });

  it('refuse impossible slices', () => {
    const { store, summary } = sample();
    const file = toRunFile(store, summary);
    const bad = { ...file, slices: [0, 0, 0, 99, 0, 0, 1] };
    const r = openRunText(JSON.stringify(bad), 'bad.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/slice 0 is malformed/);
  });
});

describe('CoreScope traces', () => {
  it('open as runs', () => {
    const { store, summary } = sample();
    const r = openRunText(JSON.stringify(toChromeTrace(store, summary)), 't.json');
    if (!r.ok) throw new Error(r.error);
    expect(r.run.source).toBe('corescope-trace');
    expect(r.run.store.sliceCount).toBe(3);
  });
});

describe('foreign traces', () => {
  it('map X events and B/E pairs per pid/tid onto actor and task lanes', () => {
    const trace = {
      traceEvents: [
        { ph: 'M', name: 'thread_name', pid: 1, tid: 7, args: { name: 'main' } },
        { ph: 'X', name: 'parse', ts: 1000, dur: 50, pid: 1, tid: 7, args: { cpu: 3 } },
        { ph: 'X', name: 'inner', ts: 1010, dur: 10, pid: 1, tid: 7 },
        { ph: 'B', name: 'io', cat: 'io-wait', ts: 1100, pid: 1, tid: 8 },
        { ph: 'E', ts: 1150, pid: 1, tid: 8 },
        { ph: 'C', name: 'counter', ts: 1, pid: 1, args: { v: 1 } },
        { ph: 'X', ts: 'soon', pid: 1, tid: 7 },
      ],
    };
    const r = openRunText(JSON.stringify(trace), 'other.json');
    if (!r.ok) throw new Error(r.error);
    const { store, summary } = r.run;
    expect(r.run.source).toBe('foreign-trace');
    expect([...store.actors.values()].map((a) => a.label)).toEqual(['main', 'pid 1 tid 8']);
    expect([...store.tasks.values()].map((t) => t.label)).toEqual(['parse', 'io']);
    expect(sliceArrays(store.slices)).toEqual([
      [0, 0, 0, STATE_CODE.running, 3, 0, 50],
      [1, 0, 0, STATE_CODE.running, -1, 0, 50],
      [0, 1, 1, STATE_CODE['io-wait'], -1, 100, 150],
      [1, 1, 1, STATE_CODE['io-wait'], -1, 100, 150],
    ]);
    expect(store.meta?.machine.logicalCores).toBe(4);
    expect(summary.failures[0]?.reason).toMatch(/1 malformed event/);
  });

  it('accept the array form', () => {
    const r = openRunText(
      JSON.stringify([{ ph: 'X', name: 'a', ts: 0, dur: 5, pid: 1, tid: 1 }]),
      'x',
    );
    expect(r.ok).toBe(true);
  });
});

describe('bad files', () => {
  const cases: [string, string, RegExp][] = [
    ['corrupt', '{"traceEvents": [', /not valid JSON/],
    [
      'truncated run file',
      JSON.stringify({ format: 'corescope-run', version: 1 }),
      /not a valid CoreScope run file/,
    ],
    ['not a trace', '"hello"', /not a Chrome trace/],
    ['no slices', '{"traceEvents":[{"ph":"C","ts":1}]}', /no complete \(X\) events/],
    ['empty', '', /is empty/],
    [
      'hostile',
      '{"__proto__":{"polluted":1},"traceEvents":[{"ph":"X","ts":1e400,"pid":1,"tid":1}]}',
      /event 0 has a time that is not a finite number \(ts\)/,
    ],
    // Each number is finite; their sum (or the span from first to last) is not.
    [
      'ts + dur past the largest double',
      '{"traceEvents":[{"ph":"X","name":"a","ts":1e308,"dur":1e308,"pid":1,"tid":1}]}',
      /event 0 has a time that is not a finite number \(ts \+ dur\)/,
    ],
    [
      'a span past the largest double',
      JSON.stringify([
        { ph: 'X', name: 'a', ts: -1.7e308, dur: 1, pid: 1, tid: 1 },
        { ph: 'X', name: 'b', ts: 1.7e308, dur: 1, pid: 1, tid: 1 },
      ]),
      /span more time than a number can hold/,
    ],
    ['a dur of 1e400', '[{"ph":"X","name":"a","ts":0,"dur":1e400,"pid":1,"tid":1}]', /\(dur\)/],
  ];
  for (const [what, text, error] of cases) {
    it(`refuse ${what} with one line`, () => {
      const r = openRunText(text, 'f.json');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(error);
        expect(r.error).not.toContain('\n');
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }

  it('refuse a CoreScope trace whose ts + dur overflows', () => {
    const { store, summary } = sample();
    const trace = toChromeTrace(store, summary);
    const events = trace.traceEvents.map((e) =>
      e.ph === 'X' && e.name === 'fib(3)' ? { ...e, ts: 1e308, dur: 1e308 } : e,
    );
    const text = JSON.stringify({ ...trace, traceEvents: events });
    expect(text).toContain('"ts":1e+308,"dur":1e+308');
    const r = openRunText(text, 't.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Cannot open t\.json: .*ts \+ dur overflows$/);
  });

  it('refuse a run file whose slices span past the largest double', () => {
    const { store, summary } = sample();
    const file = toRunFile(store, summary);
    const r0 = STATE_CODE.running;
    const bad = { ...file, slices: [0, 0, 0, r0, 0, -1.7e308, 0, 0, 0, 0, r0, 0, 0, 1.7e308] };
    const r = openRunText(JSON.stringify(bad), 'r.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/span more time than a number can hold/);
  });

  it('refuse oversized files before reading them', () => {
    expect(checkFileSize(MAX_FILE_BYTES + 1, 'big.json')).toMatch(/too large.*at most 500 MB/);
    expect(checkFileSize(10, 'ok.json')).toBeUndefined();
  });
});
