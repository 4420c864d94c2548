// Tick choice for exports (measured labels never overlap) and the keys a snapshot lists.
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../shared/run-store';
import { STATE_CODE } from '../../../shared/states';
import { actorKey, stateKey } from './palette';
import { chooseTicks, snapshotKey } from './snapshot-key';
import { sliceData } from './test-helpers';

const byChars =
  (px: number) =>
  (label: string): number =>
    label.length * px;

function overlaps(
  ticks: ReturnType<typeof chooseTicks>,
  measure: (l: string) => number,
  gap: number,
): boolean {
  return ticks.some((t, i) => {
    const next = ticks[i + 1];
    return (
      next !== undefined && t.px + measure(t.label) / 2 + gap > next.px - measure(next.label) / 2
    );
  });
}

describe('chooseTicks', () => {
  it('keeps a gap between measured labels where the old fixed count ran them together', () => {
    // 0–2000 ms over 500 px at a 13 px font: "1000 ms" is about 7 chars × 7.3 px.
    const measure = byChars(7.3);
    const ticks = chooseTicks(0, 2000, 500, measure, 13);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(overlaps(ticks, measure, 13)).toBe(false);
  });

  it('uses fewer ticks for larger type on the same width', () => {
    const small = chooseTicks(0, 2000, 800, byChars(7), 13);
    const large = chooseTicks(0, 2000, 800, byChars(20), 36);
    expect(large.length).toBeLessThan(small.length);
    expect(overlaps(large, byChars(20), 36)).toBe(false);
    expect(large.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps labels inside the axis (plus the allowed overhang)', () => {
    const measure = byChars(8);
    for (const t of chooseTicks(3, 1407, 640, measure, 10, { left: 16, right: 16 })) {
      expect(t.px - measure(t.label) / 2).toBeGreaterThanOrEqual(-16);
      expect(t.px + measure(t.label) / 2).toBeLessThanOrEqual(656);
    }
  });

  it('gives nothing for an empty span or width', () => {
    expect(chooseTicks(5, 5, 500, byChars(7), 10)).toEqual([]);
    expect(chooseTicks(0, 10, 0, byChars(7), 10)).toEqual([]);
  });
});

describe('snapshotKey', () => {
  const store = new RunStore();
  store.apply({ kind: 'actor', actor: { id: 0, kind: 'thread', label: 'T0', pid: 1, tid: 2 } });
  store.apply({ kind: 'actor', actor: { id: 1, kind: 'thread', label: 'T1', pid: 1, tid: 3 } });
  store.apply({ kind: 'actor', actor: { id: 2, kind: 'thread', label: 'T2', pid: 1, tid: 4 } });
  store.apply({
    kind: 'slices',
    data: sliceData([
      [0, 0, -1, STATE_CODE.running, 0, 0, 500],
      [0, 1, -1, STATE_CODE['gil-wait'], -1, 0, 500],
      [0, 1, -1, STATE_CODE.running, 1, 500, 900],
      [0, 2, -1, STATE_CODE.sleeping, -1, 0, 900],
    ]),
  });

  it('lists the states drawn and only actors that ran on a core', () => {
    const key = snapshotKey(store, 0, 1000);
    expect(key.states).toEqual(
      [STATE_CODE.running, STATE_CODE['gil-wait'], STATE_CODE.sleeping]
        .map(stateKey)
        .sort((a, b) => a - b),
    );
    expect(key.actors).toEqual([
      { id: 0, label: 'T0' },
      { id: 1, label: 'T1' },
    ]);
    expect(actorKey(0)).not.toBe(actorKey(1));
  });

  it('leaves out what a replay cursor has not reached', () => {
    const key = snapshotKey(store, 0, 1000, 400);
    expect(key.actors).toEqual([{ id: 0, label: 'T0' }]);
  });
});
