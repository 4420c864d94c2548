// The Python examples' scenarios (examples/python) on real workers, judged by what each trace shows: how many tasks were in
// progress at once, what they waited on, and that a blocking sleep blocked the whole loop. A sleep
// lasts at least what it asked for, so sums of sleeps are lower bounds on wall time; how much
// faster one model is than another is a ratio of wall times, a figure of `npm run bench`.
import { describe, expect, it } from 'vitest';
import { LANE_TASK } from '../../shared/events';
import type { RunStore } from '../../shared/run-store';
import type { SliceState } from '../../shared/states';
import { maxOverlap, runToEnd, slicesOf, type Slice } from './test-support';

const onTasks = (store: RunStore, state?: SliceState): Slice[] =>
  slicesOf(store, { lane: LANE_TASK, state });

/** Whether some task waits on I/O while another task computes. */
function ioOverlapsCompute(store: RunStore): boolean {
  const io = onTasks(store, 'io-wait');
  return onTasks(store, 'running').some((r) =>
    io.some((w) => w.task !== r.task && w.start < r.end && r.start < w.end),
  );
}

describe('say-after --scale 0.2 (the Python original: 1 s and 2 s sleeps)', () => {
  it('in sequence, one sleep at a time: at least 200 + 400 ms', async () => {
    const seq = await runToEnd({ scenario: 'say-after', model: 'sequential', scale: 0.2 });
    expect(seq.summary.tasksDone).toBe(2);
    expect(onTasks(seq.store, 'sleeping')).toHaveLength(2);
    expect(maxOverlap(onTasks(seq.store))).toBe(1);
    expect(seq.summary.wallMs).toBeGreaterThanOrEqual(600);
  });

  it('as tasks, both sleeps at once on one event loop: at least 400 ms', async () => {
    const tasks = await runToEnd({ scenario: 'say-after', model: 'async', scale: 0.2 });
    expect(tasks.summary.tasksDone).toBe(2);
    expect(tasks.store.actors.size).toBe(1);
    expect(maxOverlap(onTasks(tasks.store, 'sleeping'))).toBe(2);
    expect(tasks.summary.wallMs).toBeGreaterThanOrEqual(400);
  });
});

describe('fib-sleep --scale 0.1 (fib(10): 177 calls, each sleeping 10 ms)', () => {
  // Each call's blocking sleep, counted on the calls' own lanes: the thread's lane may show the
  // end of a sleep as preempted (woken, waiting for a core), and on a busy machine that wait can
  // outlast a 10 ms sleep and take its whole slice; the thread is still seen blocked.
  const blockedCalls = (store: RunStore): number => {
    expect(slicesOf(store, { state: 'blocked' }).length).toBeGreaterThan(0);
    return new Set(slicesOf(store, { lane: LANE_TASK, state: 'blocked' }).map((x) => x.task)).size;
  };
  const callTree = (store: RunStore): void => {
    expect(store.tasks.size).toBe(177);
    expect([...store.tasks.values()].filter((t) => t.parent === undefined)).toHaveLength(1);
  };

  it('in sequence: 177 blocking sleeps one after another', async () => {
    const seq = await runToEnd({ scenario: 'fib-sleep', model: 'sequential', scale: 0.1 });
    callTree(seq.store);
    expect(seq.summary.tasksDone).toBe(177);
    expect(blockedCalls(seq.store)).toBe(177);
    expect(maxOverlap(onTasks(seq.store))).toBe(1);
    expect(seq.summary.wallMs).toBeGreaterThanOrEqual(1770);
  });

  it('async with a blocking sleep: the sleep blocks the loop, so no two calls overlap', async () => {
    const r = await runToEnd({
      scenario: 'fib-sleep',
      model: 'async',
      scale: 0.1,
      variant: 'blocking',
    });
    callTree(r.store);
    expect(r.summary.tasksDone).toBe(177);
    expect(blockedCalls(r.store)).toBe(177);
    expect(slicesOf(r.store, { state: 'sleeping' })).toHaveLength(0);
    expect(maxOverlap(onTasks(r.store))).toBe(1);
    expect(r.summary.wallMs).toBeGreaterThanOrEqual(1770);
  });

  it('async with a nonblocking sleep: calls sleep at the same time', async () => {
    const r = await runToEnd({
      scenario: 'fib-sleep',
      model: 'async',
      scale: 0.1,
      variant: 'nonblocking',
    });
    callTree(r.store);
    expect(r.summary.tasksDone).toBe(177);
    expect(onTasks(r.store, 'sleeping')).toHaveLength(177);
    expect(slicesOf(r.store, { state: 'blocked' })).toHaveLength(0);
    expect(maxOverlap(onTasks(r.store, 'sleeping'))).toBeGreaterThanOrEqual(2);
  });

  it('splits the call tree over a thread pool and keeps every call', async () => {
    const r = await runToEnd({ scenario: 'fib-sleep', model: 'threads', workers: 2, scale: 0.05 });
    expect(r.summary.tasksDone).toBe(177);
    expect(r.summary.actors).toBe(2);
  });
});

describe('downloads --scale 0.5', () => {
  it('in sequence: one download at a time', async () => {
    const seq = await runToEnd({ scenario: 'downloads', model: 'sequential', scale: 0.5 });
    expect(seq.summary.tasksDone).toBe(4);
    expect(onTasks(seq.store, 'io-wait').length).toBeGreaterThan(0);
    expect(maxOverlap(onTasks(seq.store))).toBe(1);
  });

  it('async: all four wait on the network at once on one event loop', async () => {
    const asy = await runToEnd({ scenario: 'downloads', model: 'async', scale: 0.5 });
    expect(asy.summary.tasksDone).toBe(4);
    expect(asy.store.actors.size).toBe(1);
    expect(slicesOf(asy.store, { state: 'io-wait' }).length).toBeGreaterThan(0);
    expect(maxOverlap(onTasks(asy.store, 'io-wait'))).toBe(4);
  });
});

describe('mixed --size 4', () => {
  for (const model of ['sequential', 'async'] as const) {
    it(`${model}: reads real files (io-wait) and computes (running)`, async () => {
      const r = await runToEnd({ scenario: 'mixed', model, size: 4 });
      expect(r.summary.tasksDone).toBe(4);
      expect(onTasks(r.store, 'io-wait').length).toBeGreaterThanOrEqual(4 * 4);
      expect(slicesOf(r.store, { state: 'running' }).length).toBeGreaterThan(0);
      if (model === 'sequential') {
        expect(maxOverlap(onTasks(r.store))).toBe(1);
        expect(ioOverlapsCompute(r.store)).toBe(false);
      } else {
        // One task computes while another waits on its file.
        expect(ioOverlapsCompute(r.store)).toBe(true);
      }
    });
  }
});

describe('gil-threads with I/O', () => {
  it('releases the GIL while downloading: downloads overlap, computing never does', async () => {
    // --scale 1: each download waits 200 ms or more, longer than a thread takes to start.
    const r = await runToEnd({ scenario: 'downloads', model: 'gil-threads', workers: 4, scale: 1 });
    expect(r.summary.tasksDone).toBe(4);
    expect(maxOverlap(slicesOf(r.store, { state: 'io-wait' }))).toBeGreaterThanOrEqual(2);
    expect(maxOverlap(slicesOf(r.store, { state: 'running' }))).toBe(1);
  });
});
