import { describe, expect, it } from 'vitest';
import { fibCalls, parseRunParams } from '../../shared/scenarios';
import type { RunParamsInput } from '../../shared/params';
import { planRun } from './plan';
import { unitTasks } from './run-controller';

function plan(input: RunParamsInput) {
  const p = parseRunParams(input, 2);
  if (!p.ok) throw new Error(p.error);
  return planRun(p.params, { downloadBase: 'http://127.0.0.1:9', files: ['a', 'b', 'c', 'd'] });
}

describe('planRun', () => {
  it('gives sequential and async one unit holding every task, on one worker', () => {
    for (const model of ['sequential', 'async'] as const) {
      const p = plan({ scenario: 'cpu-bound', model, tasks: 4 });
      expect(p.poolSize).toBe(1);
      expect(p.units).toHaveLength(1);
      expect(p.units.flatMap(unitTasks)).toEqual([0, 1, 2, 3]);
    }
  });

  it('gives pool models one unit per task and at most one worker per unit', () => {
    const p = plan({ scenario: 'downloads', model: 'processes', workers: 8, tasks: 3 });
    expect(p.units).toHaveLength(3);
    expect(p.poolSize).toBe(3);
    const first = p.units[0];
    expect(first?.kind === 'download' && first.items[0]?.url).toBe(
      'http://127.0.0.1:9/site-1?kib=256',
    );
  });

  it('numbers fib calls in pre-order with parents (177 for fib(10))', () => {
    const p = plan({ scenario: 'fib-sleep', model: 'async' });
    expect(p.tasks).toHaveLength(177);
    expect(fibCalls(10)).toBe(177);
    expect(p.tasks[0]).toEqual({ id: 0, label: 'fib(10)' });
    expect(p.tasks[1]).toEqual({ id: 1, label: 'fib(9)', parent: 0 });
    expect(p.tasks[1 + fibCalls(9)]).toEqual({ id: 1 + fibCalls(9), label: 'fib(8)', parent: 0 });
    expect(p.tasks.every((t, i) => t.id === i)).toBe(true);
  });

  it('cuts the fib tree for a pool so every call is in exactly one unit', () => {
    const p = plan({ scenario: 'fib-sleep', model: 'threads', workers: 2 });
    const covered = p.units.flatMap(unitTasks).sort((a, b) => a - b);
    expect(covered).toEqual(Array.from({ length: 177 }, (_, i) => i));
    expect(p.units.filter((u) => u.kind === 'fib' && !u.single).length).toBeGreaterThanOrEqual(4);
  });

  it('scales sleeps and latencies', () => {
    const p = plan({ scenario: 'say-after', model: 'async', scale: 0.2 });
    const u = p.units[0];
    expect(u?.kind === 'say-after' && u.items.map((i) => i.ms)).toEqual([200, 400]);
  });
});
