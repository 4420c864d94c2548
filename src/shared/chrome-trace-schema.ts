// The shape of a CoreScope trace file: the Chrome Trace Event Format's JSON object form, restricted
// to the events we write (X, b/e, s/f flows, M), plus `otherData` carrying the run's metadata. The
// zod schema is the one source: the writer's types are inferred from it and the importer validates
// with it. Per-core lanes are a process marked `cpus: true` with one thread per core; their X
// events carry `lane: 'cpu'` and are derived data, so the importer skips them.
import { MODELS, SCENARIOS } from './params';
import { PythonSourceSchema } from './python';
import { STATES } from './states';
import { z } from './zod-mini';

const Int = z.number().check(z.int());
const Id = z.number().check(z.int(), z.nonnegative());
const Us = z.number();
const NonNegative = z.number().check(z.nonnegative());

/** Arguments of a slice event; `actor` makes an actor recoverable when two share an OS thread. */
const SliceArgsSchema = z.object({
  actor: z.optional(Id),
  task: z.optional(Id),
  parent: z.optional(Id),
  cpu: z.optional(Id),
  /** Set on the copies of running slices drawn on the "CPUs" process's core threads. */
  lane: z.optional(z.literal('cpu')),
});

const CompleteEventSchema = z.object({
  ph: z.literal('X'),
  name: z.string(),
  cat: z.enum(STATES),
  ts: Us,
  dur: NonNegative,
  pid: Int,
  tid: Int,
  args: SliceArgsSchema,
});

const asyncEvent = <P extends 'b' | 'e'>(ph: P) =>
  z.object({
    ph: z.literal(ph),
    name: z.string(),
    cat: z.enum(STATES),
    id: Id,
    ts: Us,
    pid: Int,
    tid: Int,
    args: SliceArgsSchema,
  });

/** Task parent → child arrows (Perfetto flow events v1): `s` on the parent, `f` on the child. */
const flowEvent = <P extends 's' | 'f'>(ph: P) =>
  z.object({
    ph: z.literal(ph),
    name: z.string(),
    cat: z.literal('task-parent'),
    id: Id,
    ts: Us,
    pid: Int,
    tid: Int,
    bp: z.optional(z.literal('e')),
  });

const MetadataEventSchema = z.object({
  ph: z.literal('M'),
  name: z.enum(['process_name', 'process_sort_index', 'thread_name', 'thread_sort_index']),
  /** Not needed by the format, but some importers drop events without a timestamp. */
  ts: z.optional(Us),
  pid: Int,
  tid: z.optional(Int),
  args: z.object({
    name: z.optional(z.string()),
    sort_index: z.optional(Int),
    actor: z.optional(Id),
    kind: z.optional(z.enum(['thread', 'process', 'event-loop'])),
    /** The real OS thread id (trace tids are small integers). */
    osTid: z.optional(Int),
    /** Marks the synthetic "CPUs" process and its per-core threads. */
    cpus: z.optional(z.boolean()),
  }),
});

export const TraceEventSchema = z.discriminatedUnion('ph', [
  CompleteEventSchema,
  asyncEvent('b'),
  asyncEvent('e'),
  flowEvent('s'),
  flowEvent('f'),
  MetadataEventSchema,
]);

const TaskSchema = z.object({ id: Id, label: z.string(), parent: z.optional(Id) });
const FailureSchema = z.object({ actor: z.optional(Id), task: z.optional(Id), reason: z.string() });
const ClockSchema = z.object({
  source: z.string(),
  maxOffsetUs: z.optional(z.number()),
  probeRttUs: z.optional(z.number()),
  zeroMonotonicUs: z.optional(z.number()),
});

// What every CoreScope trace carries about its run besides its parameters.
const RUN_FIELDS = {
  app: z.literal('CoreScope'),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  runId: z.string(),
  startedAt: z.string(),
  status: z.enum(['completed', 'failed', 'cancelled']),
  wallMs: NonNegative,
  hostStartMs: z.optional(NonNegative),
  observer: z.optional(
    z.object({
      engineCpuMs: z.optional(NonNegative),
      drawMs: z.optional(NonNegative),
      rendererCpuMs: z.optional(NonNegative),
    }),
  ),
  cpuMs: NonNegative,
  actors: Id,
  tasks: Id,
  tasksDone: Id,
  slices: Id,
  // The machine, flat so that a viewer's metadata panel shows it directly.
  cpuModel: z.string(),
  logicalCores: Id,
  platform: z.string(),
  release: z.string(),
  arch: z.string(),
  totalMemoryGiB: z.number(),
  runtime: z.string(),
  coresObservable: z.boolean(),
  coresNote: z.string(),
  clock: ClockSchema,
  failures: z.array(FailureSchema),
  coreBusy: z.array(z.number()),
  osBusy: z.array(z.number()),
  /** Raw OS busy samples, for a lossless import. */
  osSamples: z.array(z.object({ tUs: Us, busy: z.array(z.number()) })),
  /** [task id, µs] for every task that finished. */
  taskDone: z.array(z.tuple([Id, Us])),
  /** Tasks that never ran (no slice names them), so an import still knows them. */
  idleTasks: z.array(TaskSchema),
};

/** One of CoreScope's models ran: its scenario, model and parameters. */
const ModelOtherSchema = z.object({
  ...RUN_FIELDS,
  /** Absent in files written before Python runs said so (every such file is read as models). */
  source: z.optional(z.literal('models')),
  scenario: z.enum(SCENARIOS),
  model: z.enum(MODELS),
  workers: Id,
  /** Validated by the importer with parseRunParams, so older and newer parameter sets agree. */
  params: z.record(z.string(), z.unknown()),
  /**
   * Older files wrote a Python run this way, with a placeholder scenario and model beside the
   * script: read, the script wins (the importer keeps it as the run's source).
   */
  python: z.optional(PythonSourceSchema),
});

/** A real CPython script ran: the script, its interpreter (runtime, GIL) and what was seen. */
const PythonOtherSchema = z.object({
  ...RUN_FIELDS,
  source: z.literal('python'),
  python: PythonSourceSchema,
});

export const OtherDataSchema = z.union([PythonOtherSchema, ModelOtherSchema]);

export const ChromeTraceSchema = z.object({
  traceEvents: z.array(TraceEventSchema),
  displayTimeUnit: z.enum(['ms', 'ns']),
  otherData: OtherDataSchema,
});

export type ChromeTrace = z.infer<typeof ChromeTraceSchema>;
export type TraceEvent = z.infer<typeof TraceEventSchema>;
export type SliceArgs = z.infer<typeof SliceArgsSchema>;
export type OtherData = z.infer<typeof OtherDataSchema>;
