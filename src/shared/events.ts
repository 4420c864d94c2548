// What a run streams: actor and task declarations, columnar slice batches, OS samples and
// failures. One monotonic clock: every time is in microseconds since the run's origin.
import type { RunParams } from './params';
import type { PythonAvailability, PythonSource } from './python';

export type ActorKind = 'thread' | 'process' | 'event-loop';

export interface ActorInfo {
  readonly id: number;
  readonly kind: ActorKind;
  readonly label: string;
  /** Real OS process id (0 until the actor reported it). */
  readonly pid: number;
  /** Real OS thread id (Linux tid; equals pid for a process's main thread). */
  readonly tid: number;
}

export interface TaskInfo {
  readonly id: number;
  readonly label: string;
  readonly parent?: number;
}

/**
 * Slices are stored 7 float64 per slice: lane kind, actor, task, state code, core, start µs,
 * end µs. Lane kind 0 is the actor's own timeline (never overlapping on one actor); 1 is a task's
 * timeline (tasks can overlap on one actor, e.g. four downloads awaiting on one event loop).
 * task is -1 where a slice serves no task; core is -1 where it is unknown or not on a core.
 */
export const SLICE_STRIDE = 7;
export const LANE_ACTOR = 0;
export const LANE_TASK = 1;
export const F_LANE = 0;
export const F_ACTOR = 1;
export const F_TASK = 2;
export const F_STATE = 3;
export const F_CORE = 4;
export const F_START = 5;
export const F_END = 6;

export type RunEvent =
  | { readonly kind: 'actor'; readonly actor: ActorInfo }
  | { readonly kind: 'tasks'; readonly tasks: readonly TaskInfo[] }
  | { readonly kind: 'slices'; readonly data: Float64Array }
  | { readonly kind: 'os'; readonly tUs: number; readonly busy: readonly number[] }
  | { readonly kind: 'task-done'; readonly task: number; readonly tUs: number }
  | {
      readonly kind: 'failure';
      readonly actor?: number;
      readonly task?: number;
      readonly tUs: number;
      readonly reason: string;
    };

export interface MachineInfo {
  readonly cpuModel: string;
  readonly logicalCores: number;
  readonly platform: string;
  readonly release: string;
  readonly arch: string;
  readonly totalMemoryGiB: number;
  readonly runtime: string;
  /** Whether the core each thread runs on can be read (Linux /proc/thread-self/stat). */
  readonly coresObservable: boolean;
  /** Plain words on why cores are or are not observable here. */
  readonly coresNote: string;
  /** Whether a run can be limited to k cores (CPU affinity; Linux with taskset). */
  readonly coresLimitable?: boolean;
  /** Plain words on how the cores limit works here, or why it is unavailable. */
  readonly coresLimitNote?: string;
  /** Whether Python scripts can run here, with which interpreter, or why not. */
  readonly python?: PythonAvailability;
}

export interface ClockInfo {
  readonly source: string;
  /** Largest measured offset between a child process's clock and the engine's, in µs. */
  readonly maxOffsetUs?: number;
  /** Round trip of the alignment probe that bounds the offset, in µs. */
  readonly probeRttUs?: number;
  /**
   * The run's zero on the machine's monotonic clock (CLOCK_MONOTONIC), in µs: lets a trace be
   * held against another recording of the same run, such as the kernel's scheduler trace.
   */
  readonly zeroMonotonicUs?: number;
}

export interface RunMeta {
  readonly runId: string;
  /**
   * A model run's parameters. A Python run fills them with the scenario and model its script
   * demonstrates (examples) or a neutral placeholder (other scripts), so Compare and the
   * explanations read every run alike; `source` says what really ran.
   */
  readonly params: RunParams;
  /** Absent: one of CoreScope's models ran. */
  readonly source?: PythonSource;
  readonly machine: MachineInfo;
  readonly startedAt: string;
  readonly clock: ClockInfo;
}

export type RunStatus = 'completed' | 'failed' | 'cancelled';

export interface FailureInfo {
  readonly actor?: number;
  readonly task?: number;
  readonly reason: string;
}

export interface RunSummary {
  readonly status: RunStatus;
  /**
   * Run start to last task done. Pools include their workers' start-up (as Python's timing of a
   * Pool does); a sequential or async program's clock starts when the program starts.
   */
  readonly wallMs: number;
  /** Sequential/async: CoreScope's start-up of the thread hosting the program, outside wallMs. */
  readonly hostStartMs?: number;
  /** Sum of running slices of every actor. */
  readonly cpuMs: number;
  /** Our running time on each core divided by the wall time (Linux), else empty. */
  readonly coreBusy: readonly number[];
  /** Mean OS busy fraction of each core during the run (all processes). */
  readonly osBusy: readonly number[];
  readonly actors: number;
  readonly tasks: number;
  readonly tasksDone: number;
  readonly slices: number;
  readonly failures: readonly FailureInfo[];
  readonly clock: ClockInfo;
  /** What CoreScope itself spent during the run, where it could be read. */
  readonly observer?: ObserverCost;
}

/**
 * CPU time CoreScope's own parts used while the run went on, ms: the engine's thread (read from
 * the OS) and the window's drawing: in the Electron shell the window's renderer and GPU processes
 * as the OS counted them (rendererCpuMs); in any host the script time of its live frames
 * (drawMs: a lower bound, since the browser's painting runs outside the page's view).
 */
export interface ObserverCost {
  readonly engineCpuMs?: number;
  readonly drawMs?: number;
  readonly rendererCpuMs?: number;
}
