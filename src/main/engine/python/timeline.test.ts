// The merge of tracer reports and /proc samples into slices, on hand-made inputs: GIL wait is
// inferred only where a GIL exists, cores split at migrations, run-queue time is preempted, and
// wrapped calls take precedence over sampled off-CPU time.
import { describe, expect, it } from 'vitest';
import { LANE_ACTOR, type RunEvent } from '../../../shared/events';
import { stateFromCode } from '../../../shared/states';
import { sliceRows } from '../../../shared/test-figures';
import type { ThreadSample } from './proc-sampler';
import { PythonTimeline } from './timeline';

const FUTEX = process.arch === 'arm64' ? 98 : 202;
const ORIGIN = 1_000_000_000n; // ns
const ns = (us: number): number => Number(ORIGIN) + us * 1000;

function setup(gil: boolean) {
  const events: RunEvent[] = [];
  const tl = new PythonTimeline(
    ORIGIN,
    100,
    { sampled: true, inferGil: true },
    (e) => events.push(e),
    () => undefined,
  );
  tl.addRoot(100);
  tl.line(100, {
    kind: 'hello',
    hello: {
      pid: 100,
      ppid: 1,
      tNs: ns(0),
      name: 'main',
      gil,
      version: 'cpython 3.13.0',
      mainTid: 100,
    },
  });
  tl.line(100, {
    kind: 'batch',
    tNs: ns(1),
    events: [{ kind: 'thread', tid: 101, name: 'worker', tNs: ns(1) }],
    open: [],
  });
  const sample = (tid: number, s: Partial<ThreadSample> & { tUs: number }): void =>
    tl.sample(tid, { onNs: 0, rqNs: 0, core: 0, state: 'R', sys: -1, ...s });
  const slices = () => {
    const out: { actor: number; state: string; core: number; start: number; end: number }[] = [];
    for (const e of events)
      if (e.kind === 'slices')
        for (const r of sliceRows(e.data))
          if (r.lane === LANE_ACTOR)
            out.push({
              actor: r.actor,
              state: stateFromCode(r.state),
              core: r.core,
              start: r.start,
              end: r.end,
            });
    return out;
  };
  return { tl, sample, slices };
}

describe('PythonTimeline', () => {
  it('reads off-CPU time in a futex as GIL wait when there is a GIL, and not without one', () => {
    for (const gil of [true, false]) {
      const { tl, sample, slices } = setup(gil);
      // Thread 101: runs 2 ms, then sits in a futex for 3 ms while thread 100 computes.
      sample(101, { tUs: 1000, onNs: 0 });
      sample(101, { tUs: 6000, onNs: 2_000_000, state: 'S', sys: FUTEX });
      tl.finish(6000);
      const worker = slices().filter((s) => s.actor === 1);
      const wait = worker.filter((s) => s.state === 'gil-wait');
      expect(worker.filter((s) => s.state === 'running').map((s) => s.end - s.start)).toEqual([
        2000,
      ]);
      expect(wait.map((s) => s.end - s.start)).toEqual(gil ? [3000] : []);
    }
  });

  it('splits a running thread at a migration and draws run-queue time as preempted', () => {
    const { tl, sample, slices } = setup(true);
    sample(101, { tUs: 1000, core: 0 });
    sample(101, { tUs: 5000, onNs: 3_000_000, rqNs: 1_000_000, core: 1 });
    tl.finish(5000);
    const worker = slices().filter((s) => s.actor === 1);
    expect(worker.map((s) => [s.state, s.core, s.end - s.start])).toEqual([
      ['running', 0, 1500],
      ['preempted', -1, 1000],
      ['running', 1, 1500],
    ]);
  });

  it('a wrapped call decides the state of its own time, the sampler the rest', () => {
    const { tl, sample, slices } = setup(true);
    sample(101, { tUs: 1000 });
    tl.line(100, {
      kind: 'batch',
      tNs: ns(200_000),
      events: [
        { kind: 'call', tid: 101, state: 'sleeping', t0: ns(2000), t1: ns(4000), key: undefined },
      ],
      open: [],
    });
    sample(101, { tUs: 5000, onNs: 2_000_000, state: 'R' });
    tl.finish(5000);
    const worker = slices().filter((s) => s.actor === 1);
    expect(worker.map((s) => [s.state, s.start, s.end])).toEqual([
      ['running', 1000, 2000],
      ['sleeping', 2000, 4000],
      ['running', 4000, 5000],
    ]);
  });

  it('run-queue time after a wrapped wait returns is carved out of the end of that wait', () => {
    const { tl, sample, slices } = setup(true);
    sample(101, { tUs: 1000 });
    // A read from 1.5 ms to 4.5 ms; the thread queued 1 ms for a core before it returned.
    tl.line(100, {
      kind: 'batch',
      tNs: ns(200_000),
      events: [
        { kind: 'call', tid: 101, state: 'io-wait', t0: ns(1500), t1: ns(4500), key: undefined },
      ],
      open: [],
    });
    sample(101, { tUs: 5000, onNs: 1_000_000, rqNs: 1_000_000, state: 'R' });
    tl.finish(5000);
    const worker = slices().filter((s) => s.actor === 1);
    expect(worker.map((s) => [s.state, s.start, s.end])).toEqual([
      ['running', 1000, 1500],
      ['io-wait', 1500, 3500],
      ['preempted', 3500, 4500],
      ['running', 4500, 5000],
    ]);
  });
});
