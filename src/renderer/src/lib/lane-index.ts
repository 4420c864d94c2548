// Splits a RunStore's slices into lanes: one per logical core (our running slices that name a
// core, coloured by actor), one per actor (lane kind 0, coloured by state) and one per task (lane
// kind 1). Ingest is incremental: each call copies only the slices appended since the last call.
import {
  F_ACTOR,
  F_CORE,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  F_TASK,
  LANE_ACTOR,
  LANE_TASK,
  SLICE_STRIDE,
} from '../../../shared/events';
import type { RunStore } from '../../../shared/run-store';
import { STATE_CODE } from '../../../shared/states';
import { actorKey, stateKey } from './palette';
import { Lane } from './lane';

export class LaneIndex {
  readonly cores: Lane[] = [];
  readonly actors = new Map<number, Lane>();
  readonly tasks = new Map<number, Lane>();
  /** Running slices per core, as drawn on the core lanes. */
  readonly coreSlices: number[] = [];
  private ingested = 0;

  constructor(coreCount: number) {
    this.ensureCores(coreCount);
  }

  get ingestedSlices(): number {
    return this.ingested;
  }

  private ensureCores(n: number): void {
    for (let c = this.cores.length; c < n; c++) {
      this.cores.push(new Lane('core', c));
      this.coreSlices.push(0);
    }
  }

  private laneOf(map: Map<number, Lane>, kind: 'actor' | 'task', id: number): Lane {
    let lane = map.get(id);
    if (lane === undefined) {
      lane = new Lane(kind, id);
      map.set(id, lane);
    }
    return lane;
  }

  /** Copies slices appended to `store` since the previous call. Returns how many were new. */
  ingest(store: RunStore): number {
    const s = store.slices;
    const total = store.sliceCount;
    for (let row = this.ingested; row < total; row++) {
      const o = row * SLICE_STRIDE;
      const laneKind = s[o + F_LANE] ?? -1;
      const actor = s[o + F_ACTOR] ?? -1;
      const state = s[o + F_STATE] ?? -1;
      const start = s[o + F_START] ?? 0;
      const end = s[o + F_END] ?? 0;
      if (laneKind === LANE_ACTOR) {
        this.laneOf(this.actors, 'actor', actor).push(start, end, stateKey(state), row);
        const core = s[o + F_CORE] ?? -1;
        if (state === STATE_CODE.running && core >= 0 && Number.isInteger(core)) {
          this.ensureCores(core + 1);
          this.cores[core]?.push(start, end, actorKey(actor), row);
          this.coreSlices[core] = (this.coreSlices[core] ?? 0) + 1;
        }
      } else if (laneKind === LANE_TASK) {
        const task = s[o + F_TASK] ?? -1;
        this.laneOf(this.tasks, 'task', task).push(start, end, stateKey(state), row);
      }
    }
    const added = total - this.ingested;
    this.ingested = total;
    return added;
  }

  /** Actor lanes in id order, including actors that have not reported a slice yet. */
  actorLanes(ids: Iterable<number>): Lane[] {
    for (const id of ids) this.laneOf(this.actors, 'actor', id);
    return [...this.actors.values()].sort((a, b) => a.id - b.id);
  }

  /** Task lanes in id order, including declared tasks without slices yet. */
  taskLanes(ids: Iterable<number>): Lane[] {
    for (const id of ids) this.laneOf(this.tasks, 'task', id);
    return [...this.tasks.values()].sort((a, b) => a.id - b.id);
  }
}
