import { describe, expect, it } from 'vitest';
import { median, quantile } from './stats';

describe('stats', () => {
  it('takes medians, dropping failed (non-finite) samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([5, Number.NaN, 1])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('takes nearest-rank quantiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(xs, 0.95)).toBe(96);
    expect(quantile(xs, 1)).toBe(100);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
