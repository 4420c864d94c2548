// A Python run written to a file names its script and runtime only, never the scenario and model
// the app files it under; the file reads back as that Python run (trace and run file alike), and
// a trace written before Python runs said so is still read, its script winning.
import { describe, expect, it } from 'vitest';
import type { RunMeta, RunSummary } from './events';
import { RunStore } from './run-store';
import { fromChromeTrace, toChromeTrace } from './chrome-trace';
import { pythonFiledParams } from './python';
import { checkRunFile, parseRunFile, toRunFile } from './run-file';
import { runFacts } from './library-save';
import { TEST_MACHINE, testPythonSource } from './test-figures';

const source = testPythonSource('my_script.py');

const meta: RunMeta = {
  runId: 'py-1',
  startedAt: '2026-01-01T00:00:00.000Z',
  // What the engine files a script that is no example under.
  params: pythonFiledParams({ example: undefined, scale: 1, trace: true }),
  source,
  machine: TEST_MACHINE,

  clock: { source: 'CLOCK_MONOTONIC' },
};

function run(): { store: RunStore; summary: RunSummary } {
  const store = new RunStore(meta);
  store.apply({
    kind: 'actor',
    actor: { id: 0, kind: 'thread', label: 'MainThread', pid: 700, tid: 700 },
  });
  store.apply({ kind: 'tasks', tasks: [{ id: 0, label: 'main' }] });
  const summary: RunSummary = {
    status: 'completed',
    wallMs: 1,
    cpuMs: 0,
    coreBusy: [0, 0],
    osBusy: [],
    actors: 1,
    tasks: 1,
    tasksDone: 0,
    slices: 0,
    failures: [],
    clock: meta.clock,
  };
  return { store, summary };
}

describe('a Python run in a file', () => {
  it('names the script and runtime in otherData, and no scenario or model', () => {
    const { store, summary } = run();
    const other = toChromeTrace(store, summary).otherData;
    expect(other).toMatchObject({ source: 'python', python: { script: 'my_script.py' } });
    for (const key of ['scenario', 'model', 'workers', 'params'])
      expect(other).not.toHaveProperty(key);
    expect(JSON.stringify(other)).not.toContain('cpu-bound');
  });

  it('reads its trace back as that Python run', () => {
    const { store, summary } = run();
    const back = fromChromeTrace(JSON.parse(JSON.stringify(toChromeTrace(store, summary))));
    if (!back.ok) throw new Error(back.error);
    expect(back.store.meta?.source?.script).toBe('my_script.py');
    expect(back.store.meta?.source?.runtime).toBe('CPython 3.11.7');
  });

  it('still reads a trace written with a placeholder scenario beside the script', () => {
    const { store, summary } = run();
    const trace = toChromeTrace(store, summary);
    const { source: _discriminant, ...rest } = trace.otherData;
    const old = {
      ...trace,
      otherData: {
        ...rest,
        scenario: 'cpu-bound',
        model: 'sequential',
        workers: 1,
        params: meta.params,
      },
    };
    const back = fromChromeTrace(JSON.parse(JSON.stringify(old)));
    if (!back.ok) throw new Error(back.error);
    expect(back.store.meta?.source?.script).toBe('my_script.py');
  });

  it('keeps its script in a saved run file, and the library lists it by script and runtime', () => {
    const { store, summary } = run();
    const json: unknown = JSON.parse(JSON.stringify(toRunFile(store, summary)));
    const checked = checkRunFile(json);
    if (!checked.ok) throw new Error(checked.error);
    expect(runFacts(checked.file)).toMatchObject({
      scenario: 'my_script.py',
      model: 'CPython 3.11.7',
      workers: 0,
    });
    const opened = parseRunFile(json, 'my.corescope.json');
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.run.store.meta?.source?.script).toBe('my_script.py');
  });
});
