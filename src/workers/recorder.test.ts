import { describe, expect, it } from 'vitest';
import { LANE_ACTOR, LANE_TASK } from '../shared/events';
import { STATE_CODE } from '../shared/states';
import { sliceRows, type SliceRow } from '../shared/test-figures';
import type { CoreProbe, CoreSample } from './core-probe';
import { Recorder } from './recorder';

const rows = (batches: Float64Array[]): SliceRow[] => batches.flatMap((b) => sliceRows(b));

function busyWait(us: number): void {
  const end = performance.now() + us / 1000;
  while (performance.now() < end);
}

describe('Recorder', () => {
  it('turns state changes into non-overlapping thread slices and task slices', () => {
    const batches: Float64Array[] = [];
    const rec = new Recorder(3, process.hrtime.bigint(), true, undefined, (d) => batches.push(d));
    rec.thread('running', 7);
    rec.taskState(7, 'running');
    busyWait(200);
    rec.thread('sleeping', 7);
    rec.taskState(7, 'sleeping');
    busyWait(200);
    rec.flush(rec.now(), true);
    const r = rows(batches);
    const thread = r.filter((s) => s.lane === LANE_ACTOR);
    expect(thread.map((s) => s.state)).toEqual([STATE_CODE.running, STATE_CODE.sleeping]);
    expect(thread[1]?.start).toBe(thread[0]?.end);
    expect(r.filter((s) => s.lane === LANE_TASK)).toHaveLength(2);
    expect(batches[0]?.[1]).toBe(3);
  });

  /** A probe whose thread ran all the time except `offNs` (and `delayNs` on the run queue). */
  function fakeProbe(): {
    probe: CoreProbe;
    set: (core: number, delayNs: number, offNs: number) => void;
  } {
    const t0 = process.hrtime.bigint();
    let core = 0;
    let delayNs = 0;
    let offNs = 0;
    const read = (): CoreSample => ({
      core,
      runDelayNs: delayNs,
      onCpuNs: Number(process.hrtime.bigint() - t0) - delayNs - offNs,
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
    const { probe, set } = fakeProbe();
    const batches: Float64Array[] = [];
    const rec = new Recorder(0, process.hrtime.bigint(), true, probe, (d) => batches.push(d));
    rec.thread('running', 1);
    busyWait(2500);
    set(1, 0, 0);
    rec.tick();
    busyWait(2500);
    set(0, 1_000_000, 0);
    rec.tick();
    rec.flush(rec.now(), true);
    const r = rows(batches);
    // The thread keeps running after the wait, on core 0 again, until the flush closes it.
    expect(r.map((s) => [s.state, s.core])).toEqual([
      [STATE_CODE.running, 0],
      [STATE_CODE.running, 1],
      [STATE_CODE.preempted, -1],
      [STATE_CODE.running, 0],
    ]);
    const pre = r[2];
    expect((pre?.end ?? 0) - (pre?.start ?? 0)).toBeCloseTo(1000, -1);
  });

  it('leaves off-core time the run queue does not explain undrawn, never as running', () => {
    const { probe, set } = fakeProbe();
    const batches: Float64Array[] = [];
    const rec = new Recorder(0, process.hrtime.bigint(), true, probe, (d) => batches.push(d));
    rec.thread('running', 1);
    rec.tick();
    // A 4 ms gap between ticks: 3 ms off every core (not runnable), then 1 ms on the run queue.
    busyWait(4000);
    set(0, 1_000_000, 3_000_000);
    rec.tick();
    rec.flush(rec.now(), true);
    const r = rows(batches);
    expect(r.map((s) => s.state)).toEqual([
      STATE_CODE.running,
      STATE_CODE.preempted,
      STATE_CODE.running,
    ]);
    const [run, pre] = r;
    // About 3 ms between the first running slice's end and the preempted slice: undrawn.
    expect((pre?.start ?? 0) - (run?.end ?? 0)).toBeGreaterThan(2500);
    expect((pre?.end ?? 0) - (pre?.start ?? 0)).toBeCloseTo(1000, -1);
  });

  it('draws the run-queue wait after a wake-up as preempted, at the end of the wait', () => {
    const { probe, set } = fakeProbe();
    const batches: Float64Array[] = [];
    const rec = new Recorder(0, process.hrtime.bigint(), true, probe, (d) => batches.push(d));
    rec.thread('running', 1);
    rec.thread('gil-wait', 1);
    busyWait(3000);
    set(1, 2_000_000, 0);
    rec.thread('running', 1);
    rec.flush(rec.now(), true);
    const r = rows(batches);
    expect(r.map((s) => [s.state, s.core])).toEqual([
      [STATE_CODE.running, 0],
      [STATE_CODE['gil-wait'], -1],
      [STATE_CODE.preempted, -1],
      [STATE_CODE.running, 1],
    ]);
    const pre = r[2];
    expect((pre?.end ?? 0) - (pre?.start ?? 0)).toBeCloseTo(2000, -1);
  });

  it('records nothing when tracing is off', () => {
    const batches: Float64Array[] = [];
    const rec = new Recorder(0, process.hrtime.bigint(), false, undefined, (d) => batches.push(d));
    rec.thread('running', 1);
    rec.tick();
    rec.flush(rec.now(), true);
    expect(batches).toHaveLength(0);
  });

  it('an idle event loop waits on I/O if any task does, else on a timer', () => {
    const rec = new Recorder(0, process.hrtime.bigint(), true, undefined, () => undefined);
    rec.taskState(1, 'sleeping');
    expect(rec.waitingState()).toBe('sleeping');
    rec.taskState(2, 'io-wait');
    expect(rec.waitingState()).toBe('io-wait');
    rec.taskState(2, 'done');
    rec.taskState(1, 'done');
    expect(rec.waitingState()).toBe('idle');
  });
});
