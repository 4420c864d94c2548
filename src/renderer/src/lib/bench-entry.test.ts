import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../shared/run-store';
import { prepareRun } from './bench-entry';
import { sliceData } from './test-helpers';

describe('prepareRun', () => {
  it('lays out core, actor and task lanes of a store', () => {
    const store = new RunStore();
    store.apply({
      kind: 'slices',
      data: sliceData([
        [0, 0, 0, 0, 1, 0, 10],
        [1, 0, 0, 0, 1, 0, 10],
      ]),
    });
    const run = prepareRun(store, 2);
    expect(run.cores.rows.map((r) => r.label)).toEqual(['CPU 0', 'CPU 1']);
    expect(run.actors.rows.length).toBe(1);
    expect(run.tasks.rows.length).toBe(1);
    expect(run.index.coreSlices).toEqual([0, 1]);
  });
});
