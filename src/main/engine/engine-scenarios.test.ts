// The Python examples' scenarios (examples/python) on real workers: timings as ratios inside one run of the suite, and the
// states each scenario implies.
import { describe, expect, it } from 'vitest';
import { F_LANE, F_STATE, LANE_ACTOR, SLICE_STRIDE } from '../../shared/events';
import type { RunStore } from '../../shared/run-store';
import { STATE_CODE, type SliceState } from '../../shared/states';
import { runToEnd } from './test-support';

function countState(store: RunStore, state: SliceState, lane = LANE_ACTOR): number {
  const s = store.slices;
  let n = 0;
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    if (s[o + F_LANE] === lane && s[o + F_STATE] === STATE_CODE[state]) n++;
  }
  return n;
}

describe('say-after --scale 0.2', () => {
  it('takes ~600 ms in sequence and ~400 ms as tasks (the Python original: 3 s vs 2 s)', async () => {
    const seq = await runToEnd({ scenario: 'say-after', model: 'sequential', scale: 0.2 });
    const tasks = await runToEnd({ scenario: 'say-after', model: 'async', scale: 0.2 });
    // Sleeps dominate; worker start-up (~20-60 ms) is included in wall time.
    expect(seq.summary.wallMs).toBeGreaterThanOrEqual(600);
    expect(seq.summary.wallMs).toBeLessThan(600 * 1.25);
    expect(tasks.summary.wallMs).toBeGreaterThanOrEqual(400);
    expect(tasks.summary.wallMs).toBeLessThan(400 * 1.35);
    expect(tasks.summary.wallMs / seq.summary.wallMs).toBeLessThan(0.8);
    expect(countState(tasks.store, 'sleeping')).toBeGreaterThan(0);
  });
});

describe('fib-sleep --scale 0.1', () => {
  it('makes 177 calls with parents; blocking async is no faster than sequential; nonblocking is', async () => {
    const seq = await runToEnd({ scenario: 'fib-sleep', model: 'sequential', scale: 0.1 });
    const blocking = await runToEnd({
      scenario: 'fib-sleep',
      model: 'async',
      scale: 0.1,
      variant: 'blocking',
    });
    const nonblocking = await runToEnd({
      scenario: 'fib-sleep',
      model: 'async',
      scale: 0.1,
      variant: 'nonblocking',
    });
    for (const r of [seq, blocking, nonblocking]) {
      expect(r.store.tasks.size).toBe(177);
      expect(r.summary.tasksDone).toBe(177);
      expect([...r.store.tasks.values()].filter((t) => t.parent === undefined)).toHaveLength(1);
    }
    expect(seq.summary.wallMs).toBeGreaterThanOrEqual(1770);
    expect(seq.summary.wallMs).toBeLessThan(1770 * 1.25);
    // "No faster": equal work (177 blocking sleeps); 5 % allows for timer noise between two runs.
    expect(blocking.summary.wallMs / seq.summary.wallMs).toBeGreaterThanOrEqual(0.95);
    expect(countState(blocking.store, 'blocked')).toBe(177);
    expect(countState(blocking.store, 'sleeping')).toBe(0);
    expect(nonblocking.summary.wallMs / seq.summary.wallMs).toBeLessThanOrEqual(0.3);
    expect(countState(nonblocking.store, 'sleeping', 1)).toBe(177);
  });

  it('splits the call tree over a thread pool and keeps every call', async () => {
    const r = await runToEnd({ scenario: 'fib-sleep', model: 'threads', workers: 2, scale: 0.05 });
    expect(r.summary.tasksDone).toBe(177);
    expect(r.summary.actors).toBe(2);
  });
});

describe('downloads', () => {
  it('overlaps four downloads on one event loop: async at most 0.5x sequential, with io-wait', async () => {
    const seq = await runToEnd({ scenario: 'downloads', model: 'sequential', scale: 0.5 });
    const asy = await runToEnd({ scenario: 'downloads', model: 'async', scale: 0.5 });
    expect(seq.summary.tasksDone).toBe(4);
    expect(asy.summary.tasksDone).toBe(4);
    expect(asy.summary.wallMs / seq.summary.wallMs).toBeLessThanOrEqual(0.5);
    expect(countState(asy.store, 'io-wait')).toBeGreaterThan(0);
    expect(countState(asy.store, 'io-wait', 1)).toBeGreaterThan(0);
  });
});

describe('mixed', () => {
  it('reads real files (io-wait) and computes (running); async overlaps the two', async () => {
    const seq = await runToEnd({ scenario: 'mixed', model: 'sequential', size: 4 });
    const asy = await runToEnd({ scenario: 'mixed', model: 'async', size: 4 });
    for (const r of [seq, asy]) {
      expect(r.summary.tasksDone).toBe(4);
      expect(countState(r.store, 'io-wait', 1)).toBeGreaterThanOrEqual(4 * 4);
      expect(countState(r.store, 'running')).toBeGreaterThan(0);
    }
    expect(asy.summary.wallMs).toBeLessThan(seq.summary.wallMs);
  });
});

describe('gil-threads with I/O', () => {
  it('releases the GIL while downloading, so downloads still overlap', async () => {
    const r = await runToEnd({
      scenario: 'downloads',
      model: 'gil-threads',
      workers: 4,
      scale: 0.5,
    });
    const seq = await runToEnd({ scenario: 'downloads', model: 'sequential', scale: 0.5 });
    expect(r.summary.wallMs / seq.summary.wallMs).toBeLessThanOrEqual(0.6);
  });
});
