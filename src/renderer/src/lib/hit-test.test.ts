import { describe, expect, it } from 'vitest';
import { hitTest } from './hit-test';
import { Lane } from './lane';
import { ACTOR_SIZE, layoutLanes } from './lanes';
import type { Viewport } from './viewport';

const a = new Lane('actor', 0);
a.push(0, 100, 0, 7);
a.push(100, 400, 3, 8);
const b = new Lane('actor', 1);
b.push(500, 600, 0, 9);
const layout = layoutLanes('actor', [a, b], (l) => `actor ${l.id}`, ACTOR_SIZE);
const vp: Viewport = { t0: 0, t1: 1000, width: 1000, height: 200, scrollTop: 0 };
const pitch = ACTOR_SIZE.bar + ACTOR_SIZE.gap;

describe('hitTest', () => {
  it('finds the slice under the pointer', () => {
    expect(hitTest(layout, vp, 50, 5)?.storeRow).toBe(7);
    expect(hitTest(layout, vp, 250, 5)?.storeRow).toBe(8);
    expect(hitTest(layout, vp, 550, pitch + 5)?.storeRow).toBe(9);
  });

  it('accepts a near miss within tolerance only', () => {
    expect(hitTest(layout, vp, 602, pitch + 5)?.storeRow).toBe(9);
    expect(hitTest(layout, vp, 620, pitch + 5)).toBeUndefined();
  });

  it('ignores the gap between rows and honours scrolling', () => {
    expect(hitTest(layout, vp, 50, ACTOR_SIZE.bar + 1)).toBeUndefined();
    expect(hitTest(layout, { ...vp, scrollTop: pitch }, 550, 5)?.storeRow).toBe(9);
  });
});
