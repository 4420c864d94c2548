// The shape of a CoreScope trace file: the Chrome Trace Event Format's JSON object form, restricted
// to the events we write (X, b/e, s/f flows, M), plus `otherData` carrying the run's metadata. The
// zod schema is the one source: the writer's types are inferred from it and the importer validates
// with it. Per-core lanes are a process marked `cpus: true` with one thread per core; their X
// events carry `lane: 'cpu'` and are derived data, so the importer skips them.
import { z } from 'zod';
import { MODELS, SCENARIOS } from './params';
import { PythonSourceSchema } from './python';
import { STATES } from './states';

const Int = z.number().int();
const Id = Int.nonnegative();
const Us = z.number();

/** Arguments of a slice event; `actor` makes an actor recoverable when two share an OS thread. */
const SliceArgsSchema = z.object({
  actor: Id.optional(),
  task: Id.optional(),
  parent: Id.optional(),
  cpu: Id.optional(),
  /** Set on the copies of running slices drawn on the "CPUs" process's core threads. */
  lane: z.literal('cpu').optional(),
});

const CompleteEventSchema = z.object({
  ph: z.literal('X'),
  name: z.string(),
  cat: z.enum(STATES),
  ts: Us,
  dur: Us.nonnegative(),
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
    bp: z.literal('e').optional(),
  });

const MetadataEventSchema = z.object({
  ph: z.literal('M'),
  name: z.enum(['process_name', 'process_sort_index', 'thread_name', 'thread_sort_index']),
  /** Not needed by the format, but some importers drop events without a timestamp. */
  ts: Us.optional(),
  pid: Int,
  tid: Int.optional(),
  args: z.object({
    name: z.string().optional(),
    sort_index: Int.optional(),
    actor: Id.optional(),
    kind: z.enum(['thread', 'process', 'event-loop']).optional(),
    /** The real OS thread id (trace tids are small integers). */
    osTid: Int.optional(),
    /** Marks the synthetic "CPUs" process and its per-core threads. */
    cpus: z.boolean().optional(),
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

const TaskSchema = z.object({ id: Id, label: z.string(), parent: Id.optional() });
const FailureSchema = z.object({ actor: Id.optional(), task: Id.optional(), reason: z.string() });
const ClockSchema = z.object({
  source: z.string(),
  maxOffsetUs: z.number().optional(),
  probeRttUs: z.number().optional(),
  zeroMonotonicUs: z.number().optional(),
});

export const OtherDataSchema = z.object({
  app: z.literal('CoreScope'),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  runId: z.string(),
  startedAt: z.string(),
  scenario: z.enum(SCENARIOS),
  model: z.enum(MODELS),
  workers: Id,
  /** Validated by the importer with parseRunParams, so older and newer parameter sets agree. */
  params: z.record(z.string(), z.unknown()),
  status: z.enum(['completed', 'failed', 'cancelled']),
  wallMs: z.number().nonnegative(),
  hostStartMs: z.number().nonnegative().optional(),
  observer: z
    .object({
      engineCpuMs: z.number().nonnegative().optional(),
      drawMs: z.number().nonnegative().optional(),
      rendererCpuMs: z.number().nonnegative().optional(),
    })
    .optional(),
  cpuMs: z.number().nonnegative(),
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
  /** A Python run: the script, its interpreter (runtime, GIL on/off) and what was observable. */
  python: PythonSourceSchema.optional(),
});

export const ChromeTraceSchema = z.object({
  traceEvents: z.array(TraceEventSchema),
  displayTimeUnit: z.enum(['ms', 'ns']),
  otherData: OtherDataSchema,
});

export type ChromeTrace = z.infer<typeof ChromeTraceSchema>;
export type TraceEvent = z.infer<typeof TraceEventSchema>;
export type SliceArgs = z.infer<typeof SliceArgsSchema>;
export type OtherData = z.infer<typeof OtherDataSchema>;
