import { describe, expect, it } from 'vitest';
import { LANE_ACTOR, LANE_TASK } from '../shared/events';
import { STATE_CODE } from '../shared/states';
import { sliceRows, type SliceRow } from '../shared/test-figures';
import type { CoreProbe, CoreSample } from './core-probe';
import { Recorder } from './recorder';

const rows = (batches: Float64Array[]): SliceRow[] => batches.flatMap((b) => sliceRows(b));

/** A clock the test moves by hand: the recorder and the fake probe read the same time. */
function manualClock(): { now: () => bigint; advanceUs: (us: number) => void } {
  let ns = 1_000_000_000n;
  return { now: () => ns, advanceUs: (us) => (ns += BigInt(us * 1000)) };
}

describe('Recorder', () => {
  it('turns state changes into non-overlapping thread slices and task slices', () => {
    const clock = manualClock();
    const batches: Float64Array[] = [];
    const rec = new Recorder(3, clock.now(), true, undefined, (d) => batches.push(d), clock.now);
    rec.thread('running', 7);
    rec.taskState(7, 'running');
    clock.advanceUs(200);
    rec.thread('sleeping', 7);
    rec.taskState(7, 'sleeping');
    clock.advanceUs(200);
    rec.flush(rec.now(), true);
    const r = rows(batches);
    const thread = r.filter((s) => s.lane === LANE_ACTOR);
    expect(thread.map((s) => [s.state, s.start, s.end])).toEqual([
      [STATE_CODE.running, 0, 200],
      [STATE_CODE.sleeping, 200, 400],
    ]);
    expect(r.filter((s) => s.lane === LANE_TASK)).toHaveLength(2);
    expect(batches[0]?.[1]).toBe(3);
  });

  /**
   * A probe on the test's clock whose thread ran all the time except `offNs` (and `delayNs` on
   * the run queue).
   */
  function fakeProbe(clock: () => bigint): {
    probe: CoreProbe;
    set: (core: number, delayNs: number, offNs: number) => void;
  } {
    const t0 = clock();
    let core = 0;
    let delayNs = 0;
    let offNs = 0;
    const read = (): CoreSample => ({
      core,
      runDelayNs: delayNs,
      onCpuNs: Number(clock() - t0) - delayNs - offNs,
    });
    return {
      probe: { read, readCore: () => core, close: () => undefined },
      set: (c, d, o) => {
        core = c;
        delayNs = d;
        offNs = o;
      },
    };
  }

  it('splits a running slice when the probe reports a new core, and marks run-queue waits', () => {
    const clock = manualClock();
    const { probe, set } = fakeProbe(clock.now);
    const batches: Float64Array[] = [];
    const rec = new Recorder(0, clock.now(), true, probe, (d) => batches.push(d), clock.now);
    rec.thread('running', 1);
    clock.advanceUs(2500);
    set(1, 0, 0);
    rec.tick();
    clock.advanceUs(2500);
    set(0, 1_000_000, 0);
    rec.tick();
    clock.advanceUs(50);
    rec.flush(rec.now(), true);
    // The thread keeps running after the wait, on core 0 again, until the flush closes it; the
    // last 1 ms before the second tick was the run-queue wait.
    expect(rows(batches).map((s) => [s.state, s.core, s.start, s.end])).toEqual([
      [STATE_CODE.running, 0, 0, 2500],
      [STATE_CODE.running, 1, 2500, 4000],
      [STATE_CODE.preempted, -1, 4000, 5000],
      [STATE_CODE.running, 0, 5000, 5050],
    ]);
  });

  it('leaves off-core time the run queue does not explain undrawn, never as running', () => {
    const clock = manualClock();
    const { probe, set } = fakeProbe(clock.now);
    const batches: Float64Array[] = [];
    const rec = new Recorder(0, clock.now(), true, probe, (d) => batches.push(d), clock.now);
    rec.thread('running', 1);
    clock.advanceUs(100);
    rec.tick();
    // A 4 ms gap between ticks: 3 ms off every core (not runnable), then 1 ms on the run queue.
    clock.advanceUs(4000);
    set(0, 1_000_000, 3_000_000);
    rec.tick();
    clock.advanceUs(50);
    rec.flush(rec.now(), true);
    // The 3 ms between the first running slice and the preempted one are left undrawn.
    expect(rows(batches).map((s) => [s.state, s.start, s.end])).toEqual([
      [STATE_CODE.running, 0, 100],
      [STATE_CODE.preempted, 3100, 4100],
      [STATE_CODE.running, 4100, 4150],
    ]);
  });

  it('draws the run-queue wait after a wake-up as preempted, at the end of the wait', () => {
    const clock = manualClock();
    const { probe, set } = fakeProbe(clock.now);
    const batches: Float64Array[] = [];
    const rec = new Recorder(0, clock.now(), true, probe, (d) => batches.push(d), clock.now);
    // The thread starts after the run's origin (a baseline read at the origin itself counts as
    // none: the recorder then cannot tell this wait's run delay from the thread's whole life).
    clock.advanceUs(100);
    rec.thread('running', 1);
    clock.advanceUs(10);
    rec.thread('gil-wait', 1);
    clock.advanceUs(3000);
    set(1, 2_000_000, 0);
    rec.thread('running', 1);
    clock.advanceUs(50);
    rec.flush(rec.now(), true);
    expect(rows(batches).map((s) => [s.state, s.core, s.start, s.end])).toEqual([
      [STATE_CODE.running, 0, 100, 110],
      [STATE_CODE['gil-wait'], -1, 110, 1110],
      [STATE_CODE.preempted, -1, 1110, 3110],
      [STATE_CODE.running, 1, 3110, 3160],
    ]);
  });

  it('records nothing when tracing is off', () => {
    const batches: Float64Array[] = [];
    const rec = new Recorder(0, 0n, false, undefined, (d) => batches.push(d));
    rec.thread('running', 1);
    rec.tick();
    rec.flush(rec.now(), true);
    expect(batches).toHaveLength(0);
  });

  it('an idle event loop waits on I/O if any task does, else on a timer', () => {
    const rec = new Recorder(0, 0n, true, undefined, () => undefined);
    rec.taskState(1, 'sleeping');
    expect(rec.waitingState()).toBe('sleeping');
    rec.taskState(2, 'io-wait');
    expect(rec.waitingState()).toBe('io-wait');
    rec.taskState(2, 'done');
    rec.taskState(1, 'done');
    expect(rec.waitingState()).toBe('idle');
  });
});
