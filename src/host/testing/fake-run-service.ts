// A RunService stand-in for transport tests: records calls, validates like the real one enough
// to tell good input from bad, and lets a test push run messages.
import type { RunMessage, StartResult } from '../../shared/contract';
import { SCENARIO_CATALOG, parseRunParams } from '../../shared/scenarios';
import type { RunService } from '../../main/engine/run-service';
import { TEST_MACHINE } from '../../shared/test-figures';

export interface FakeRunService extends RunService {
  readonly calls: string[];
  emit(message: RunMessage): void;
  listenerCount(): number;
}

export function createFakeRunService(): FakeRunService {
  const calls: string[] = [];
  const listeners = new Set<(m: RunMessage) => void>();
  let next = 1;
  return {
    calls,
    machineInfo: () => {
      calls.push('machineInfo');
      return TEST_MACHINE;
    },
    listScenarios: () => {
      calls.push('listScenarios');
      return SCENARIO_CATALOG;
    },
    startRun: (input: unknown): StartResult => {
      calls.push('startRun');
      const parsed = parseRunParams(input, TEST_MACHINE.logicalCores);
      if (!parsed.ok) return parsed;
      const runId = `run-${next++}`;
      return {
        ok: true,
        meta: {
          runId,
          params: parsed.params,
          machine: TEST_MACHINE,
          startedAt: '',
          clock: { source: 'fake' },
        },
      };
    },
    cancelRun: (runId: string) => {
      calls.push(`cancelRun:${runId}`);
    },
    currentRun: () => {
      calls.push('currentRun');
      return undefined;
    },
    setPython: (path) => {
      calls.push(`setPython:${path ?? ''}`);
      return Promise.resolve({ ok: false, error: 'fake: no interpreters here' });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      calls.push('dispose');
      return Promise.resolve();
    },
    emit: (message) => {
      for (const l of listeners) l(message);
    },
    listenerCount: () => listeners.size,
  };
}
