import { describe, expect, it } from 'vitest';
import { Lane } from './lane';
import {
  COMPACT_TASKS_ABOVE,
  CORE_SIZE,
  TASK_SIZE,
  TASK_SIZE_COMPACT,
  layoutLanes,
  rowAt,
  sizeFor,
  visibleRows,
} from './lanes';

const lanes = (n: number, kind: 'core' | 'actor' | 'task' = 'core'): Lane[] =>
  Array.from({ length: n }, (_, i) => new Lane(kind, i));

describe('layoutLanes', () => {
  it('stacks core lanes with an OS strip under each, labelled CPU k', () => {
    const layout = layoutLanes('core', lanes(4), (l) => `CPU ${l.id}`);
    const pitch = CORE_SIZE.bar + CORE_SIZE.strip + CORE_SIZE.gap;
    expect(layout.rows.map((r) => r.label)).toEqual(['CPU 0', 'CPU 1', 'CPU 2', 'CPU 3']);
    expect(layout.rows.map((r) => r.y)).toEqual([0, pitch, 2 * pitch, 3 * pitch]);
    expect(layout.height).toBe(4 * pitch);
    expect(layout.rows[0]?.strip).toBeGreaterThan(0);
  });

  it('keeps normal lanes at least 24 px and compacts many task lanes', () => {
    expect(sizeFor('core', 2).bar).toBeGreaterThanOrEqual(24);
    expect(sizeFor('actor', 2).bar).toBeGreaterThanOrEqual(24);
    expect(sizeFor('task', COMPACT_TASKS_ABOVE)).toBe(TASK_SIZE);
    expect(sizeFor('task', 177)).toBe(TASK_SIZE_COMPACT);
  });
});

describe('visibleRows and rowAt', () => {
  const layout = layoutLanes('task', lanes(100, 'task'), (l) => `task ${l.id}`, TASK_SIZE);
  const pitch = TASK_SIZE.bar + TASK_SIZE.gap;

  it('returns only the rows in a scrolled window', () => {
    expect(visibleRows(layout, 0, 3 * pitch)).toEqual([0, 3]);
    expect(visibleRows(layout, 10 * pitch + 1, 12 * pitch)).toEqual([10, 12]);
    expect(visibleRows(layout, 0, 1e6)).toEqual([0, 100]);
    expect(
      visibleRows(
        layoutLanes('task', [], () => ''),
        0,
        100,
      ),
    ).toEqual([0, 0]);
  });

  it('finds the row under a y', () => {
    expect(rowAt(layout, 0)?.lane.id).toBe(0);
    expect(rowAt(layout, pitch * 5 + 1)?.lane.id).toBe(5);
    expect(rowAt(layout, -1)).toBeUndefined();
    expect(rowAt(layout, pitch * 100 + 1)).toBeUndefined();
  });
});
