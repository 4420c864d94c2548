import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../shared/run-store';
import { sliceInfo } from './slice-info';
import { sliceData } from './test-helpers';

describe('sliceInfo', () => {
  it('names the actor, task, state and core of a slice', () => {
    const store = new RunStore();
    store.apply({
      kind: 'actor',
      actor: { id: 1, kind: 'process', label: 'process 1', pid: 10, tid: 10 },
    });
    store.apply({ kind: 'tasks', tasks: [{ id: 0, label: 'fib(3)' }] });
    store.apply({
      kind: 'slices',
      data: sliceData([
        [0, 1, 0, 0, 2, 100, 350],
        [1, 1, -1, 3, -1, 0, 5],
      ]),
    });
    expect(sliceInfo(store, 0)).toEqual({
      lane: 'actor: process 1',
      actor: 'process 1',
      task: 'fib(3)',
      state: 'running',
      core: 'CPU 2',
      startUs: 100,
      durationUs: 250,
    });
    expect(sliceInfo(store, 1)?.core).toBe('—');
    expect(sliceInfo(store, 1)?.task).toBe('—');
    expect(sliceInfo(store, 1)?.state).toBe('sleeping');
    expect(sliceInfo(store, 2)).toBeUndefined();
  });
});
