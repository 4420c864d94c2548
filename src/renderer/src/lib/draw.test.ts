import { describe, expect, it } from 'vitest';
import { drawLanes } from './draw';
import { compactLabel, fitText } from './labels';
import { Lane } from './lane';
import { layoutLanes } from './lanes';
import { STYLE_KEY_COUNT, styleForKey } from './palette';
import type { Paint } from './patterns';
import { recordingContext } from './test-helpers';
import type { Viewport } from './viewport';

const paints: Paint[] = Array.from({ length: STYLE_KEY_COUNT }, (_, key) => {
  const style = styleForKey(key);
  return { style, fill: `key${key}`, text: '#000' };
});

function laneOf(slices: [number, number, number][]): Lane {
  const l = new Lane('actor', 0);
  slices.forEach(([s, e, key], i) => l.push(s, e, key, i));
  return l;
}

const vp = (t0: number, t1: number, width = 1000): Viewport => ({
  t0,
  t1,
  width,
  height: 400,
  scrollTop: 0,
});

describe('drawLanes', () => {
  it('batches rectangles by style key, one fill per key', () => {
    const lane = laneOf([
      [0, 100, 0],
      [100, 200, 3],
      [200, 300, 0],
    ]);
    const { ctx, rec } = recordingContext();
    const stats = drawLanes(
      ctx,
      layoutLanes('actor', [lane], () => 'a'),
      vp(0, 1000),
      paints,
    );
    expect(stats).toEqual({ rects: 3, visible: 3 });
    expect(rec.fills.map((f) => f.style)).toEqual(['key0', 'key3']);
    expect(rec.fills[0]?.rects.length).toBe(2);
  });

  it('draws state bars at their palette heights', () => {
    const lane = laneOf([
      [0, 100, 0],
      [200, 300, 3],
    ]);
    const { ctx, rec } = recordingContext();
    const layout = layoutLanes('actor', [lane], () => 'a');
    drawLanes(ctx, layout, vp(0, 1000), paints);
    const bar = layout.rows[0]?.bar ?? 0;
    expect(rec.fills[0]?.rects[0]?.[3]).toBeCloseTo(bar);
    expect(rec.fills[1]?.rects[0]?.[3]).toBe(Math.round(bar * 0.4)); // snapped to device px
  });

  it('culls slices outside the window', () => {
    const lane = laneOf(
      Array.from({ length: 1000 }, (_, i): [number, number, number] => [i * 10, i * 10 + 9, 0]),
    );
    const { ctx } = recordingContext();
    const stats = drawLanes(
      ctx,
      layoutLanes('actor', [lane], () => 'a'),
      vp(5000, 5100),
      paints,
    );
    expect(stats.visible).toBeLessThanOrEqual(12);
  });

  it('merges sub-pixel slices to about one rectangle per pixel column', () => {
    const n = 1_000_000;
    const lane = new Lane('core', 0);
    for (let i = 0; i < n; i++) lane.push(i * 10, i * 10 + 6, i % 2 === 0 ? 0 : 3, i);
    const { ctx, rec } = recordingContext();
    // How fast this is belongs to `npm run bench` (draw 100 000 visible slices): here, the merge.
    const stats = drawLanes(
      ctx,
      layoutLanes('core', [lane], () => 'CPU 0'),
      vp(0, n * 10, 800),
      paints,
    );
    expect(stats.rects).toBeLessThanOrEqual(801);
    const covered = rec.fills.flatMap((f) => f.rects).reduce((s, r) => s + (r[2] ?? 0), 0);
    expect(covered).toBeGreaterThan(700);
  });

  it('labels only slices wide enough', () => {
    const lane = laneOf([
      [0, 500, 0],
      [600, 610, 0],
    ]);
    const { ctx, rec } = recordingContext();
    drawLanes(
      ctx,
      layoutLanes('actor', [lane], () => 'a'),
      vp(0, 1000),
      paints,
      {
        labelOf: (row) => `task ${row}`,
      },
    );
    expect(rec.texts).toEqual(['task 0']);
  });

  it('draws nothing for an empty window', () => {
    const { ctx, rec } = recordingContext();
    expect(
      drawLanes(
        ctx,
        layoutLanes('actor', [laneOf([[0, 1, 0]])], () => 'a'),
        vp(5, 5),
        paints,
      ).rects,
    ).toBe(0);
    expect(rec.fills.length).toBe(0);
  });
});

describe('slice labels', () => {
  it('compacts labels with a trailing number', () => {
    expect(compactLabel('process 5')).toBe('P5');
    expect(compactLabel('worker thread 12')).toBe('WT12');
    expect(compactLabel('fib(3)')).toBe('fib(3)');
    expect(compactLabel('42')).toBe('42');
  });

  it('fits the full label, then the compact one, then a readable prefix, else nothing', () => {
    const { ctx } = recordingContext(); // 7 px per character
    expect(fitText(ctx, 'process 5', 100)).toBe('process 5');
    expect(fitText(ctx, 'process 5', 20)).toBe('P5');
    expect(fitText(ctx, 'sleeping-beauty', 30)).toBe('');
    expect(fitText(ctx, 'sleeping-beauty', 60)).toBe('sleepin…');
  });
});

describe('pixel snapping and narrow bars', () => {
  it('snaps edges to device pixels and fills narrow bars with the plain colour', () => {
    const lane = laneOf([
      [10.3, 15.6, 3],
      [100, 300, 3],
    ]);
    const { ctx, rec } = recordingContext();
    drawLanes(
      ctx,
      layoutLanes('actor', [lane], () => 'a'),
      vp(0, 1000),
      paints,
      { pixelRatio: 2 },
    );
    const narrow = rec.fills.find((f) => f.style === styleForKey(3).colour);
    const wide = rec.fills.find((f) => f.style === 'key3');
    expect(narrow?.rects[0]?.[0]).toBe(10.5);
    expect(wide?.rects[0]?.[0]).toBe(100);
    for (const f of rec.fills) for (const r of f.rects) expect(((r[0] ?? 0) * 2) % 1).toBe(0);
  });
});
