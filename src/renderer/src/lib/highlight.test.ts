import { describe, expect, it } from 'vitest';
import { LANE_ACTOR, LANE_TASK } from '../../../shared/events';
import { RunStore } from '../../../shared/run-store';
import { STATE_CODE } from '../../../shared/states';
import { focusOf, focusRects, matchesFocus, sameFocus } from './highlight';
import { LaneIndex } from './lane-index';
import { layoutLanes } from './lanes';
import { sliceData } from './test-helpers';

const R = STATE_CODE.running;

function fixture() {
  const store = new RunStore();
  store.appendSlices(
    sliceData([
      [LANE_ACTOR, 0, 0, R, 0, 0, 100],
      [LANE_ACTOR, 1, 1, R, 1, 0, 50],
      [LANE_ACTOR, 1, 2, R, 0, 100, 200],
      [LANE_TASK, 1, 2, R, -1, 100, 200],
      [LANE_ACTOR, 0, -1, STATE_CODE.spawning, -1, 200, 210],
    ]),
  );
  const index = new LaneIndex(2);
  index.ingest(store);
  return { store, index };
}

describe('linked highlighting', () => {
  it('focuses the actor on core lanes and the task elsewhere', () => {
    const { store } = fixture();
    expect(focusOf(store, 1, 'core')).toEqual({ kind: 'actor', id: 1 });
    expect(focusOf(store, 2, 'actor')).toEqual({ kind: 'task', id: 2 });
    expect(focusOf(store, 4, 'actor')).toEqual({ kind: 'actor', id: 0 });
    expect(focusOf(store, 99, 'task')).toBeUndefined();
    expect(sameFocus({ kind: 'task', id: 2 }, { kind: 'task', id: 2 })).toBe(true);
    expect(sameFocus({ kind: 'task', id: 2 }, { kind: 'actor', id: 2 })).toBe(false);
    expect(matchesFocus(store, { kind: 'actor', id: 1 }, 2)).toBe(true);
  });

  it('finds every focused slice on every lane in view, in pixels', () => {
    const { store, index } = fixture();
    const cores = layoutLanes('core', index.cores, (l) => `CPU ${l.id}`);
    const vp = { t0: 0, t1: 200, width: 400, height: 200, scrollTop: 0 };
    const actor1 = focusRects(cores, vp, store, { kind: 'actor', id: 1 });
    expect(actor1.map((r) => [Math.round(r.x), Math.round(r.w)])).toEqual([
      [200, 200],
      [0, 100],
    ]);
    const tasks = layoutLanes('task', index.taskLanes([]), (l) => `task ${l.id}`);
    expect(focusRects(tasks, vp, store, { kind: 'task', id: 2 })).toHaveLength(1);
    expect(focusRects(cores, { ...vp, t0: 300, t1: 400 }, store, { kind: 'actor', id: 1 })).toEqual(
      [],
    );
  });
});
