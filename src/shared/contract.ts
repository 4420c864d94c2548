// The one API between the UI and whatever hosts the engine: Electron's preload (over IPC) or the
// browser host (over a WebSocket). Its request methods come from the operations table
// (operations.ts); run messages are pushed to subscribers. The renderer only sees CoreScopeApi.
import type { RunEvent, RunMeta, RunSummary } from './events';
import type { OperationsApi } from './operations';

/** The engine's answer to a start request; the startRun operation turns a refusal into an error. */
export type StartResult =
  { readonly ok: true; readonly meta: RunMeta } | { readonly ok: false; readonly error: string };

/** What a subscriber receives: a run's event batches, then exactly one end message. */
export type RunMessage =
  | { readonly kind: 'events'; readonly runId: string; readonly events: readonly RunEvent[] }
  | { readonly kind: 'end'; readonly runId: string; readonly summary: RunSummary }
  | { readonly kind: 'error'; readonly runId: string; readonly error: string };

export type CoreScopeApi = OperationsApi & {
  /** Receives every run's messages; returns the unsubscribe function. */
  subscribeRuns(listener: (message: RunMessage) => void): () => void;
};
