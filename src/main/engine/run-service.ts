// The transport-neutral service behind CoreScopeApi: one run at a time, validated parameters,
// event batches coalesced to at most one message per animation frame. The Electron IPC handlers
// and the browser host's WebSocket both delegate here.
import type { RunMessage, StartResult } from '../../shared/contract';
import type { MachineInfo } from '../../shared/events';
import type { ScenarioInfo } from '../../shared/scenarios';
import type { WorkerEntries } from './types';

export interface RunService {
  machineInfo(): MachineInfo;
  listScenarios(): readonly ScenarioInfo[];
  /** Validates `input` (untrusted) and starts a run; refuses while one is in progress. */
  startRun(input: unknown): StartResult;
  /** Cancels the run if it is the current one; unknown ids are ignored. */
  cancelRun(runId: string): void;
  /** Receives every run's messages; returns the unsubscribe function. */
  subscribe(listener: (message: RunMessage) => void): () => void;
  /** Cancels any run and resolves when all of its workers have stopped. */
  dispose(): Promise<void>;
}

export interface RunServiceOptions {
  readonly entries: WorkerEntries;
}
