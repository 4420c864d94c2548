// The scenario catalogue (the classic Python examples in examples/python; docs/design.md) and how defaults fill a run's parameters.
import {
  RunParamsSchema,
  type ParseResult,
  type RunParams,
  type ScenarioId,
  type Variant,
} from './params';
import { FIB_MAX_N, fibCalls } from './fib';
import { zodProblem } from './zod-format';

export { FIB_MAX_N, fibCalls };

export interface ScenarioInfo {
  readonly id: ScenarioId;
  readonly title: string;
  readonly summary: string;
  /** What `size` means for this scenario, for labels and help text. */
  readonly sizeMeaning: string;
  /** Whether `tasks` is used (fib-sleep derives its tasks from the call tree). */
  readonly usesTasks: boolean;
  readonly usesVariant: boolean;
  readonly defaults: {
    readonly tasks: number;
    readonly size: number;
    readonly scale: number;
    readonly variant: Variant;
  };
}

export const SCENARIO_CATALOG: readonly ScenarioInfo[] = [
  {
    id: 'say-after',
    title: 'say_after: two sleeping tasks',
    summary:
      'Task k sleeps k seconds (the Python original: 1 s and 2 s). 3 s in sequence, 2 s as tasks.',
    sizeMeaning: 'unused',
    usesTasks: true,
    usesVariant: false,
    defaults: { tasks: 2, size: 1, scale: 1, variant: 'nonblocking' },
  },
  {
    id: 'fib-sleep',
    title: 'fib(n) with a 0.1 s sleep per call',
    summary:
      'Recursive fib(10): 177 calls, each sleeping 0.1 s. "blocking" is time.sleep inside async code; "nonblocking" awaits the sleep.',
    sizeMeaning: 'n of fib(n), 1 to 18',
    usesTasks: false,
    usesVariant: true,
    defaults: { tasks: 177, size: 10, scale: 1, variant: 'blocking' },
  },
  {
    id: 'downloads',
    title: 'Four downloads from a local HTTP server',
    summary:
      'Each download waits 200 ms for the first byte, then streams at 1 MiB/s from a real server on 127.0.0.1.',
    sizeMeaning: 'KiB per download',
    usesTasks: true,
    usesVariant: false,
    defaults: { tasks: 4, size: 256, scale: 1, variant: 'nonblocking' },
  },
  {
    id: 'cpu-bound',
    title: 'CPU-bound: N equal computations',
    summary:
      'Each task runs a real integer-mixing kernel (about 0.25 s on a typical core). As the Python original says: "for that you need multiprocessing".',
    sizeMeaning: 'millions of kernel iterations per task',
    usesTasks: true,
    usesVariant: false,
    defaults: { tasks: 4, size: 200, scale: 1, variant: 'nonblocking' },
  },
  {
    id: 'mixed',
    title: 'Computation overlapped with file reads',
    summary:
      'Each task reads its own real file in 1 MiB chunks (with a 10 ms device latency per chunk) and checksums every chunk.',
    sizeMeaning: 'MiB read per task',
    usesTasks: true,
    usesVariant: false,
    defaults: { tasks: 4, size: 8, scale: 1, variant: 'nonblocking' },
  },
];

export function scenarioInfo(id: ScenarioId): ScenarioInfo {
  const info = SCENARIO_CATALOG.find((s) => s.id === id);
  if (info === undefined) throw new RangeError(`unknown scenario ${id}`);
  return info;
}

/** Largest file each mixed task reads, MiB: the scratch cap, so one file never exceeds it. */
export const MIXED_MAX_MIB = 512;

/**
 * Validates raw input and fills defaults. `defaultWorkers` is the machine's logical core count.
 * Errors name the offending field and its allowed range in one line.
 */
export function parseRunParams(input: unknown, defaultWorkers: number): ParseResult {
  const parsed = RunParamsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: zodProblem(parsed.error, { fallback: 'invalid parameters', keyNoun: 'parameter' }),
    };
  }
  const p = parsed.data;
  const info = scenarioInfo(p.scenario);
  const size = p.size ?? info.defaults.size;
  if (p.scenario === 'fib-sleep' && size > FIB_MAX_N) {
    return {
      ok: false,
      error: `size must be from 1 to ${FIB_MAX_N} for fib-sleep (fib(${FIB_MAX_N}) makes ${fibCalls(FIB_MAX_N)} calls; at most 10000 tasks)`,
    };
  }
  if (p.scenario === 'mixed' && size > MIXED_MAX_MIB) {
    return {
      ok: false,
      error: `size must be from 1 to ${MIXED_MAX_MIB} for mixed (MiB read per task)`,
    };
  }
  if (p.cores !== undefined && p.cores > defaultWorkers) {
    return {
      ok: false,
      error: `cores must be from 1 to ${defaultWorkers} (this machine's logical cores)`,
    };
  }
  const params: RunParams = {
    scenario: p.scenario,
    model: p.model,
    workers: p.workers ?? Math.max(1, Math.min(defaultWorkers, 64)),
    tasks: p.scenario === 'fib-sleep' ? fibCalls(size) : (p.tasks ?? info.defaults.tasks),
    size,
    scale: p.scale ?? info.defaults.scale,
    variant: p.variant ?? info.defaults.variant,
    trace: p.trace ?? true,
    ...(p.cores !== undefined ? { cores: p.cores } : {}),
  };
  return { ok: true, params };
}
