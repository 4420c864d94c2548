import { describe, expect, it } from 'vitest';
import { isPooled, runLabel, workersLabel } from './run-label';

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
});
