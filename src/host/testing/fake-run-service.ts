// A RunService stand-in for transport tests: records calls, validates like the real one enough
// to tell good input from bad, and lets a test push run messages.
import type { RunMessage, StartResult } from '../../shared/contract';
import type { MachineInfo } from '../../shared/events';
import { SCENARIO_CATALOG, parseRunParams } from '../../shared/scenarios';
import type { RunService } from '../../main/engine/run-service';

export const FAKE_MACHINE: MachineInfo = {
  cpuModel: 'Fake CPU',
  logicalCores: 2,
  platform: 'linux',
  release: '6.0',
  arch: 'x64',
  totalMemoryGiB: 4,
  runtime: 'node test',
  coresObservable: true,
  coresNote: 'fake',
};

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
      return FAKE_MACHINE;
    },
    listScenarios: () => {
      calls.push('listScenarios');
      return SCENARIO_CATALOG;
    },
    startRun: (input: unknown): StartResult => {
      calls.push('startRun');
      const parsed = parseRunParams(input, FAKE_MACHINE.logicalCores);
      if (!parsed.ok) return parsed;
      const runId = `run-${next++}`;
      return {
        ok: true,
        meta: {
          runId,
          params: parsed.params,
          machine: FAKE_MACHINE,
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
