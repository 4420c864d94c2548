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
    // Room for four floor-sized lanes: four shown, the rest scroll.
    expect(presentationCoreFit(16, 4 * pitch(fit.size)).shown).toBe(4);
  });

  it("where what is below overflows the window by itself, keeps today's lanes, all shown", () => {
    const full = laneSize('core', 2, true);
    // Two cores and eight actor lanes at 1024x700: the actors leave the cores no room at all.
    for (const [count, budget] of [
      [2, -300],
      [2, 40],
      [16, 5],
      [16, 100],
    ] as const) {
      const fit = presentationCoreFit(count, budget);
      expect(fit.size).toEqual(full);
      expect(fit.font).toBe(48);
      expect(fit.shown).toBe(count);
    }
    // Two cores with a little room: both shown, shrunk to fit it.
    const two = presentationCoreFit(2, 83);
    expect(two.shown).toBe(2);
    expect(2 * pitch(two.size)).toBeLessThanOrEqual(83);
  });
});
