// The explanation rules on real recorded runs (not made-up figures): each run's own numbers
// must produce the sentence its model is known for, quoting a figure that is in the sentence.
// Which sentence a one-thread run gets depends on what else the machine ran (an idle second core,
// one core's worth of work, or time preempted by other programs), so each allows those three; the
// speed-up sentence quotes a ratio of two wall times, so only its presence is asserted.
import { describe, expect, it } from 'vitest';
import { compareRows } from '../../shared/compare-table';
import { explainComparison, explainRun, THRESHOLDS, type Sentence } from '../../shared/explain';
import type { RunParamsInput } from '../../shared/params';
import { runFigures, type RunFigures } from '../../shared/run-figures';
import { affinitySupport } from './affinity';
import { runToEnd } from './test-support';

async function recorded(input: RunParamsInput): Promise<RunFigures> {
  const { store, summary } = await runToEnd(input);
  expect(summary.status).toBe('completed');
  const f = runFigures(store, summary);
  if (f === undefined) throw new Error('no figures');
  return f;
}

const rules = (s: readonly Sentence[]) => s.map((x) => x.rule);
const cpu = { scenario: 'cpu-bound', tasks: 4, size: 60 } as const;

describe('explanations of recorded runs', () => {
  it('async and gil-threads on CPU work: one thread at a time, GIL waits, compared with sequential', async () => {
    const seq = await recorded({ ...cpu, model: 'sequential' });
    const asy = await recorded({ ...cpu, model: 'async' });
    const gil = await recorded({ ...cpu, model: 'gil-threads', workers: 2 });
    const a = explainRun(asy);
    expect(rules(a).some((r) => ['idle-core', 'one-core', 'preempted'].includes(r))).toBe(true);
    expect(rules(a)).not.toContain('parallel');
    const g = explainRun(gil);
    // The threads did wait for the GIL. How large a share depends on the machine: when other
    // programs hold the cores, the GIL's holder is preempted and a woken waiter queues for a core
    // (drawn preempted), so the share is a bench figure; the explanation must agree with it.
    expect(gil.stateShare['gil-wait']).toBeGreaterThan(0);
    expect(rules(g).includes('gil-wait')).toBe(gil.stateShare['gil-wait'] >= THRESHOLDS.gilWait);
    const c = explainComparison(compareRows([seq, asy, gil]));
    // Each is said to be as fast as, slower than, or (by the machine's noise) the fastest.
    for (const model of ['async', 'gil-threads'])
      expect(
        c.some(
          (x) => x.rule.endsWith(`:${model}`) || (x.rule === 'fastest' && x.text.startsWith(model)),
        ),
      ).toBe(true);
    for (const s of [...a, ...g, ...c]) expect(s.text).toContain(s.figure);
  });

  it.runIf(affinitySupport().supported)(
    'four threads limited to one core: preempted, and said so',
    async () => {
      const f = await recorded({ ...cpu, model: 'threads', workers: 4, cores: 1 });
      const s = explainRun(f);
      expect(rules(s)).toContain('preempted');
      expect(s.find((x) => x.rule === 'preempted')?.text).toMatch(/^4 threads on 1 core spent/);
    },
  );
});
