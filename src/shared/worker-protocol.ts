// Messages between the engine and the code running inside worker threads and child processes,
// and the work units the engine hands out. Shared so both sides type-check against one shape.

/** Size of the GIL's shared state: four int32 (holder, drop request, switches, waiters). */
export const GIL_BUFFER_BYTES = 16;

export type UnitMode = 'sequential' | 'async';

export interface SleepItem {
  readonly task: number;
  readonly ms: number;
}
export interface DownloadItem {
  readonly task: number;
  readonly url: string;
}
export interface CpuItem {
  readonly task: number;
  readonly iterations: number;
}
export interface FileItem {
  readonly task: number;
  readonly file: string;
  readonly chunkBytes: number;
  readonly latencyMs: number;
  /** Checksum passes over each chunk: sets the compute per chunk. */
  readonly passes: number;
}

export type WorkUnit =
  | { readonly kind: 'say-after'; readonly mode: UnitMode; readonly items: readonly SleepItem[] }
  | {
      readonly kind: 'fib';
      readonly mode: UnitMode;
      readonly blocking: boolean;
      readonly n: number;
      /** Pre-order index of this call in the whole fib call tree: its task id. */
      readonly task: number;
      readonly sleepMs: number;
      /** Only this call, without recursing (a node above the pool's cut). */
      readonly single: boolean;
    }
  | { readonly kind: 'download'; readonly mode: UnitMode; readonly items: readonly DownloadItem[] }
  | { readonly kind: 'cpu'; readonly mode: UnitMode; readonly items: readonly CpuItem[] }
  | { readonly kind: 'mixed'; readonly mode: UnitMode; readonly items: readonly FileItem[] }
  /** Benchmark only: emit `events` slices through the recorder's real batching path. */
  | { readonly kind: 'synthetic'; readonly events: number };

export type FaultKind = 'throw' | 'exit' | 'hang';

export interface WorkerInit {
  readonly kind: 'init';
  readonly actorId: number;
  /** The run's origin, process.hrtime.bigint() as a decimal string. */
  readonly originNs: string;
  readonly trace: boolean;
  /** The GIL's shared state (gil-threads only). */
  readonly gil?: SharedArrayBuffer;
  readonly fault?: { readonly task: number; readonly kind: FaultKind };
}

export type ToWorker =
  | WorkerInit
  | { readonly kind: 'run'; readonly unitId: number; readonly unit: WorkUnit }
  | { readonly kind: 'ping'; readonly seq: number }
  | { readonly kind: 'stop' };

export type FromWorker =
  | {
      readonly kind: 'ready';
      readonly pid: number;
      readonly tid: number;
      readonly coresObservable: boolean;
    }
  | { readonly kind: 'slices'; readonly data: Float64Array }
  | { readonly kind: 'task-done'; readonly task: number; readonly tUs: number }
  | { readonly kind: 'unit-done'; readonly unitId: number; readonly tUs: number }
  | { readonly kind: 'unit-failed'; readonly unitId: number; readonly reason: string }
  | { readonly kind: 'pong'; readonly seq: number; readonly nowNs: string };
