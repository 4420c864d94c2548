import { describe, expect, it } from 'vitest';
import {
  EMPTY_SPAN_US,
  MIN_SPAN_US,
  clampDomain,
  fitDomain,
  liveDomain,
  panDomain,
  pxPerUs,
  tOf,
  xOf,
  zoomDomain,
  type Viewport,
} from './viewport';

const vp: Viewport = { t0: 1000, t1: 3000, width: 1000, height: 100, scrollTop: 0 };

describe('viewport', () => {
  it('maps time to px and back', () => {
    expect(pxPerUs(vp)).toBe(0.5);
    expect(xOf(vp, 2000)).toBe(500);
    expect(tOf(vp, 250)).toBe(1500);
    expect(pxPerUs({ ...vp, t1: vp.t0 })).toBe(0);
  });

  it('fits a run with headroom for the live edge', () => {
    expect(fitDomain(0)).toEqual([0, EMPTY_SPAN_US]);
    const [a, b] = fitDomain(1_000_000);
    expect(a).toBe(0);
    expect(b).toBeGreaterThan(1_000_000);
    expect(b).toBeLessThan(1_100_000);
  });

  it('zooms around a point and pans by a fraction', () => {
    expect(zoomDomain(0, 100, 2, 50)).toEqual([25, 75]);
    expect(zoomDomain(0, 100, 2, 0)).toEqual([0, 50]);
    expect(panDomain(0, 100, 0.5)).toEqual([50, 150]);
  });

  it('clamps windows into the run', () => {
    expect(clampDomain(-50, 50, 1000)).toEqual([0, 100]);
    expect(clampDomain(950, 1050, 1000)).toEqual([900, 1000]);
    expect(clampDomain(0, 5000, 1000)).toEqual([0, 1000]);
    expect(clampDomain(10, 10, 1000)).toEqual([10, 10 + MIN_SPAN_US]);
  });

  it('grows the live window in round steps that only change when the run outgrows them', () => {
    expect(liveDomain(0)).toEqual([0, EMPTY_SPAN_US]);
    expect(liveDomain(300_000)).toEqual([0, EMPTY_SPAN_US]);
    expect(liveDomain(1_200_000)).toEqual([0, 1_250_000]);
    expect(liveDomain(1_250_000)).toEqual([0, 1_500_000]);
    const ends = new Set<number>();
    let worst = 1;
    let last = EMPTY_SPAN_US;
    for (let end = 1; end < 60_000_000; end += 50_000) {
      const [t0, t1] = liveDomain(end);
      if (t0 !== 0 || t1 < end * 1.03) throw new Error(`window ${t0}..${t1} misses ${end}`);
      worst = Math.max(worst, t1 / last);
      last = t1;
      ends.add(t1);
    }
    // 1 s to 80 s in 20 windows, each at most 4/3 of the one before.
    expect(ends.size).toBe(20);
    expect(worst).toBeLessThanOrEqual(4 / 3);
  });
});
