// Presentation Compare's core lanes: full size while they fit, shrinking to the 24 px floor.
import { describe, expect, it } from 'vitest';
import { compareCoreFit, runFitHeight } from './compare-fit';

describe('compare core fit', () => {
  it('keeps 44 px lanes (48 px names) where they fit or nothing is measured yet', () => {
    expect(compareCoreFit(2, 128)).toEqual({ size: { bar: 44, strip: 0, gap: 4 }, font: 48 });
    expect(compareCoreFit(16, undefined).font).toBe(48);
  });

  it('shrinks the lanes of more cores to the budget, never below 24 px', () => {
    const four = compareCoreFit(4, 128);
    expect(four.size.bar).toBe(30);
    expect(4 * (four.size.bar + four.size.gap)).toBeLessThanOrEqual(128);
    expect(four.font).toBe(32);
    expect(compareCoreFit(16, 128).size.bar).toBe(24);
  });

  it('shares the screen below the head between the runs of the longest column', () => {
    expect(runFitHeight(1080, 240, 3)).toBe(280);
    expect(runFitHeight(1080, 240, 0)).toBe(840);
  });
});
