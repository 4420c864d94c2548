// One lane layout for the chart, its snapshot and Compare: Compare's density changes only the
// sizes, never which lanes there are, their order, their names or what a core bar says.
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../shared/run-store';
import { chartLanes } from './chart-lanes';
import { LaneIndex } from './lane-index';
import type { Layout } from './lanes';
import { sliceData } from './test-helpers';

function run(): { store: RunStore; index: LaneIndex } {
  const store = new RunStore();
  for (const id of [0, 1])
    store.apply({
      kind: 'actor',
      actor: { id, kind: 'thread', label: `worker <${id}>`, pid: 1, tid: 2 + id },
    });
  store.apply({ kind: 'tasks', tasks: [{ id: 0, label: 'fib(3)' }] });
  store.apply({
    kind: 'slices',
    data: sliceData([
      [0, 0, 0, 0, 0, 0, 500],
      [0, 1, -1, 0, 1, 100, 900],
    ]),
  });
  const index = new LaneIndex(2);
  index.ingest(store);
  return { store, index };
}

const shape = (l: Layout) => l.rows.map((r) => [r.lane.kind, r.lane.id, r.label]);

describe('chartLanes', () => {
  it("gives Compare the chart's lanes, in its order, with its names", () => {
    const { store, index } = run();
    for (const presenting of [false, true]) {
      const chart = chartLanes(store, index, presenting);
      const compare = chartLanes(store, index, presenting, 'compare');
      expect(shape(compare.cores.layout)).toEqual(shape(chart.cores.layout));
      expect(shape(compare.actors.layout)).toEqual(shape(chart.actors.layout));
      expect(shape(compare.cores.layout)).toEqual([
        ['core', 0, 'CPU 0'],
        ['core', 1, 'CPU 1'],
      ]);
      expect(shape(compare.actors.layout).map((r) => r[2])).toEqual(['worker <0>', 'worker <1>']);
      // A core bar names the actor that ran there, on both.
      expect(compare.cores.labelOf(1)).toBe('worker <1>');
      expect(chart.cores.labelOf(1)).toBe('worker <1>');
    }
  });

  it("stacks Compare's lanes thinner, and at projection size when presenting", () => {
    const { store, index } = run();
    const bar = (l: Layout) => l.rows[0]?.bar;
    const chart = chartLanes(store, index, false);
    const compare = chartLanes(store, index, false, 'compare');
    const projected = chartLanes(store, index, true, 'compare');
    expect(bar(compare.cores.layout)).toBeLessThan(bar(chart.cores.layout) ?? 0);
    expect(compare.cores.layout.rows[0]?.strip).toBe(0);
    // Presentation bars are at least 40 px, and a lane's pitch (where its name sits) has room
    // for a 48 px name.
    const pitch = (l: Layout) => l.rows[0]?.pitch;
    for (const l of [projected.cores.layout, projected.actors.layout]) {
      expect(bar(l)).toBeGreaterThanOrEqual(40);
      expect(pitch(l)).toBeGreaterThanOrEqual(48);
    }
  });
});
