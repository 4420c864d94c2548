// Replay arithmetic: frame advance at a speed, boundaries, and steps.
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../shared/run-store';
import { STATE_CODE } from '../../../shared/states';
import { COARSE_EVENTS, advance, boundaries, stepEvents, stepFrom } from './replay-clock';
import { sliceData } from './test-helpers';

describe('replay clock', () => {
  it('advances run time by wall time × speed and clamps to the run', () => {
    expect(advance(0, 16, 0.1, 1e6)).toBeCloseTo(1600);
    expect(advance(0, 1000, 1, 5000)).toBe(5000);
    expect(advance(100, -5, 1, 5000)).toBe(100);
  });

  it('steps to the next and previous distinct boundary', () => {
    const b = boundaries(
      sliceData([
        [0, 0, -1, 0, 0, 0, 10],
        [0, 0, -1, 0, 0, 10, 15],
        [0, 1, -1, 0, 1, 3, 20],
      ]),
    );
    expect(Array.from(b)).toEqual([0, 3, 10, 15, 20]);
    expect(stepFrom(b, 0, 1, 20)).toBe(3);
    expect(stepFrom(b, 3, 1, 20)).toBe(10);
    expect(stepFrom(b, 12, -1, 20)).toBe(10);
    expect(stepFrom(b, 20, 1, 20)).toBe(20);
    expect(stepFrom(b, 0, -1, 20)).toBe(0);
    expect(stepFrom(b, 2.9, 1, 20, 1)).toBe(10);
  });

  // Two threads taking turns on a 100 ms run: 5 ms GIL switches, each with a 40 µs hand-off gap
  // (the dense sub-pixel events that made six presses move a third of a millisecond).
  function turns(): RunStore {
    const store = new RunStore();
    const rows: number[][] = [];
    for (let i = 0; i < 20; i++) {
      const actor = i % 2;
      const t = i * 5000;
      rows.push([0, actor, actor, STATE_CODE.running, actor, t, t + 4960]);
      rows.push([0, actor, actor, STATE_CODE['gil-wait'], -1, t + 4960, t + 5000]);
    }
    store.appendSlices(sliceData(rows));
    return store;
  }

  it('steps by event on a RunStore: the next slice start or end', () => {
    const store = turns();
    const b = boundaries(store.slices);
    const fine = { coarse: false, minGapUs: 0 };
    expect(stepEvents(b, 0, 1, store.endUs, fine)).toBe(4960);
    expect(stepEvents(b, 4960, 1, store.endUs, fine)).toBe(5000);
    expect(stepEvents(b, 5000, -1, store.endUs, fine)).toBe(4960);
  });

  it('passes over events less than a chart pixel away, so a press always shows a change', () => {
    const store = turns();
    const b = boundaries(store.slices);
    // 100 ms over 800 px: a pixel is 125 µs, more than the 40 µs hand-off.
    const pixel = { coarse: false, minGapUs: 125 };
    expect(stepEvents(b, 0, 1, store.endUs, pixel)).toBe(4960);
    expect(stepEvents(b, 4960, 1, store.endUs, pixel)).toBe(9960);
    expect(stepEvents(b, 9960, -1, store.endUs, pixel)).toBe(5000);
    expect(stepEvents(b, 5000, -1, store.endUs, pixel)).toBe(0);
    let t = 0;
    for (let i = 0; i < 6; i++) t = stepEvents(b, t, 1, store.endUs, pixel);
    expect(t).toBeGreaterThanOrEqual(25_000);
  });

  it('a coarse step passes ten events and at least 5 % of the run', () => {
    const store = turns();
    const b = boundaries(store.slices);
    const coarse = { coarse: true, minGapUs: 0 };
    // Ten events from 0: 4960, 5000, 9960, …, 25000.
    expect(COARSE_EVENTS).toBe(10);
    expect(stepEvents(b, 0, 1, store.endUs, coarse)).toBe(25_000);
    expect(stepEvents(b, 25_000, -1, store.endUs, coarse)).toBe(0);
    // Sparse events: one slice over the whole run; 5 % of it still lands on the run's end.
    const sparse = new RunStore();
    sparse.appendSlices(sliceData([[0, 0, 0, STATE_CODE.running, 0, 0, 1_000_000]]));
    const sb = boundaries(sparse.slices);
    expect(stepEvents(sb, 0, 1, sparse.endUs, coarse)).toBe(1_000_000);
    expect(stepEvents(sb, 1_000_000, -1, sparse.endUs, coarse)).toBe(0);
  });
});
