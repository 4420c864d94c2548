import { describe, expect, it } from 'vitest';
import {
  isPooled,
  poolLabel,
  runLabel,
  runTitle,
  runWorkload,
  workersLabel,
  workloadLabel,
} from './run-label';
import { testMeta } from './test-figures';

describe('run labels', () => {
  it('gives pooled models a worker count and the others none', () => {
    expect(isPooled('processes')).toBe(true);
    expect(isPooled('gil-threads')).toBe(true);
    expect(isPooled('sequential')).toBe(false);
    expect(isPooled('async')).toBe(false);
    expect(workersLabel('threads', 1)).toBe('1 worker');
    expect(workersLabel('threads', 4)).toBe('4 workers');
    expect(workersLabel('async', 2)).toBe('one thread');
  });

  it('names a run in one line', () => {
    const base = { scenario: 'cpu-bound', tasks: 4, workers: 2 } as const;
    expect(runLabel({ ...base, model: 'processes' })).toBe(
      'cpu-bound · processes · 2 workers · 4 tasks',
    );
    expect(runLabel({ ...base, model: 'sequential' })).toBe(
      'cpu-bound · sequential · one thread · 4 tasks',
    );
    expect(runLabel({ ...base, model: 'async', tasks: 1 }, true)).toBe(
      'cpu-bound · async · one thread · 1 task',
    );
    expect(runLabel({ ...base, model: 'threads' }, false)).toBe('cpu-bound · threads · 2 workers');
  });

  it('shows workers only for pooled models', () => {
    expect(poolLabel('threads', 4)).toBe('threads × 4');
    expect(poolLabel('async', 4)).toBe('async');
    expect(poolLabel('processes', 0)).toBe('processes');
    expect(poolLabel('CPython 3.11.7', 2)).toBe('CPython 3.11.7');
  });

  it('names the workload a library row and title show: model runs and Python scripts apart', () => {
    const params = { scenario: 'cpu-bound', model: 'processes', workers: 2, tasks: 4 };
    const python = { script: 'cpu_threads.py', runtime: 'CPython 3.11.7' };
    expect(workloadLabel(runWorkload(params, undefined))).toBe('cpu-bound · processes × 2');
    expect(workloadLabel(runWorkload(params, python))).toBe('cpu_threads.py · CPython 3.11.7');
    expect(runWorkload({ workers: -1 }, undefined)).toEqual({
      scenario: '',
      model: '',
      workers: 0,
    });
    expect(runTitle(testMeta('threads', 2))).toBe('cpu-bound · threads · 2 workers');
    expect(runTitle({ ...testMeta('gil-threads', 2), source: python })).toBe(
      'cpu_threads.py · CPython 3.11.7',
    );
  });
});
