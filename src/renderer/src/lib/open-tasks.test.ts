import { describe, expect, it } from 'vitest';
import { LANE_ACTOR, LANE_TASK } from '../../../shared/events';
import { RunStore } from '../../../shared/run-store';
import { STATE_CODE } from '../../../shared/states';
import { OpenTasks } from './open-tasks';
import { sliceData } from './test-helpers';

const { running, preempted } = STATE_CODE;

describe('OpenTasks', () => {
  it('a task its thread serves is open from its first slice until its own lane has it', () => {
    const store = new RunStore();
    const open = new OpenTasks(store);
    // Thread 0 runs task 3 from 100 µs, is preempted, runs again; task 5 has not started.
    store.apply({
      kind: 'slices',
      data: sliceData([
        [LANE_ACTOR, 0, 3, running, 0, 100, 400],
        [LANE_ACTOR, 0, 3, preempted, -1, 400, 500],
        [LANE_ACTOR, 0, 3, running, 1, 500, 900],
      ]),
    });
    open.ingest();
    expect(open.bars()).toEqual([{ task: 3, fromUs: 100 }]);
    // The task's own slice arrives at its end, and the task is done: nothing open.
    store.apply({ kind: 'slices', data: sliceData([[LANE_TASK, 0, 3, running, -1, 100, 900]]) });
    store.apply({ kind: 'task-done', task: 3, tUs: 900 });
    open.ingest();
    expect(open.bars()).toEqual([]);
  });

  it('after a task-lane slice, the open part starts at its end; a non-running thread closes it', () => {
    const store = new RunStore();
    const open = new OpenTasks(store);
    store.apply({
      kind: 'slices',
      data: sliceData([
        [LANE_ACTOR, 1, 2, running, 0, 0, 200],
        [LANE_TASK, 1, 2, STATE_CODE['io-wait'], -1, 0, 300],
        [LANE_ACTOR, 1, 2, running, 0, 300, 450],
      ]),
    });
    open.ingest();
    expect(open.bars()).toEqual([{ task: 2, fromUs: 300 }]);
    store.apply({
      kind: 'slices',
      data: sliceData([[LANE_ACTOR, 1, 2, STATE_CODE['io-wait'], -1, 450, 600]]),
    });
    open.ingest();
    expect(open.bars()).toEqual([]);
  });
});
