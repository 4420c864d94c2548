import { describe, expect, it } from 'vitest';
import { Lane, lowerBound, upperBound } from './lane';

function lane(pairs: [number, number][]): Lane {
  const l = new Lane('actor', 0);
  pairs.forEach(([s, e], i) => l.push(s, e, 0, i));
  return l;
}

describe('Lane', () => {
  it('keeps slices sorted by start when they arrive late', () => {
    const l = lane([
      [0, 10],
      [20, 30],
      [10, 20],
      [5, 8],
      [40, 50],
    ]);
    expect([...l.starts.subarray(0, l.count)]).toEqual([0, 5, 10, 20, 40]);
    expect([...l.rows.subarray(0, l.count)]).toEqual([0, 3, 2, 1, 4]);
    expect([...l.maxEnds.subarray(0, l.count)]).toEqual([10, 10, 20, 30, 50]);
  });

  it('grows past its initial capacity', () => {
    const l = new Lane('core', 1);
    for (let i = 0; i < 1000; i++) l.push(i * 10, i * 10 + 5, 0, i);
    expect(l.count).toBe(1000);
    expect(l.ends[999]).toBe(9995);
  });

  it('culls to the slices that reach into a window', () => {
    const l = lane([
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 40],
    ]);
    expect(l.range(12, 25)).toEqual([1, 3]);
    expect(l.range(100, 200)).toEqual([4, 4]);
    expect(l.range(-5, -1)).toEqual([0, 0]);
  });

  it('finds a long earlier slice that overlaps the window', () => {
    const l = lane([
      [0, 100],
      [10, 20],
      [30, 40],
    ]);
    expect(l.range(50, 60)).toEqual([0, 3]);
  });
});

describe('binary search', () => {
  const a = Float64Array.from([1, 2, 2, 3]);
  it('finds bounds', () => {
    expect(lowerBound(a, 2, 0, 4)).toBe(1);
    expect(upperBound(a, 2, 0, 4)).toBe(3);
    expect(lowerBound(a, 9, 0, 4)).toBe(4);
  });
});
