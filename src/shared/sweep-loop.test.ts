// The shared sweep loop with an injected run function: order of runs, partial results as runs
// finish, stopping on a failed run, and cancelling between runs.
import { describe, expect, it } from 'vitest';
import type { RunParams } from './params';
import { sweepLoop, type SweepProgress, type SweepRunOutcome } from './sweep-loop';
import { TEST_MACHINE as machine } from './test-figures';

const params: RunParams = {
  scenario: 'cpu-bound',
  model: 'processes',
  workers: 1,
  tasks: 4,
  size: 10,
  scale: 1,
  variant: 'blocking',
  trace: true,
};
/** A run whose wall is 100 ms ÷ min(workers, 2): perfect scaling on two cores. */
const ideal = async (w: number): Promise<SweepRunOutcome> => ({
  kind: 'completed',
  wallMs: 100 / Math.min(w, 2),
  preemptedShare: w > 2 ? 0.5 : 0,
  params: { ...params, workers: w },
  machine,
});

describe('sweepLoop', () => {
  it('interleaves repeats and summarises every point', async () => {
    const order: number[] = [];
    const progress: SweepProgress[] = [];
    const outcome = await sweepLoop({
      workers: [1, 2, 4],
      repeat: 2,
      params,
      run: (w) => (order.push(w), ideal(w)),
      onRun: (p) => progress.push(p),
    });
    expect(order).toEqual([1, 2, 4, 1, 2, 4]);
    expect(progress.map((p) => `${p.workers}/${p.repeat} ${p.done}/${p.planned}`)).toEqual([
      '1/1 1/6',
      '2/1 2/6',
      '4/1 3/6',
      '1/2 4/6',
      '2/2 5/6',
      '4/2 6/6',
    ]);
    // points appear as runs finish
    expect(progress[0]?.result.points.map((p) => p.workers)).toEqual([1]);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.params).toEqual(params);
    expect(
      outcome.result.points.map((p) => [p.workers, p.speedup, p.ideal, p.preemptedShare]),
    ).toEqual([
      [1, 1, 1, 0],
      [2, 2, 2, 0],
      [4, 2, 2, 0.5],
    ]);
  });

  it('stops at the first run that does not complete, naming it', async () => {
    const order: number[] = [];
    const outcome = await sweepLoop({
      workers: [1, 2, 3],
      repeat: 1,
      run: async (w) => {
        order.push(w);
        return w === 2 ? { kind: 'stopped', reason: 'worker threw' } : ideal(w);
      },
    });
    expect(order).toEqual([1, 2]);
    expect(outcome).toEqual({
      ok: false,
      cancelled: false,
      error: 'the run with 2 workers did not complete: worker threw',
    });
  });

  it('reports the parameters the runs used when none are given', async () => {
    const outcome = await sweepLoop({ workers: [1], repeat: 1, run: ideal });
    expect(outcome.ok && outcome.result.params.scenario).toBe('cpu-bound');
  });

  it('cancels between runs and when a run stops because it was cancelled', async () => {
    let cancel = false;
    const order: number[] = [];
    const outcome = await sweepLoop({
      workers: [1, 2, 4],
      repeat: 1,
      cancelled: () => cancel,
      run: async (w) => {
        order.push(w);
        if (w === 2) {
          cancel = true;
          return { kind: 'stopped', reason: 'cancelled' };
        }
        return ideal(w);
      },
    });
    expect(order).toEqual([1, 2]);
    expect(outcome).toEqual({ ok: false, cancelled: true, error: 'the sweep was cancelled' });
  });
});
