import { describe, expect, it } from 'vitest';
import { parseRunParams } from './scenarios';
import { defaultWorkerList, parseWorkerList, summariseSweep } from './sweep';
import { TEST_MACHINE as MACHINE } from './test-figures';

describe('sweep', () => {
  it('defaults to 1 … 2 × cores', () => {
    expect(defaultWorkerList(2)).toEqual([1, 2, 3, 4]);
    expect(defaultWorkerList(1)).toEqual([1, 2]);
    const many = defaultWorkerList(32);
    expect(many.length).toBeLessThanOrEqual(16);
    expect(many[0]).toBe(1);
    expect(many.at(-1)).toBe(64);
  });

  it('parses worker lists, adding the 1-worker baseline', () => {
    expect(parseWorkerList('1,2,4')).toEqual({ ok: true, workers: [1, 2, 4] });
    expect(parseWorkerList(' 4 2,2 ')).toEqual({ ok: true, workers: [1, 2, 4] });
    for (const bad of ['1,x', '0,2', '1,65', '1.5', '']) {
      const r = parseWorkerList(bad);
      expect(r.ok, bad).toBe(false);
    }
    const r = parseWorkerList('1,65');
    expect(!r.ok && r.error).toMatch(/from 1 to 64/);
  });

  it('turns walls into speedups against one worker, with ideal line and fit', () => {
    const parsed = parseRunParams({ scenario: 'cpu-bound', model: 'processes' }, 2);
    if (!parsed.ok) throw new Error(parsed.error);
    const r = summariseSweep(parsed.params, MACHINE, 3, [
      { workers: 4, wallsMs: [540, 530, 560], preemptedShares: [0.4, 0.5, 0.45] },
      { workers: 1, wallsMs: [1000, 1010, 990], preemptedShares: [0, 0, 0] },
      { workers: 2, wallsMs: [520, 530, 525], preemptedShares: [0, 0.01, 0] },
    ]);
    expect(r.baselineWallMs).toBe(1000);
    expect(r.points.map((p) => p.workers)).toEqual([1, 2, 4]);
    expect(r.points.map((p) => p.ideal)).toEqual([1, 2, 2]);
    expect(r.points[1]?.speedup).toBeCloseTo(1000 / 525);
    expect(r.points[2]?.preemptedShare).toBe(0.45);
    expect(r.fit?.serialFraction).toBeGreaterThan(0);
    expect(r.fit?.serialFraction).toBeLessThan(0.1);
  });
});
