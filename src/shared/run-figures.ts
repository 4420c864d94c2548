// The figures one finished run is compared and explained by: wall and CPU time, how many cores
// it could and did use, and where its actors' time went, per state. Pure: reads a RunStore and
// its summary. State shares are fractions of the actors' time (wall × actors), so "the threads
// spent 48 % waiting for the GIL" means 48 % of every thread's life on average.
import {
  F_ACTOR,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  LANE_ACTOR,
  LANE_TASK,
  SLICE_STRIDE,
  type RunSummary,
} from './events';
import type { Model, ScenarioId } from './params';
import type { RunStore } from './run-store';
import { STATE_CODE, STATES, type SliceState } from './states';

export type StateTimes = Readonly<Record<SliceState, number>>;

export interface RunFigures {
  readonly runId: string;
  readonly scenario: ScenarioId;
  readonly model: Model;
  /** What the run is named by: its model, or the script a Python run ran. */
  readonly label: string;
  readonly workers: number;
  readonly status: RunSummary['status'];
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Cores the run was allowed: its cores limit, else the machine's logical cores. */
  readonly coresAvailable: number;
  /** Cores the run could keep busy at once: min(actors, coresAvailable), at least 1. */
  readonly coresUsed: number;
  readonly actors: number;
  readonly tasks: number;
  /** CPU time ÷ wall time: cores busy on average. */
  readonly parallelism: number;
  /** CPU time ÷ (wall × coresAvailable): mean utilisation of the allowed cores. */
  readonly utilisation: number;
  /** Our running share of each core (Linux), from the summary; empty where cores are unknown. */
  readonly coreBusy: readonly number[];
  /** Time in each state on the actors' own lanes, ms. */
  readonly stateMs: StateTimes;
  /** stateMs ÷ (wall × actors). */
  readonly stateShare: StateTimes;
  /** Time tasks spent waiting (I/O, sleeping, blocked) summed over the task lanes, ms. */
  readonly taskWaitMs: number;
  /**
   * Part of stateMs.blocked that is threads waiting for one another (a lock, a queue, a join):
   * a Python run's threads that run no event loop, where a time.sleep is `sleeping` and only
   * those waits are `blocked`. 0 on model runs, whose blocked time is always a blocking sleep.
   */
  readonly threadWaitMs: number;
  /** Cores' worth of CPU CoreScope itself used during the run, where it was measured. */
  readonly observer?: ObserverShare;
}

export interface ObserverShare {
  /** The engine's thread: CPU ms ÷ wall ms. */
  readonly engineCores?: number;
  /**
   * The window's drawing ÷ wall ms: its renderer and GPU processes' CPU where the host could read
   * it (Electron), else the script time of its live frames.
   */
  readonly drawCores?: number;
  /** Whether drawCores is the OS's count of the window's processes (else page script time). */
  readonly drawFromOs?: boolean;
}

function observerShare(summary: RunSummary): ObserverShare | undefined {
  const o = summary.observer;
  if (o === undefined || !(summary.wallMs > 0)) return undefined;
  return {
    ...(o.engineCpuMs !== undefined ? { engineCores: o.engineCpuMs / summary.wallMs } : {}),
    ...(o.rendererCpuMs !== undefined
      ? { drawCores: o.rendererCpuMs / summary.wallMs, drawFromOs: true }
      : o.drawMs !== undefined
        ? { drawCores: o.drawMs / summary.wallMs }
        : {}),
  };
}

/** Every state at zero: the start of a per-state sum. */
export function zeroStates(): Record<SliceState, number> {
  return {
    running: 0,
    preempted: 0,
    'io-wait': 0,
    sleeping: 0,
    blocked: 0,
    'gil-wait': 0,
    spawning: 0,
  };
}

/** Task-lane states in which a task waits rather than computes. */
const WAITING = new Set<number>([STATE_CODE['io-wait'], STATE_CODE.sleeping, STATE_CODE.blocked]);

export function runFigures(store: RunStore, summary: RunSummary): RunFigures | undefined {
  const meta = store.meta;
  if (meta === undefined) return undefined;
  const stateUs = zeroStates();
  let taskWaitUs = 0;
  let threadWaitUs = 0;
  const python = meta.source?.kind === 'python';
  const s = store.slices;
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    const code = s[o + F_STATE] ?? -1;
    const us = (s[o + F_END] ?? 0) - (s[o + F_START] ?? 0);
    if (s[o + F_LANE] === LANE_ACTOR) {
      const state = STATES[code];
      if (state !== undefined) stateUs[state] += us;
      if (
        python &&
        code === STATE_CODE.blocked &&
        store.actors.get(s[o + F_ACTOR] ?? -1)?.kind !== 'event-loop'
      )
        threadWaitUs += us;
    } else if (s[o + F_LANE] === LANE_TASK && WAITING.has(code)) {
      taskWaitUs += us;
    }
  }
  const wallMs = summary.wallMs;
  const actors = Math.max(1, summary.actors, store.actors.size);
  const coresAvailable = meta.params.cores ?? meta.machine.logicalCores;
  const coresUsed = Math.max(1, Math.min(actors, coresAvailable));
  const stateMs = zeroStates();
  const stateShare = zeroStates();
  for (const st of STATES) {
    stateMs[st] = stateUs[st] / 1000;
    stateShare[st] = wallMs > 0 ? stateMs[st] / (wallMs * actors) : 0;
  }
  const observer = observerShare(summary);
  return {
    runId: meta.runId,
    scenario: meta.params.scenario,
    model: meta.params.model,
    label: meta.source?.kind === 'python' ? meta.source.script : meta.params.model,
    workers: meta.params.workers,
    status: summary.status,
    wallMs,
    cpuMs: summary.cpuMs,
    coresAvailable,
    coresUsed,
    actors,
    tasks: summary.tasks,
    parallelism: wallMs > 0 ? summary.cpuMs / wallMs : 0,
    utilisation: wallMs > 0 ? Math.min(1, summary.cpuMs / (wallMs * coresAvailable)) : 0,
    coreBusy: summary.coreBusy,
    stateMs,
    stateShare,
    taskWaitMs: taskWaitUs / 1000,
    threadWaitMs: threadWaitUs / 1000,
    ...(observer !== undefined ? { observer } : {}),
  };
}
