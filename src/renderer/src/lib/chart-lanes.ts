// The chart's three panels (per core, per actor, per task) as one layout: which lanes each panel
// has, their sizes (normal or presentation), their names, and what each bar is labelled with.
// The live chart, the PNG/SVG snapshot and each run in Compare (its core and actor panels, at
// Compare's density) all call this, so every view shows the same lanes in the same order.
import { F_ACTOR, F_TASK, SLICE_STRIDE } from '../../../shared/events';
import type { RunStore } from '../../../shared/run-store';
import type { LaneIndex } from './lane-index';
import { laneSize, type LaneDensity } from './lane-sizes';
import { layoutLanes, type Layout, type LaneSize } from './lanes';
import { actorName, taskName } from './slice-info';

export interface ChartPanel {
  readonly heading: string;
  readonly layout: Layout;
  /** Text written inside a bar, from its row in the store. */
  readonly labelOf: (storeRow: number) => string;
}

export interface ChartLanes {
  readonly cores: ChartPanel;
  readonly actors: ChartPanel;
  readonly tasks: ChartPanel;
}

/**
 * The three panels of `store` as `index` splits it; `presenting` picks projection sizes and
 * `density` the chart's or Compare's; `coreSize` overrides the core lanes' size (presentation
 * mode shrinks them to fit the window's height).
 */
export function chartLanes(
  store: RunStore,
  index: LaneIndex,
  presenting: boolean,
  density: LaneDensity = 'chart',
  coreSize?: LaneSize,
): ChartLanes {
  const column = (row: number, field: number): number =>
    store.slices[row * SLICE_STRIDE + field] ?? -1;
  // Core lanes are coloured by actor, so their bars name the actor; actor lanes name the task
  // the actor ran; task lanes name the actor that ran the task.
  const actorOfRow = (row: number): string => actorName(store, column(row, F_ACTOR));
  const taskOfRow = (row: number): string => {
    const task = column(row, F_TASK);
    return task >= 0 ? taskName(store, task) : '';
  };
  const actorLanes = index.actorLanes(store.actors.keys());
  const taskLanes = index.taskLanes(store.tasks.keys());
  return {
    cores: {
      heading: 'Per core',
      layout: layoutLanes(
        'core',
        index.cores,
        (l) => `CPU ${l.id}`,
        coreSize ?? laneSize('core', index.cores.length, presenting, density),
      ),
      labelOf: actorOfRow,
    },
    actors: {
      heading: 'Per actor',
      layout: layoutLanes(
        'actor',
        actorLanes,
        (l) => actorName(store, l.id),
        laneSize('actor', actorLanes.length, presenting, density),
      ),
      labelOf: taskOfRow,
    },
    tasks: {
      heading: 'Per task',
      layout: layoutLanes(
        'task',
        taskLanes,
        (l) => taskName(store, l.id),
        laneSize('task', taskLanes.length, presenting, density),
      ),
      labelOf: actorOfRow,
    },
  };
}
