import { describe, expect, it } from 'vitest';
import { TimeView } from './time-view.svelte';

describe('TimeView', () => {
  it('follows the live edge until the user zooms, and again after a fit', () => {
    const v = new TimeView();
    v.setEnd(1_000_000);
    expect(v.t0).toBe(0);
    expect(v.t1).toBeGreaterThan(1_000_000);
    v.show(100_000, 200_000);
    expect(v.follow).toBe(false);
    v.setEnd(2_000_000);
    expect([v.t0, v.t1]).toEqual([100_000, 200_000]);
    v.fit();
    expect(v.follow).toBe(true);
    expect(v.t1).toBeGreaterThan(2_000_000);
  });

  it('clamps to the run and resumes following when zoomed out to all of it', () => {
    const v = new TimeView();
    v.setEnd(1_000_000);
    v.show(-500_000, 100_000);
    expect(v.t0).toBe(0);
    expect(v.follow).toBe(false);
    v.show(-1e9, 1e9);
    expect(v.follow).toBe(true);
  });

  it('while live, keeps its window until the run outgrows it; afterwards fits the run', () => {
    const v = new TimeView();
    v.setEnd(200_000, true);
    const first = v.t1;
    v.setEnd(400_000, true);
    expect(v.t1).toBe(first);
    v.setEnd(first, true);
    expect(v.t1).toBeGreaterThan(first);
    v.setEnd(1_100_000, false);
    expect(v.t1).toBeCloseTo(1_133_000);
  });
});
