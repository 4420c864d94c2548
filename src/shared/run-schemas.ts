// zod schemas of the run's pieces as they travel in files (run files, the library): untrusted
// input, so every field is checked before anything is built from it.
import { z } from './zod-mini';

// zod's numbers are finite already (Infinity and NaN fail `z.number()`): Finite names the intent.
const Id = z.number().check(z.int(), z.nonnegative());
const Finite = z.number();
const NonNegative = z.number().check(z.nonnegative());
const text = (max: number) => z.string().check(z.maxLength(max));

export const MachineInfoSchema = z.object({
  cpuModel: text(500),
  logicalCores: z.number().check(z.int(), z.minimum(0), z.maximum(4096)),
  platform: text(100),
  release: text(200),
  arch: text(100),
  totalMemoryGiB: Finite,
  runtime: text(200),
  coresObservable: z.boolean(),
  coresNote: text(2000),
});

export const ClockInfoSchema = z.object({
  source: text(200),
  maxOffsetUs: z.optional(Finite),
  probeRttUs: z.optional(Finite),
  zeroMonotonicUs: z.optional(Finite),
});

export const FailureInfoSchema = z.object({
  actor: z.optional(Id),
  task: z.optional(Id),
  reason: text(10_000),
});

export const RunSummarySchema = z.object({
  status: z.enum(['completed', 'failed', 'cancelled']),
  wallMs: NonNegative,
  hostStartMs: z.optional(NonNegative),
  cpuMs: NonNegative,
  coreBusy: z.array(Finite),
  osBusy: z.array(Finite),
  actors: Id,
  tasks: Id,
  tasksDone: Id,
  slices: Id,
  failures: z.array(FailureInfoSchema),
  clock: ClockInfoSchema,
  observer: z.optional(
    z.object({
      engineCpuMs: z.optional(NonNegative),
      drawMs: z.optional(NonNegative),
      rendererCpuMs: z.optional(NonNegative),
    }),
  ),
});

export const ActorInfoSchema = z.object({
  id: Id,
  kind: z.enum(['thread', 'process', 'event-loop']),
  label: text(500),
  pid: z.number().check(z.int()),
  tid: z.number().check(z.int()),
});

export const TaskInfoSchema = z.object({
  id: Id,
  label: text(500),
  parent: z.optional(Id),
});

export const OsSampleSchema = z.object({ tUs: Finite, busy: z.array(Finite) });
