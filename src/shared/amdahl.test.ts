import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl } from './amdahl';

describe('Amdahl', () => {
  it('predicts a plateau at the core count, not a gain', () => {
    expect(amdahlSpeedup(0, 2, 2)).toBe(2);
    expect(amdahlSpeedup(0, 8, 2)).toBe(2);
    expect(amdahlSpeedup(0.5, 4, 4)).toBeCloseTo(1.6);
    expect(amdahlSpeedup(1, 4, 4)).toBe(1);
  });

  it('recovers the serial fraction of exact points', () => {
    const pts = [1, 2, 3, 4, 6, 8].map((w) => ({ workers: w, speedup: amdahlSpeedup(0.1, w, 8) }));
    const fit = fitAmdahl(pts, 8);
    expect(fit?.serialFraction).toBeCloseTo(0.1, 3);
    expect(fit?.rmse).toBeLessThan(1e-3);
  });

  it('fits noisy 2-core points and a GIL-like flat curve', () => {
    const parallel = fitAmdahl(
      [
        { workers: 1, speedup: 1 },
        { workers: 2, speedup: 1.85 },
        { workers: 4, speedup: 1.9 },
      ],
      2,
    );
    expect(parallel?.serialFraction).toBeGreaterThan(0.02);
    expect(parallel?.serialFraction).toBeLessThan(0.12);
    const flat = fitAmdahl(
      [
        { workers: 1, speedup: 1 },
        { workers: 2, speedup: 0.98 },
        { workers: 4, speedup: 0.97 },
      ],
      2,
    );
    expect(flat?.serialFraction).toBe(1);
  });

  it('refuses to fit points that never used more than one core', () => {
    expect(fitAmdahl([{ workers: 1, speedup: 1 }], 4)).toBeUndefined();
    expect(fitAmdahl([{ workers: 4, speedup: 1 }], 1)).toBeUndefined();
  });
});
