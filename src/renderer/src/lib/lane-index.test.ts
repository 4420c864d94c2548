import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../shared/run-store';
import { LaneIndex } from './lane-index';
import { actorKey } from './palette';
import { sliceData } from './test-helpers';

describe('LaneIndex', () => {
  it('splits slices into core, actor and task lanes incrementally', () => {
    const store = new RunStore();
    const index = new LaneIndex(2);
    store.apply({
      kind: 'slices',
      data: sliceData([
        [0, 1, 0, 0, 1, 0, 100], // actor 1 running task 0 on core 1
        [0, 2, -1, 6, -1, 0, 50], // actor 2 spawning
        [1, 1, 0, 0, 1, 0, 100], // task 0's own lane
      ]),
    });
    expect(index.ingest(store)).toBe(3);
    expect(index.cores[1]?.count).toBe(1);
    expect(index.cores[1]?.keys[0]).toBe(actorKey(1));
    expect(index.cores[0]?.count).toBe(0);
    expect(index.actors.get(2)?.keys[0]).toBe(6);
    expect(index.tasks.get(0)?.count).toBe(1);
    expect(index.coreSlices).toEqual([0, 1]);

    store.apply({ kind: 'slices', data: sliceData([[0, 2, 1, 0, 3, 50, 80]]) });
    expect(index.ingest(store)).toBe(1);
    expect(index.cores.length).toBe(4); // a core beyond the machine's count still gets a lane
    expect(index.coreSlices).toEqual([0, 1, 0, 1]);
    expect(index.ingest(store)).toBe(0);
  });

  it('lists declared actors and tasks without slices', () => {
    const index = new LaneIndex(1);
    expect(index.actorLanes([3, 1]).map((l) => l.id)).toEqual([1, 3]);
    expect(index.taskLanes([2, 0, 1]).map((l) => l.id)).toEqual([0, 1, 2]);
  });
});
