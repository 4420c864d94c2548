// Threads that wait for one another on real CPython: a contended Lock (and RLock), a Queue.get and
// a join are drawn as `blocked`, the wait they are, not as waiting for the GIL (the waiter sits in
// a futex either way; only the tracer's wrapper tells the two apart) and not as `sleeping`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANE_ACTOR } from '../../../shared/events';
import { runPython, slices, type Slice } from './python-test-support';
import type { RunStore } from '../../../shared/run-store';

const total = (list: readonly Slice[]): number => list.reduce((t, s) => t + s.end - s.start, 0);

/** The thread lane's slices of one state, for a thread found by its name. */
function threadSlices(store: RunStore): (label: string, state: string) => Slice[] {
  const all = slices(store).filter((s) => s.lane === LANE_ACTOR);
  return (label, state) => {
    const a = [...store.actors.values()].find((x) => x.label === label);
    if (a === undefined) throw new Error(`no thread named ${label}`);
    return all.filter((s) => s.actor === a.id && s.state === state);
  };
}

describe('waits on other threads', () => {
  it('a contended lock, a queue and a join are blocked, not GIL wait or sleeping', async () => {
    const { store, summary } = await runPython({
      kind: 'file',
      path: join(__dirname, 'fixtures', 'lock_waits.py'),
    });
    expect(summary.status).toBe('completed');
    const on = threadSlices(store);
    const all = slices(store).filter((s) => s.lane === LANE_ACTOR);

    // The waiter waits for the holder's lock, which the holder keeps until the waiter has said it
    // is about to take it, and 0.2 s more (however busy the machine): that wait is blocked, and
    // hardly any of its time is GIL wait.
    const waiterBlocked = total(on('waiter', 'blocked'));
    expect(waiterBlocked).toBeGreaterThan(50_000);
    expect(total(on('waiter', 'gil-wait'))).toBeLessThan(0.2 * waiterBlocked);
    // The holder's own computing competes with nobody for the GIL but the waiter's brief steps.
    expect(total(on('holder', 'running'))).toBeGreaterThan(0);

    // The consumer waits in Queue.get for the holder's item: blocked for most of the run.
    const consumerBlocked = total(on('consumer', 'blocked'));
    expect(consumerBlocked).toBeGreaterThan(50_000);
    expect(total(on('consumer', 'gil-wait'))).toBeLessThan(0.2 * consumerBlocked);
    // The main thread joins: blocked too. No thread slept: nothing here calls time.sleep.
    expect(total(on('MainThread', 'blocked'))).toBeGreaterThan(50_000);
    expect(all.filter((s) => s.state === 'sleeping')).toEqual([]);
  });

  it('a contended _thread.allocate_lock and multiprocessing.Lock are blocked, not GIL wait', async () => {
    const { store, summary } = await runPython({
      kind: 'file',
      path: join(__dirname, 'fixtures', 'lowlevel_lock_waits.py'),
    });
    expect(summary.status).toBe('completed');
    const on = threadSlices(store);

    // The raw waiter waits for the _thread lock a thread holds, the mp waiter for the
    // multiprocessing.Lock a child process holds; each holder keeps its lock until its waiter
    // has said it is about to take it, and 0.2 s more.
    for (const waiter of ['raw-waiter', 'mp-waiter']) {
      const blocked = total(on(waiter, 'blocked'));
      expect(blocked, waiter).toBeGreaterThan(50_000);
      expect(total(on(waiter, 'gil-wait')), waiter).toBeLessThan(0.2 * blocked);
    }
    // The holders really held their locks while computing: they ran.
    expect(total(on('raw-holder', 'running'))).toBeGreaterThan(0);
    expect(total(on('mp-holder', 'running'))).toBeGreaterThan(0);
  });
});
