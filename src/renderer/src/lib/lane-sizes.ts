// Lane sizes of the normal window and of presentation mode (lanes ≥ 40 px with room for 48 px
// names, the projection rules of docs/design.md), and the states a run shows (its legend there).
import { F_STATE, SLICE_STRIDE } from '../../../shared/events';
import { STATES } from '../../../shared/states';
import type { LaneKind } from './lane';
import { sizeFor, type LaneSize } from './lanes';

const PRESENTATION: Readonly<Record<LaneKind, LaneSize>> = {
  core: { bar: 64, strip: 10, gap: 8 },
  actor: { bar: 60, strip: 0, gap: 6 },
  task: { bar: 56, strip: 0, gap: 4 },
};

export function laneSize(kind: LaneKind, count: number, presenting: boolean): LaneSize {
  return presenting ? PRESENTATION[kind] : sizeFor(kind, count);
}

/** Names of the states that occur in a run's slices (the presentation legend shows only these). */
export function statesIn(slices: Float64Array): Set<string> {
  const codes = new Set<number>();
  for (let o = F_STATE; o < slices.length; o += SLICE_STRIDE) codes.add(slices[o] ?? -1);
  const out = new Set<string>();
  for (const c of codes) {
    const s = STATES[c];
    if (s !== undefined) out.add(s);
  }
  return out;
}
