import { describe, expect, it } from 'vitest';
import type { OsSample } from '../../../shared/run-store';
import { Lane } from './lane';
import { LaneLayer, type LayerInput } from './lane-layer';
import { layoutLanes, type Layout } from './lanes';
import { STYLE_KEY_COUNT, styleForKey } from './palette';
import type { Paint } from './patterns';
import { rasterContext } from './test-helpers';
import type { Viewport } from './viewport';

const paints: Paint[] = Array.from({ length: STYLE_KEY_COUNT }, (_, key) => ({
  style: styleForKey(key),
  fill: `key${key}`,
  text: '#000',
}));
const W = 600;
const H = 160;
const vp: Viewport = { t0: 0, t1: 2_000_000, width: W, height: H, scrollTop: 0 };

const labelOf = (row: number): string => `slice ${row}`;

function input(layout: Layout, os?: readonly OsSample[]): LayerInput {
  return {
    layout,
    vp,
    opts: { paints, labelOf, pixelRatio: 1 },
    ...(os === undefined ? {} : { os }),
  };
}

/** A deterministic stream of slices for `lanes` lanes: runs, bursts of slivers, late arrivals. */
function* stream(lanes: number, total: number): Generator<[number, number, number, number]> {
  let seed = 12345;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const at = new Array<number>(lanes).fill(0);
  for (let n = 0; n < total; n++) {
    const lane = Math.floor(rnd() * lanes);
    const wide = rnd() < 0.3;
    const dur = wide ? 20_000 + rnd() * 60_000 : 50 + rnd() * 3_000;
    // Now and then a slice arrives late: it starts before the lane's newest one.
    const late = rnd() < 0.1 ? -rnd() * 40_000 : 0;
    const start = Math.max(0, (at[lane] ?? 0) + late);
    const key = Math.floor(rnd() * 4);
    at[lane] = Math.max(at[lane] ?? 0, start + dur + rnd() * 500);
    yield [lane, start, start + dur, key];
  }
}

describe('LaneLayer', () => {
  it('draws each frame incrementally to exactly the pixels of a full redraw', () => {
    const lanes = [0, 1, 2].map((id) => new Lane('core', id));
    const layout = layoutLanes('core', lanes, (l) => `CPU ${l.id}`);
    const live = rasterContext(W, H);
    const layer = new LaneLayer();
    const os: OsSample[] = [];
    const kinds: string[] = [];
    let row = 0;
    let frame = 0;
    for (const [lane, start, end, key] of stream(3, 1500)) {
      lanes[lane]?.push(start, end, key, row++);
      if (row % 37 !== 0) continue;
      if (++frame % 3 === 0) os.push({ tUs: start, busy: [(frame % 10) / 10, 0.5, 0.95] });
      kinds.push(layer.draw(live.ctx, input(layout, [...os])).kind);
      const full = rasterContext(W, H);
      new LaneLayer().draw(full.ctx, input(layout, [...os]));
      // Joined: one string comparison per frame instead of a deep diff of every cell.
      expect(live.cells.join('|')).toBe(full.cells.join('|'));
    }
    expect(kinds[0]).toBe('full');
    expect(kinds.slice(1).every((k) => k !== 'full')).toBe(true);
  });

  it('appending a slice traces only its own lane, from near its end', () => {
    const lanes = [0, 1].map((id) => new Lane('actor', id));
    let row = 0;
    for (let i = 0; i < 400; i++) {
      lanes[0]?.push(i * 4000, i * 4000 + 3000, i % 3, row++);
      lanes[1]?.push(i * 4000, i * 4000 + 3900, 1, row++);
    }
    const layout = layoutLanes('actor', lanes, (l) => `actor ${l.id}`);
    const { ctx, ops } = rasterContext(W, H);
    const layer = new LaneLayer();
    expect(layer.draw(ctx, input(layout)).kind).toBe('full');
    const fullRects = ops.rects;
    expect(layer.draw(ctx, input(layout)).kind).toBe('unchanged');

    ops.rects = 0;
    lanes[0]?.push(1_600_000, 1_650_000, 2, row);
    const next = layer.draw(ctx, input(layout));
    expect(next).toMatchObject({ kind: 'partial', rows: 1 });
    // The new slice and the few before it inside the resume lag, not the lane's 400.
    expect(ops.rects).toBeLessThan(fullRects / 10);
  });

  it('redraws in full when the view changes', () => {
    const lane = new Lane('task', 0);
    lane.push(0, 500_000, 0, 0);
    const layout = layoutLanes('task', [lane], () => 'task 0');
    const { ctx } = rasterContext(W, H);
    const layer = new LaneLayer();
    layer.draw(ctx, input(layout));
    const zoomed = { ...input(layout), vp: { ...vp, t1: 1_000_000 } };
    expect(layer.draw(ctx, zoomed).kind).toBe('full');
    layer.invalidate();
    expect(layer.draw(ctx, zoomed).kind).toBe('full');
  });
});
