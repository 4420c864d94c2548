import { describe, expect, it } from 'vitest';
import {
  EMPTY_SPAN_US,
  MIN_SPAN_US,
  clampDomain,
  fitDomain,
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
});
