import { describe, expect, it } from 'vitest';
import { CORE_FLOOR, laneSize, presentationCoreFit } from './lane-sizes';

const pitch = (s: { bar: number; strip: number; gap: number }): number => s.bar + s.strip + s.gap;

describe('presentationCoreFit', () => {
  it("keeps today's 48 px lanes where they fit (and before the window is measured)", () => {
    const full = laneSize('core', 2, true);
    expect(presentationCoreFit(2, 400).size).toEqual(full);
    expect(presentationCoreFit(4, 400).size).toEqual(full);
    expect(presentationCoreFit(16, undefined).size).toEqual(full);
    expect(presentationCoreFit(4, 400).font).toBe(48);
  });

  it('shrinks lanes with the core count to the largest that fit the budget', () => {
    for (const [count, budget] of [
      [4, 198],
      [8, 401],
      [6, 198],
    ] as const) {
      const fit = presentationCoreFit(count, budget);
      expect(fit.shown).toBe(count);
      expect(count * pitch(fit.size)).toBeLessThanOrEqual(budget);
      expect(fit.height).toBe(count * pitch(fit.size));
      expect(fit.font).toBe(fit.size.bar);
      expect(fit.size.bar).toBeGreaterThanOrEqual(CORE_FLOOR);
      expect(fit.size.bar).toBeLessThan(48);
      // One pixel more of bar would not fit.
      const bigger = presentationCoreFit(count, budget + count * 3);
      expect(bigger.size.bar).toBeGreaterThan(fit.size.bar);
    }
  });

  it('past the floor shows as many floor-sized lanes as fit; the rest scroll', () => {
    const fit = presentationCoreFit(16, 198);
    expect(fit.size.bar).toBe(CORE_FLOOR);
    expect(fit.font).toBe(CORE_FLOOR);
    expect(fit.shown).toBe(Math.floor(198 / pitch(fit.size)));
    expect(fit.shown).toBeLessThan(16);
    expect(fit.height).toBeLessThanOrEqual(198);
    // A window too small for even one lane still shows one.
    expect(presentationCoreFit(16, 5).shown).toBe(1);
  });
});
