// The one API contract between the UI and whatever hosts the engine: Electron's preload
// (over IPC) or the browser host (over a WebSocket). The renderer only sees `CoreScopeApi`.
import type { DesktopApi } from './desktop-contract';
import type { MachineInfo, RunEvent, RunMeta, RunSummary } from './events';
import type { LibraryApi } from './library-contract';
import type { RunParamsInput } from './params';
import type { PythonRunInput } from './python';
import type { ScenarioInfo } from './scenarios';

export type StartResult =
  { readonly ok: true; readonly meta: RunMeta } | { readonly ok: false; readonly error: string };

/** What a subscriber receives: a run's event batches, then exactly one end message. */
export type RunMessage =
  | { readonly kind: 'events'; readonly runId: string; readonly events: readonly RunEvent[] }
  | { readonly kind: 'end'; readonly runId: string; readonly summary: RunSummary }
  | { readonly kind: 'error'; readonly runId: string; readonly error: string };

/** DesktopApi's methods are optional: only Electron has them. Both hosts offer LibraryApi. */
export interface CoreScopeApi extends DesktopApi, LibraryApi {
  machineInfo(): Promise<MachineInfo>;
  listScenarios(): Promise<readonly ScenarioInfo[]>;
  /** Validates and starts a run (a model run, or `source: 'python'`); at most one at a time. */
  startRun(params: RunParamsInput | PythonRunInput): Promise<StartResult>;
  cancelRun(runId: string): Promise<void>;
  /** Receives every run's messages; returns the unsubscribe function. */
  subscribeRuns(listener: (message: RunMessage) => void): () => void;
}

/** IPC channel names, shared by main and preload. */
export const IPC = {
  machineInfo: 'corescope:machine-info',
  listScenarios: 'corescope:list-scenarios',
  startRun: 'corescope:start-run',
  cancelRun: 'corescope:cancel-run',
  runMessage: 'corescope:run-message',
} as const;
