// The transport-neutral service behind CoreScopeApi: one run at a time, validated parameters,
// event batches coalesced to at most one message per FRAME_MS. The Electron IPC handlers
// and the browser host's WebSocket both delegate here.
import type { RunMessage, StartResult } from '../../shared/contract';
import type { MachineInfo, RunEvent, RunMeta } from '../../shared/events';
import { isPythonInput } from '../../shared/python';
import { SCENARIO_CATALOG, parseRunParams, type ScenarioInfo } from '../../shared/scenarios';
import { coresLimitError } from './affinity';
import { EventBatcher } from './event-batcher';
import { machineInfo, startRun } from './engine';
import type { PythonAvailability } from '../../shared/python';
import {
  availabilityOf,
  DEFAULT_PYTHON,
  probePythonNow,
  pythonAvailability,
} from './python/interpreter';
import { startPythonFromInput } from './python/python-start';
import type { RunHandle, WorkerEntries } from './types';

export interface RunService {
  machineInfo(): MachineInfo;
  listScenarios(): readonly ScenarioInfo[];
  /** Validates `input` (untrusted) and starts a run; refuses while one is in progress. */
  startRun(input: unknown): StartResult;
  /** Cancels the run if it is the current one; unknown ids are ignored. */
  cancelRun(runId: string): void;
  /**
   * The run in progress and every event already sent to subscribers, in order (later ones
   * follow as messages), so a page that connects mid-run can show it; undefined when idle.
   */
  currentRun(): { readonly meta: RunMeta; readonly events: readonly RunEvent[] } | undefined;
  /**
   * Makes `path` the interpreter of Python runs that name none (undefined: back to the one the
   * engine started with). Checked first (it runs, and is CPython 3.9 or newer); a path that fails
   * the check is refused with the reason and changes nothing. Refused while a run is in progress.
   */
  setPython(
    path: string | undefined,
  ): Promise<
    | { readonly ok: true; readonly python: PythonAvailability }
    | { readonly ok: false; readonly error: string }
  >;
  /** Receives every run's messages; returns the unsubscribe function. */
  subscribe(listener: (message: RunMessage) => void): () => void;
  /** Cancels any run and resolves when all of its workers have stopped. */
  dispose(): Promise<void>;
}

export interface RunServiceOptions {
  readonly entries: WorkerEntries;
  /** Interpreter for Python runs that name none (the app's setting, --python); else python3. */
  readonly python?: string;
}

/**
 * Longest gap between two event messages to a window: 66 ms (~15 a second). The window draws
 * one frame per message, right when it arrives, so this sets the live frame rate: every message
 * wakes the window's main thread and every frame is raster and compositing work on the cores
 * being measured. 66 ms keeps a slice's pixels within 100 ms of its end.
 */
export const FRAME_MS = 66;

/**
 * The live message interval, ms: FRAME_MS, or CORESCOPE_FRAME_MS when it names a whole number
 * from 16 to 2000 (the observer bench compares live rates with it). Anything else is reported
 * once on stderr and ignored.
 */
export function frameMsFrom(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CORESCOPE_FRAME_MS;
  if (raw === undefined || raw === '') return FRAME_MS;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 16 && n <= 2000) return n;
  console.error(`CORESCOPE_FRAME_MS=${raw} ignored: give a whole number of ms from 16 to 2000`);
  return FRAME_MS;
}

export function createRunService(options: RunServiceOptions): RunService {
  const listeners = new Set<(message: RunMessage) => void>();
  const frameMs = frameMsFrom();
  let current:
    | {
        readonly runId: string;
        readonly handle: RunHandle;
        readonly pump: Promise<void>;
        /** Everything broadcast for this run so far (references, not copies). */
        readonly sent: RunEvent[];
      }
    | undefined;
  let python = options.python;
  let machine: MachineInfo = { ...machineInfo(), python: pythonAvailability(python) };
  const broadcast = (m: RunMessage): void => {
    for (const l of listeners) {
      try {
        l(m);
      } catch {
        // A failing listener (a closed window or socket) must not stop the others.
      }
    }
  };

  const pump = async (runId: string, handle: RunHandle): Promise<void> => {
    const batcher = new EventBatcher((events) => {
      if (current?.runId === runId) for (const e of events) current.sent.push(e);
      broadcast({ kind: 'events', runId, events });
    }, frameMs);
    // The run is over before its end is announced, so a listener may start the next one at once.
    const release = (): void => {
      batcher.dispose();
      if (current?.runId === runId) current = undefined;
    };
    try {
      for await (const ev of handle.events) batcher.push(ev);
      batcher.flush();
      const summary = await handle.summary;
      release();
      broadcast({ kind: 'end', runId, summary });
    } catch (e) {
      batcher.flush();
      release();
      broadcast({
        kind: 'error',
        runId,
        error: `the engine failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  };

  return {
    machineInfo: () => machine,
    listScenarios: () => SCENARIO_CATALOG,
    startRun(input) {
      if (current)
        return {
          ok: false,
          error: 'a run is already in progress: cancel it or wait for it to finish',
        };
      if (isPythonInput(input)) {
        const started = startPythonFromInput(input, machine.logicalCores, python);
        if (!started.ok) return started;
        const runId = started.handle.meta.runId;
        const sent: RunEvent[] = [];
        current = { runId, handle: started.handle, sent, pump: pump(runId, started.handle) };
        return { ok: true, meta: started.handle.meta };
      }
      const parsed = parseRunParams(input, machine.logicalCores);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const limitError = coresLimitError(parsed.params.cores);
      if (limitError !== undefined) return { ok: false, error: limitError };
      const handle = startRun(parsed.params, { entries: options.entries });
      const runId = handle.meta.runId;
      const sent: RunEvent[] = [];
      current = { runId, handle, sent, pump: pump(runId, handle) };
      return { ok: true, meta: handle.meta };
    },
    async setPython(path) {
      const busy = 'the interpreter cannot change while a run is in progress';
      if (current) return { ok: false, error: busy };
      const wanted = path ?? options.python ?? DEFAULT_PYTHON;
      const probe = await probePythonNow(wanted);
      // Only a working interpreter is taken, except the engine's own default when asked back.
      if (!probe.ok && path !== undefined) return { ok: false, error: `python: ${probe.reason}` };
      if (current) return { ok: false, error: busy };
      python = path ?? options.python;
      const availability = availabilityOf(wanted, probe);
      machine = { ...machine, python: availability };
      return { ok: true, python: availability };
    },
    cancelRun(runId) {
      if (current?.runId === runId) current.handle.cancel();
    },
    currentRun() {
      return current === undefined
        ? undefined
        : { meta: current.handle.meta, events: [...current.sent] };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      const run = current;
      if (!run) return;
      run.handle.cancel();
      await run.handle.summary;
      await run.pump;
    },
  };
}
