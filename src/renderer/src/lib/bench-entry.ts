// The drawing path without Svelte, for benchmarks and tools: turn a RunStore into lanes and a
// layout, then call drawLanes on any 2D canvas context. Exactly what the app's panels do.
import type { RunStore } from '../../../shared/run-store';
import { drawLanes, type DrawStats } from './draw';
import { LaneIndex } from './lane-index';
import { layoutLanes, type Layout } from './lanes';
import { makePaints, type Paint } from './patterns';
import type { Viewport } from './viewport';

export { drawLanes, makePaints, LaneIndex, layoutLanes };
export type { DrawStats, Layout, Paint, Viewport };

export interface PreparedRun {
  readonly index: LaneIndex;
  readonly cores: Layout;
  readonly actors: Layout;
  readonly tasks: Layout;
}

/** Indexes every slice of `store` (incremental: call again after appending) and lays out lanes. */
export function prepareRun(
  store: RunStore,
  coreCount: number,
  index = new LaneIndex(coreCount),
): PreparedRun {
  index.ingest(store);
  return {
    index,
    cores: layoutLanes('core', index.cores, (l) => `CPU ${l.id}`),
    actors: layoutLanes('actor', index.actorLanes(store.actors.keys()), (l) => `actor ${l.id}`),
    tasks: layoutLanes('task', index.taskLanes(store.tasks.keys()), (l) => `task ${l.id}`),
  };
}

/**
 * Draws one layout over the whole run (or `t0`..`t1` µs) into a `width`×`height` CSS px area of
 * `ctx`, at `pixelRatio` device px per CSS px. Sets the context's transform; does not clear.
 */
export function drawRunLayout(
  ctx: CanvasRenderingContext2D,
  layout: Layout,
  view: {
    width: number;
    height: number;
    t0: number;
    t1: number;
    pixelRatio?: number;
    scrollTop?: number;
  },
  paints: readonly Paint[] = makePaints(ctx, view.pixelRatio ?? 1),
): DrawStats {
  const dpr = view.pixelRatio ?? 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const vp: Viewport = {
    t0: view.t0,
    t1: view.t1,
    width: view.width,
    height: view.height,
    scrollTop: view.scrollTop ?? 0,
  };
  return drawLanes(ctx, layout, vp, paints, { pixelRatio: dpr });
}
