// Tasks still in progress, for drawing their bars growing while a run goes on. A task's own lane
// gets a slice only when the task changes state (a cpu-bound task: one slice, at its end), but
// the thread that serves it reports slices tagged with the task as it runs (at each preemption
// or core change). So a task whose thread's newest slice for it is newer than its own lane's
// newest slice, and that is not done, is running from the later of its first tagged slice and
// its lane's last end up to now: that open part is what a live frame draws to the live edge.
import {
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

/** A task's bar part not in its lane yet: from `fromUs` to the live edge. */
export interface OpenBar {
  readonly task: number;
  readonly fromUs: number;
}

interface TaskSeen {
  /** Start of the first thread slice serving the task, µs. */
  first: number;
  /** End of the newest thread slice serving it, and whether that slice ran (or waited for a core). */
  actorEnd: number;
  running: boolean;
  /** End of the task lane's newest slice, µs (-Infinity: none yet). */
  laneEnd: number;
}

export class OpenTasks {
  private readonly seen = new Map<number, TaskSeen>();
  private ingested = 0;

  constructor(private readonly store: RunStore) {}

  /** Reads the slices that came since the last call. */
  ingest(): void {
    const s = this.store.slices;
    const total = this.store.sliceCount;
    for (let row = this.ingested; row < total; row++) {
      const o = row * SLICE_STRIDE;
      const task = s[o + F_TASK] ?? -1;
      if (task < 0) continue;
      const kind = s[o + F_LANE];
      const start = s[o + F_START] ?? 0;
      const end = s[o + F_END] ?? 0;
      let t = this.seen.get(task);
      if (t === undefined) {
        t = { first: start, actorEnd: -Infinity, running: false, laneEnd: -Infinity };
        this.seen.set(task, t);
      }
      if (kind === LANE_ACTOR) {
        if (start < t.first) t.first = start;
        if (end >= t.actorEnd) {
          t.actorEnd = end;
          const state = s[o + F_STATE];
          t.running = state === STATE_CODE.running || state === STATE_CODE.preempted;
        }
      } else if (kind === LANE_TASK && end > t.laneEnd) t.laneEnd = end;
    }
    this.ingested = total;
  }

  /** The open bars now, in task order. */
  bars(): OpenBar[] {
    const out: OpenBar[] = [];
    for (const [task, t] of this.seen) {
      if (!t.running || this.store.tasksDone.has(task) || t.actorEnd <= t.laneEnd) continue;
      out.push({ task, fromUs: Math.max(t.first, t.laneEnd) });
    }
    return out.sort((a, b) => a.task - b.task);
  }
}
