// The explanation rules on real recorded runs (not made-up figures): each run's own numbers
// must produce the sentence its model is known for, quoting a figure that is in the sentence.
import { describe, expect, it } from 'vitest';
import { compareRows } from '../../shared/compare-table';
import { explainComparison, explainRun, type Sentence } from '../../shared/explain';
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
  it('async and gil-threads on CPU work: one core, GIL waits, no gain over sequential', async () => {
    const seq = await recorded({ ...cpu, model: 'sequential' });
    const asy = await recorded({ ...cpu, model: 'async' });
    const gil = await recorded({ ...cpu, model: 'gil-threads', workers: 2 });
    const a = explainRun(asy);
    expect(rules(a).some((r) => r === 'idle-core' || r === 'one-core')).toBe(true);
    expect(rules(a)).not.toContain('parallel');
    const g = explainRun(gil);
    expect(rules(g)).toContain('gil-wait');
    expect(gil.stateShare['gil-wait']).toBeGreaterThan(0.2);
    const c = explainComparison(compareRows([seq, asy, gil]));
    expect(rules(c)).toContain('same-as-sequential:async');
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
