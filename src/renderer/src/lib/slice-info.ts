// Reads one slice out of the run's columns as plain, labelled values for the tooltip and table.
import {
  F_ACTOR,
  F_CORE,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  F_TASK,
  LANE_TASK,
  SLICE_STRIDE,
} from '../../../shared/events';
import type { RunStore } from '../../../shared/run-store';
import { STATES } from '../../../shared/states';

export interface SliceInfo {
  readonly lane: string;
  readonly actor: string;
  readonly task: string;
  readonly state: string;
  readonly core: string;
  readonly startUs: number;
  readonly durationUs: number;
}

export function actorName(store: RunStore, id: number): string {
  return store.actors.get(id)?.label ?? `actor ${id}`;
}

export function taskName(store: RunStore, id: number): string {
  if (id < 0) return '—';
  return store.tasks.get(id)?.label ?? `task ${id}`;
}

export function sliceInfo(store: RunStore, row: number): SliceInfo | undefined {
  if (row < 0 || row >= store.sliceCount) return undefined;
  const s = store.slices;
  const o = row * SLICE_STRIDE;
  const actor = s[o + F_ACTOR] ?? -1;
  const task = s[o + F_TASK] ?? -1;
  const core = s[o + F_CORE] ?? -1;
  const start = s[o + F_START] ?? 0;
  const end = s[o + F_END] ?? 0;
  const onTask = s[o + F_LANE] === LANE_TASK;
  return {
    lane: onTask ? `task: ${taskName(store, task)}` : `actor: ${actorName(store, actor)}`,
    actor: actorName(store, actor),
    task: taskName(store, task),
    state: STATES[s[o + F_STATE] ?? -1] ?? 'other',
    core: core >= 0 ? `CPU ${core}` : '—',
    startUs: start,
    durationUs: end - start,
  };
}
