// zod schemas of the run's pieces as they travel in files (run files, the library): untrusted
// input, so every field is checked before anything is built from it.
import { z } from 'zod';

const Id = z.number().int().nonnegative();
const Finite = z.number().finite();

export const MachineInfoSchema = z.object({
  cpuModel: z.string().max(500),
  logicalCores: z.number().int().min(0).max(4096),
  platform: z.string().max(100),
  release: z.string().max(200),
  arch: z.string().max(100),
  totalMemoryGiB: Finite,
  runtime: z.string().max(200),
  coresObservable: z.boolean(),
  coresNote: z.string().max(2000),
});

export const ClockInfoSchema = z.object({
  source: z.string().max(200),
  maxOffsetUs: Finite.optional(),
  probeRttUs: Finite.optional(),
  zeroMonotonicUs: Finite.optional(),
});

export const FailureInfoSchema = z.object({
  actor: Id.optional(),
  task: Id.optional(),
  reason: z.string().max(10_000),
});

export const RunSummarySchema = z.object({
  status: z.enum(['completed', 'failed', 'cancelled']),
  wallMs: Finite.nonnegative(),
  hostStartMs: Finite.nonnegative().optional(),
  cpuMs: Finite.nonnegative(),
  coreBusy: z.array(Finite),
  osBusy: z.array(Finite),
  actors: Id,
  tasks: Id,
  tasksDone: Id,
  slices: Id,
  failures: z.array(FailureInfoSchema),
  clock: ClockInfoSchema,
  observer: z
    .object({
      engineCpuMs: Finite.nonnegative().optional(),
      drawMs: Finite.nonnegative().optional(),
      rendererCpuMs: Finite.nonnegative().optional(),
    })
    .optional(),
});

export const ActorInfoSchema = z.object({
  id: Id,
  kind: z.enum(['thread', 'process', 'event-loop']),
  label: z.string().max(500),
  pid: z.number().int(),
  tid: z.number().int(),
});

export const TaskInfoSchema = z.object({
  id: Id,
  label: z.string().max(500),
  parent: Id.optional(),
});

export const OsSampleSchema = z.object({ tUs: Finite, busy: z.array(Finite) });
