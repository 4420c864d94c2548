// Presentation figures: speedup only against a remembered sequential run of the same work.
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../shared/events';
import type { RunParams } from '../../../shared/params';
import { testMeta } from '../../../shared/test-figures';
import { Baselines, presentFigures, summaryLine } from './present-summary';

const PARAMS: RunParams = {
  scenario: 'cpu-bound',
  model: 'sequential',
  workers: 2,
  tasks: 4,
  size: 200,
  scale: 1,
  variant: 'blocking',
  trace: true,
};

function summary(wallMs: number, cpuMs: number, over: Partial<RunSummary> = {}): RunSummary {
  return {
    status: 'completed',
    wallMs,
    cpuMs,
    coreBusy: [],
    osBusy: [],
    actors: 2,
    tasks: 4,
    tasksDone: 4,
    slices: 10,
    failures: [],
    clock: { source: 'test' },
    ...over,
  };
}

describe('presentFigures', () => {
  it('gives cores busy and tasks when no sequential run is known', () => {
    const f = presentFigures(summary(1000, 1900), { ...PARAMS, model: 'processes' }, undefined);
    expect(f.map((x) => x.text)).toEqual(['1.90 cores busy', '4/4 tasks']);
  });

  it('gives the speedup against the remembered sequential run of the same work', () => {
    const b = new Baselines();
    b.record(PARAMS, summary(2000, 1950), false);
    const procs = { ...PARAMS, model: 'processes' as const, workers: 2 };
    const f = presentFigures(summary(1000, 1900), procs, b.sequentialWallMs(procs));
    expect(f[0]).toMatchObject({ key: 'speedup', text: '2.00× vs sequential (2.00 s)' });
  });

  it('does not compare different work, Python runs, or a failed sequential run', () => {
    const b = new Baselines();
    b.record({ ...PARAMS, size: 100 }, summary(2000, 1950), false);
    b.record(PARAMS, summary(2000, 1950), true);
    b.record(PARAMS, summary(2000, 1950, { status: 'failed' }), false);
    expect(b.sequentialWallMs({ ...PARAMS, model: 'threads' })).toBeUndefined();
  });

  it('names a cancelled run first', () => {
    const f = presentFigures(summary(500, 400, { status: 'cancelled', tasksDone: 1 }), PARAMS, 900);
    expect(f.map((x) => x.key)).toEqual(['status', 'cores', 'tasks']);
    expect(f[2]?.text).toBe('1/4 tasks');
  });
});

describe('summaryLine', () => {
  const python = {
    kind: 'python' as const,
    script: 'cpu_threads.py',
    example: 'cpu_threads.py' as const,
    text: 'import threading\n',
    runtime: 'CPython 3.11.7',
    interpreter: '/usr/bin/python3',
    gil: true,
    note: '',
    scale: 1,
  };

  it('names a model run by the form fields it ran with', () => {
    expect(summaryLine(testMeta('gil-threads', 2), summary(1, 1))).toBe(
      'cpu-bound · gil-threads · 2 workers · 4 tasks',
    );
  });

  it('names a Python run by its script, runtime and trace, never the params it is filed under', () => {
    const meta = { ...testMeta('gil-threads', 2), source: python };
    const line = summaryLine(meta, summary(1, 1, { actors: 3, tasks: 1 }));
    expect(line).toBe('cpu_threads.py · CPython 3.11.7 · traced: 3 actors, 1 task');
    expect(line).not.toContain('gil-threads');
    expect(line).not.toContain('workers');
    expect(line).not.toContain('cpu-bound');
  });

  it('says what an imported trace holds', () => {
    const meta = { ...testMeta('sequential', 1), runId: 'imported-x' };
    expect(summaryLine(meta, summary(1, 1, { actors: 2, tasks: 3 }))).toBe(
      'imported trace · 2 threads · 3 tasks',
    );
  });
});
