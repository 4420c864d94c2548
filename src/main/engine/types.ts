// The engine's public API. Plain Node: nothing here (or anywhere under engine/) imports electron,
// so the CLI, the browser host, the tests and the Electron shell all drive the same engine.
import type { MachineInfo, RunEvent, RunMeta, RunSummary } from '../../shared/events';
import type { RunParams } from '../../shared/params';

/** Built JavaScript files that worker threads and child processes start from. */
export interface WorkerEntries {
  readonly thread: string;
  readonly process: string;
}

export interface StartOptions {
  readonly entries: WorkerEntries;
  readonly signal?: AbortSignal;
  /** Hard limit on a run's duration; the run is cancelled and marked failed past it. */
  readonly maxRunMs?: number;
  /** Test and demo hook: make the worker serving task `task` throw, exit or hang. */
  readonly fault?: { readonly task: number; readonly kind: 'throw' | 'exit' | 'hang' };
}

export interface RunHandle {
  readonly meta: RunMeta;
  /** Event batches in order; ends when the run has ended. One consumer. */
  readonly events: AsyncIterable<RunEvent>;
  /** Resolves once every worker has stopped; never rejects. */
  readonly summary: Promise<RunSummary>;
  /** Stops every worker and process of the run (within a second). Idempotent. */
  cancel(): void;
}

export type { MachineInfo, RunEvent, RunMeta, RunSummary, RunParams };
