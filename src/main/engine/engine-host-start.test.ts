// A sequential or async program's clock starts when the program starts: the worker thread that
// hosts it is CoreScope's machinery, so its start-up is reported apart (summary.hostStartMs) and
// nothing of it is drawn inside the run. Pools keep their spawning inside the run.
import { describe, expect, it } from 'vitest';
import { LANE_ACTOR } from '../../shared/events';
import type { RunStore } from '../../shared/run-store';
import { STATE_CODE } from '../../shared/states';
import { sliceRows } from '../../shared/test-figures';
import { runToEnd } from './test-support';

function starts(store: RunStore): { first: number; spawning: number } {
  let first = Infinity;
  let spawning = 0;
  for (const r of sliceRows(store.slices)) {
    first = Math.min(first, r.start);
    if (r.lane === LANE_ACTOR && r.state === STATE_CODE.spawning) spawning++;
  }
  return { first, spawning };
}

describe('the run clock of hosted programs', () => {
  for (const model of ['sequential', 'async'] as const) {
    it(`${model}: the host's start-up is outside the run and its wall time`, async () => {
      const { store, summary } = await runToEnd({ scenario: 'say-after', model, scale: 0.05 });
      expect(summary.status).toBe('completed');
      expect(summary.hostStartMs).toBeGreaterThan(0);
      const { first, spawning } = starts(store);
      expect(spawning).toBe(0);
      expect(first).toBeGreaterThanOrEqual(0);
      for (const o of store.os) expect(o.tUs).toBeGreaterThanOrEqual(0);
      // Wall time is the program's own time: it holds every task, and the host's start-up is not
      // in it (the program's first slice starts before the start-up would have ended). How soon
      // after the last task the program returns is not asserted: under load it takes a few ms.
      expect(summary.wallMs).toBeGreaterThanOrEqual(Math.max(...store.tasksDone.values()) / 1000);
      expect(first).toBeLessThan((summary.hostStartMs ?? 0) * 1000);
    });
  }

  it('a pool keeps its spawning inside the run', async () => {
    const { store, summary } = await runToEnd({
      scenario: 'say-after',
      model: 'threads',
      workers: 2,
      scale: 0.05,
    });
    expect(summary.hostStartMs).toBeUndefined();
    expect(starts(store).spawning).toBe(2);
  });
});
