// Replay arithmetic: frame advance at a speed, boundaries, and steps.
import { describe, expect, it } from 'vitest';
import { advance, boundaries, stepFrom } from './replay-clock';
import { sliceData } from './test-helpers';

describe('replay clock', () => {
  it('advances run time by wall time × speed and clamps to the run', () => {
    expect(advance(0, 16, 0.1, 1e6)).toBeCloseTo(1600);
    expect(advance(0, 1000, 1, 5000)).toBe(5000);
    expect(advance(100, -5, 1, 5000)).toBe(100);
  });

  it('steps to the next and previous distinct boundary', () => {
    const b = boundaries(
      sliceData([
        [0, 0, -1, 0, 0, 0, 10],
        [0, 0, -1, 0, 0, 10, 15],
        [0, 1, -1, 0, 1, 3, 20],
      ]),
    );
    expect(Array.from(b)).toEqual([0, 3, 10, 15, 20]);
    expect(stepFrom(b, 0, 1, 20)).toBe(3);
    expect(stepFrom(b, 3, 1, 20)).toBe(10);
    expect(stepFrom(b, 12, -1, 20)).toBe(10);
    expect(stepFrom(b, 20, 1, 20)).toBe(20);
    expect(stepFrom(b, 0, -1, 20)).toBe(0);
    expect(stepFrom(b, 2.9, 1, 20, 1)).toBe(10);
  });
});
