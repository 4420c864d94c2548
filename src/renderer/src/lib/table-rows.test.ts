import { describe, expect, it } from 'vitest';
import { pageOf, tableOrder } from './table-rows';
import { sliceData } from './test-helpers';

describe('table rows', () => {
  it('orders slices by start, ties in arrival order', () => {
    const data = sliceData([
      [0, 0, 0, 0, 0, 50, 60],
      [0, 1, 0, 0, 0, 10, 20],
      [0, 2, 0, 0, 0, 50, 55],
    ]);
    expect([...tableOrder(data, 3)]).toEqual([1, 0, 2]);
  });

  it('pages through rows and clamps the page index', () => {
    const order = Int32Array.from({ length: 10 }, (_, i) => i);
    expect(pageOf(order, 0, 4)).toEqual({
      rows: [0, 1, 2, 3],
      index: 0,
      pages: 3,
      first: 1,
      last: 4,
    });
    expect(pageOf(order, 9, 4)).toMatchObject({ rows: [8, 9], index: 2, first: 9, last: 10 });
    expect(pageOf(new Int32Array(0), 0, 4)).toMatchObject({
      rows: [],
      pages: 1,
      first: 0,
      last: 0,
    });
  });
});

describe('table order limits', () => {
  it('keeps arrival order past the limit', () => {
    const data = sliceData([
      [0, 0, 0, 0, 0, 50, 60],
      [0, 1, 0, 0, 0, 10, 20],
    ]);
    expect([...tableOrder(data, 2, 1)]).toEqual([0, 1]);
  });
});
