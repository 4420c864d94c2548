// Test helpers: a RunMeta and RunSummary for a made-up run, a small valid run file, and
// RunFigures with overrides, so the stats and explanation rules can be tested on exact numbers.
import type { MachineInfo, RunMeta, RunSummary } from './events';
import type { Model } from './params';
import type { RunFigures, StateTimes } from './run-figures';
import { toRunFile, type RunFile } from './run-file';
import { RunStore } from './run-store';
import { STATES, type SliceState } from './states';

export const TEST_MACHINE: MachineInfo = {
  cpuModel: 'Test CPU',
  logicalCores: 2,
  platform: 'linux',
  release: '6',
  arch: 'x64',
  totalMemoryGiB: 4,
  runtime: 'node',
  coresObservable: true,
  coresNote: '',
};

export function testMeta(model: Model, workers: number, cores?: number): RunMeta {
  return {
    runId: `run-${model}`,
    params: {
      scenario: 'cpu-bound',
      model,
      workers,
      tasks: 4,
      size: 200,
      scale: 1,
      variant: 'nonblocking',
      trace: true,
      ...(cores !== undefined ? { cores } : {}),
    },
    machine: TEST_MACHINE,
    startedAt: '2025-01-01T00:00:00Z',
    clock: { source: 'test' },
  };
}

export function testSummary(over: Partial<RunSummary> = {}): RunSummary {
  return {
    status: 'completed',
    wallMs: 1000,
    cpuMs: 1000,
    coreBusy: [],
    osBusy: [],
    actors: 1,
    tasks: 4,
    tasksDone: 4,
    slices: 0,
    failures: [],
    clock: { source: 'test' },
    ...over,
  };
}

/**
 * A small but valid run file (say-after, no slices) for transport and library tests; with
 * `minBytes`, padded with actors until their JSON passes that size (a large request).
 */
export function testRunFile(runId = 'r1', minBytes = 0): RunFile {
  const store = new RunStore({
    runId,
    startedAt: '2026-01-01T00:00:00.000Z',
    params: {
      scenario: 'say-after',
      model: 'async',
      workers: 1,
      tasks: 2,
      size: 1,
      scale: 1,
      variant: 'blocking',
      trace: true,
    },
    machine: TEST_MACHINE,
    clock: { source: 'test' },
  });
  for (let id = 0; JSON.stringify([...store.actors.values()]).length < minBytes; id++) {
    store.apply({
      kind: 'actor',
      actor: { id, kind: 'thread', label: 'x'.repeat(400), pid: 1, tid: id },
    });
  }
  return toRunFile(store, testSummary({ wallMs: 1, cpuMs: 0, tasks: 0, tasksDone: 0, actors: 0 }));
}

const ZERO: StateTimes = {
  running: 0,
  preempted: 0,
  'io-wait': 0,
  sleeping: 0,
  blocked: 0,
  'gil-wait': 0,
  spawning: 0,
};

/** Figures of a run; shares given in `share` also set stateMs consistently. */
export function figures(
  over: Partial<Omit<RunFigures, 'stateShare' | 'stateMs'>> & {
    share?: Partial<StateTimes>;
  } = {},
): RunFigures {
  const { share = {}, ...rest } = over;
  const base = {
    runId: 'r',
    scenario: 'cpu-bound' as const,
    model: 'sequential' as const,
    workers: 1,
    status: 'completed' as const,
    wallMs: 1000,
    cpuMs: 1000,
    coresAvailable: 2,
    coresUsed: 1,
    actors: 1,
    tasks: 4,
    parallelism: 1,
    utilisation: 0.5,
    coreBusy: [] as readonly number[],
    taskWaitMs: 0,
    threadWaitMs: 0,
    ...rest,
  };
  const label = rest.label ?? base.model;
  const coresUsed = rest.coresUsed ?? Math.max(1, Math.min(base.actors, base.coresAvailable));
  const stateShare = { ...ZERO, ...share };
  const stateMs: Record<SliceState, number> = { ...ZERO };
  for (const k of STATES) stateMs[k] = stateShare[k] * base.wallMs * base.actors;
  return { ...base, label, coresUsed, stateShare, stateMs };
}
