// Lane sizes of the normal window and of presentation mode (lanes ≥ 40 px with room for 48 px
// names, PRODUCT.md's projection rules).
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
