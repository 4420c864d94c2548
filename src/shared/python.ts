// The second source of runs: real CPython running a script (one of the shipped examples, a file
// the user opened, or uploaded text). What a Python run is asked for (the input schema), what it
// recorded about itself (PythonSource, in RunMeta.source) and whether an interpreter is usable
// (PythonAvailability, in MachineInfo.python). No node: imports: the renderer uses these too.
import { LIMITS, ScaleSchema, type Model, type RunParams, type ScenarioId } from './params';
import { zodProblem } from './zod-format';
import { z } from './zod-mini';

export interface PythonExample {
  /** File name under examples/python/. */
  readonly name: string;
  readonly title: string;
  /** The scenario and model of CoreScope's own models that this script demonstrates. */
  readonly scenario: ScenarioId;
  readonly model: Model;
  readonly workers: number;
  readonly tasks: number;
}

export const PYTHON_EXAMPLES = [
  {
    name: 'say_after_awaits.py',
    title: 'say_after awaited in turn (1 s + 2 s)',
    scenario: 'say-after',
    model: 'sequential',
    workers: 1,
    tasks: 2,
  },
  {
    name: 'say_after_tasks.py',
    title: 'say_after as two tasks (sleeps overlap)',
    scenario: 'say-after',
    model: 'async',
    workers: 1,
    tasks: 2,
  },
  {
    name: 'fib_sequential.py',
    title: 'fib(10), 0.1 s time.sleep per call, plain recursion',
    scenario: 'fib-sleep',
    model: 'sequential',
    workers: 1,
    tasks: 177,
  },
  {
    name: 'fib_async_blocking.py',
    title: 'fib(10) as asyncio tasks with a blocking time.sleep',
    scenario: 'fib-sleep',
    model: 'async',
    workers: 1,
    tasks: 177,
  },
  {
    name: 'fib_async_nonblocking.py',
    title: 'fib(10) as asyncio tasks with await asyncio.sleep',
    scenario: 'fib-sleep',
    model: 'async',
    workers: 1,
    tasks: 177,
  },
  {
    name: 'downloads_threads.py',
    title: 'Four downloads, one thread each',
    scenario: 'downloads',
    model: 'threads',
    workers: 4,
    tasks: 4,
  },
  {
    name: 'cpu_sequential.py',
    title: 'Four computations, one after another',
    scenario: 'cpu-bound',
    model: 'sequential',
    workers: 1,
    tasks: 4,
  },
  {
    name: 'cpu_threads.py',
    title: 'Four computations on two threads (the GIL)',
    scenario: 'cpu-bound',
    model: 'gil-threads',
    workers: 2,
    tasks: 4,
  },
  {
    name: 'cpu_processes.py',
    title: 'Four computations on multiprocessing.Pool(2)',
    scenario: 'cpu-bound',
    model: 'processes',
    workers: 2,
    tasks: 4,
  },
] as const satisfies readonly PythonExample[];

export type PythonExampleName = (typeof PYTHON_EXAMPLES)[number]['name'];
export const PYTHON_EXAMPLE_NAMES = PYTHON_EXAMPLES.map((e) => e.name) as [
  PythonExampleName,
  ...PythonExampleName[],
];

export function pythonExample(name: string): PythonExample | undefined {
  return PYTHON_EXAMPLES.find((e) => e.name === name);
}

/**
 * The scenario and model a Python run is filed under inside the app (RunMeta.params): the one its
 * example demonstrates, or a neutral placeholder for any other script. Never written into a file
 * as what ran: a file names the script and its runtime (RunMeta.source). An opened Python trace
 * rebuilds the same parameters from its source.
 */
export function pythonFiledParams(f: {
  readonly example: PythonExampleName | undefined;
  readonly scale: number;
  readonly trace: boolean;
  readonly cores?: number | undefined;
}): RunParams {
  const ex = f.example === undefined ? undefined : pythonExample(f.example);
  const base = {
    size: 1,
    scale: f.scale,
    variant: 'nonblocking',
    trace: f.trace,
    ...(f.cores !== undefined ? { cores: f.cores } : {}),
  } as const;
  if (ex === undefined)
    return { ...base, scenario: 'cpu-bound', model: 'sequential', workers: 1, tasks: 1 };
  return {
    ...base,
    scenario: ex.scenario,
    model: ex.model,
    workers: ex.workers,
    tasks: ex.tasks,
    variant: ex.name === 'fib_async_nonblocking.py' ? 'nonblocking' : 'blocking',
  };
}

/** Largest script the engine accepts as text (an upload), bytes of UTF-16 text. */
export const PYTHON_SCRIPT_MAX_CHARS = 1_000_000;
export const PYTHON_PATH_MAX = 4096;

const scriptName = z
  .string({ error: 'script name must be text' })
  .check(
    z.minLength(4, { error: 'script name must end in .py' }),
    z.maxLength(200, { error: 'script name must be at most 200 characters' }),
    z.regex(/^[^/\\\0]+\.py$/, { error: 'script name must be a plain file name ending in .py' }),
  );

export const PythonScriptSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('example'), name: z.enum(PYTHON_EXAMPLE_NAMES) }),
    z.strictObject({
      kind: z.literal('file'),
      path: z
        .string({ error: 'script path must be text' })
        .check(
          z.minLength(1, { error: 'script path is empty' }),
          z.maxLength(PYTHON_PATH_MAX, { error: 'script path is too long' }),
        ),
    }),
    z.strictObject({
      kind: z.literal('text'),
      name: scriptName,
      text: z
        .string({ error: 'script text must be text' })
        .check(
          z.maxLength(PYTHON_SCRIPT_MAX_CHARS, { error: 'script is too large (at most 1 MB)' }),
        ),
    }),
  ],
  { error: 'script must be an example, a file or a text upload' },
);

export type PythonScript = z.infer<typeof PythonScriptSchema>;

/** An interpreter: a command looked up on PATH (python3.12) or an absolute path. */
export const PythonPathSchema = z.string({ error: 'python must be a path' }).check(
  z.minLength(1, { error: 'python must be a path' }),
  z.maxLength(PYTHON_PATH_MAX, { error: 'python path is too long' }),
  z.refine((p) => !p.includes('\0'), { error: 'python path must not contain NUL' }),
  z.refine((p) => p.trim() === p, { error: 'python path must not start or end with spaces' }),
  z.refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || !/[\\/]/.test(p), {
    error: 'python must be an absolute path or a command name (python3.12)',
  }),
);

export const PythonRunInputSchema = z.strictObject({
  source: z.literal('python'),
  script: PythonScriptSchema,
  /** Interpreter to use; absent: the engine's default (setting or --python, else python3). */
  python: z.optional(PythonPathSchema),
  scale: z.optional(ScaleSchema),
  cores: z.optional(
    z
      .number({ error: 'cores must be a number' })
      .check(
        z.int({ error: 'cores must be a whole number' }),
        z.minimum(1, { error: 'cores must be at least 1' }),
        z.maximum(LIMITS.cores.max, { error: `cores must be at most ${LIMITS.cores.max}` }),
      ),
  ),
  trace: z.optional(z.boolean()),
});

export type PythonRunInput = z.input<typeof PythonRunInputSchema>;

/** A Python run's parameters with defaults filled in. */
export interface PythonRunParams {
  readonly source: 'python';
  readonly script: PythonScript;
  readonly python?: string;
  readonly scale: number;
  readonly trace: boolean;
  readonly cores?: number;
}

/** Whether `input` asks for a Python run (the discriminant a front end sets). */
export function isPythonInput(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    'source' in input &&
    (input as { readonly source?: unknown }).source === 'python'
  );
}

export type PythonParse =
  | { readonly ok: true; readonly params: PythonRunParams }
  | { readonly ok: false; readonly error: string };

/** Shape and ranges only; whether the file and interpreter exist is the engine's to check. */
export function parsePythonRunInput(input: unknown, logicalCores: number): PythonParse {
  const parsed = PythonRunInputSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: zodProblem(parsed.error, { fallback: 'invalid parameters', keyNoun: 'parameter' }),
    };
  const p = parsed.data;
  if (p.cores !== undefined && p.cores > logicalCores)
    return {
      ok: false,
      error: `cores must be from 1 to ${logicalCores} (this machine's logical cores)`,
    };
  return {
    ok: true,
    params: {
      source: 'python',
      script: p.script,
      ...(p.python !== undefined ? { python: p.python } : {}),
      scale: p.scale ?? 1,
      trace: p.trace ?? true,
      ...(p.cores !== undefined ? { cores: p.cores } : {}),
    },
  };
}

/** What a Python run records about its source (RunMeta.source); absent on model runs. */
export interface PythonSource {
  readonly kind: 'python';
  /** File name shown to the user, e.g. cpu_threads.py. */
  readonly script: string;
  /** Set when the script is one of the shipped examples. */
  readonly example?: PythonExampleName;
  /** The script's text as it ran (for the read-only view beside the chart). */
  readonly text: string;
  /** e.g. "CPython 3.11.7". */
  readonly runtime: string;
  readonly interpreter: string;
  /** false on a free-threaded build (sys._is_gil_enabled() is false): no GIL wait is inferred. */
  readonly gil: boolean;
  /** Plain words on what was observable: cores, GIL wait. */
  readonly note: string;
  readonly scale: number;
  /**
   * CLOCK_MONOTONIC of the run's time 0, ns as a decimal string: lines the run up with a kernel
   * trace of the same clock (perf record -k CLOCK_MONOTONIC).
   */
  readonly originNs?: string;
}

/** Whether Python runs are possible here, and with which interpreter (MachineInfo.python). */
export type PythonAvailability =
  | {
      readonly available: true;
      readonly interpreter: string;
      readonly runtime: string;
      readonly gil: boolean;
      readonly note: string;
    }
  | { readonly available: false; readonly interpreter: string; readonly reason: string };

/** PythonSource as stored in trace files and the library: untrusted when read back. */
export const PythonSourceSchema = z.object({
  kind: z.literal('python'),
  script: z.string().check(z.maxLength(500)),
  example: z.optional(z.enum(PYTHON_EXAMPLE_NAMES)),
  text: z.string().check(z.maxLength(PYTHON_SCRIPT_MAX_CHARS)),
  runtime: z.string().check(z.maxLength(200)),
  interpreter: z.string().check(z.maxLength(PYTHON_PATH_MAX)),
  gil: z.boolean(),
  note: z.string().check(z.maxLength(2000)),
  scale: z.number(),
  originNs: z.optional(z.string().check(z.regex(/^\d{1,30}$/))),
});
