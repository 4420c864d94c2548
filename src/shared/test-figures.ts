// Test helpers: a RunMeta and RunSummary for a made-up run, a valid run file of any size, and
// RunFigures with overrides, so the stats and explanation rules can be tested on exact numbers;
// and the one reader of packed slices the tests share.
import {
  F_ACTOR,
  F_CORE,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  F_TASK,
  LANE_ACTOR,
  SLICE_STRIDE,
  type MachineInfo,
  type RunMeta,
  type RunSummary,
} from './events';
import type { Model } from './params';
import type { PythonSource } from './python';
import { zeroStates, type RunFigures, type StateTimes } from './run-figures';
import { toRunFile, type RunFile } from './run-file';
import { RunStore } from './run-store';
import { STATE_CODE, STATES } from './states';

/** A real CPython run's source as the tracer records it, for `script`. */
export function testPythonSource(script: string): PythonSource {
  return {
    kind: 'python',
    script,
    text: 'print(1)\n',
    runtime: 'CPython 3.11.7',
    interpreter: '/usr/bin/python3',
    gil: true,
    note: 'threads, asyncio tasks and processes observed',
    scale: 1,
  };
}

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

/** One packed slice, its fields named (state is the numeric code). */
export interface SliceRow {
  readonly lane: number;
  readonly actor: number;
  readonly task: number;
  readonly state: number;
  readonly core: number;
  readonly start: number;
  readonly end: number;
}

/** The slices packed in `data` (SLICE_STRIDE numbers each), as plain arrays in their order. */
export function sliceArrays(data: Float64Array): number[][] {
  const out: number[][] = [];
  for (let o = 0; o + SLICE_STRIDE <= data.length; o += SLICE_STRIDE)
    out.push(Array.from(data.subarray(o, o + SLICE_STRIDE)));
  return out;
}

/** The slices packed in `data`, their fields named. */
export function sliceRows(data: Float64Array): SliceRow[] {
  return sliceArrays(data).map((r) => ({
    lane: r[F_LANE] ?? -1,
    actor: r[F_ACTOR] ?? -1,
    task: r[F_TASK] ?? -1,
    state: r[F_STATE] ?? -1,
    core: r[F_CORE] ?? -1,
    start: r[F_START] ?? 0,
    end: r[F_END] ?? 0,
  }));
}

export interface TestRunFileOptions {
  /** Running slices of its one thread, alternating cores (about 30 bytes of JSON each). */
  readonly slices?: number;
  /** Pads the file with actors until their JSON passes this many bytes (a large request). */
  readonly minBytes?: number;
}

/**
 * A small valid run file (cpu-bound · threads × 2: one thread, one task, by default one running
 * slice from 5 to 90 µs on core 1) for the transport, library and host tests; `slices` makes a
 * big one, `minBytes` pads it with actors.
 */
export function testRunFile(runId = 'r1', options: TestRunFileOptions = {}): RunFile {
  const { slices = 1, minBytes = 0 } = options;
  const store = new RunStore({
    runId,
    startedAt: '2026-01-01T00:00:00.000Z',
    params: {
      scenario: 'cpu-bound',
      model: 'threads',
      workers: 2,
      tasks: 2,
      size: 10,
      scale: 1,
      variant: 'blocking',
      trace: true,
    },
    machine: TEST_MACHINE,
    clock: { source: 'CLOCK_MONOTONIC' },
  });
  store.apply({ kind: 'actor', actor: { id: 0, kind: 'thread', label: 't0', pid: 1, tid: 2 } });
  store.apply({ kind: 'tasks', tasks: [{ id: 0, label: 'task 0' }] });
  for (let id = 1; JSON.stringify([...store.actors.values()]).length < minBytes; id++) {
    store.apply({
      kind: 'actor',
      actor: { id, kind: 'thread', label: 'x'.repeat(400), pid: 1, tid: id + 2 },
    });
  }
  const data = new Float64Array(slices * SLICE_STRIDE);
  for (let i = 0; i < slices; i++) {
    const t = i * 100;
    data.set([LANE_ACTOR, 0, 0, STATE_CODE.running, (i + 1) % 2, t + 5, t + 90], i * SLICE_STRIDE);
  }
  store.apply({ kind: 'slices', data });
  const summary = testSummary({
    wallMs: Math.max(1, slices / 10),
    cpuMs: (slices * 85) / 1000,
    coreBusy: [0, 1],
    osBusy: [0, 1],
    actors: 1,
    tasks: 1,
    tasksDone: 0,
    slices,
    clock: { source: 'CLOCK_MONOTONIC' },
  });
  return toRunFile(store, summary, { t0: 0, t1: slices * 100 });
}

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
  const stateShare = { ...zeroStates(), ...share };
  const stateMs = zeroStates();
  for (const k of STATES) stateMs[k] = stateShare[k] * base.wallMs * base.actors;
  return { ...base, label, coresUsed, stateShare, stateMs };
}
