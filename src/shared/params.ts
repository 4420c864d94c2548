// Run parameters: the one schema that the CLI, IPC, the browser host and the engine all validate
// with. Limits live here so every front end reports the same ranges.
import { z } from './zod-mini';

export const MODELS = ['sequential', 'async', 'threads', 'gil-threads', 'processes'] as const;
export type Model = (typeof MODELS)[number];

export const SCENARIOS = ['say-after', 'fib-sleep', 'downloads', 'cpu-bound', 'mixed'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export const VARIANTS = ['blocking', 'nonblocking'] as const;
export type Variant = (typeof VARIANTS)[number];

export const LIMITS = {
  workers: { min: 1, max: 64 },
  tasks: { min: 1, max: 10_000 },
  size: { min: 1, max: 100_000 },
  scale: { min: 0.001, max: 100 },
  /** Cores the program under study may use (CPU affinity); also at most the machine's cores. */
  cores: { min: 1, max: 1024 },
} as const;

const intIn = (name: string, r: { min: number; max: number }) =>
  z
    .number({ error: `${name} must be a number` })
    .check(
      z.int({ error: `${name} must be a whole number from ${r.min} to ${r.max}` }),
      z.minimum(r.min, { error: `${name} must be from ${r.min} to ${r.max}` }),
      z.maximum(r.max, { error: `${name} must be from ${r.min} to ${r.max} (at most ${r.max})` }),
    );

/** The time scale of a run (model or Python): one rule and one message for both. */
export const ScaleSchema = z.number({ error: 'scale must be a number' }).check(
  z.minimum(LIMITS.scale.min, {
    error: `scale must be from ${LIMITS.scale.min} to ${LIMITS.scale.max}`,
  }),
  z.maximum(LIMITS.scale.max, {
    error: `scale must be from ${LIMITS.scale.min} to ${LIMITS.scale.max}`,
  }),
);

export const RunParamsSchema = z.strictObject({
  scenario: z.enum(SCENARIOS, {
    error: `scenario must be one of ${SCENARIOS.join(', ')}`,
  }),
  model: z.enum(MODELS, { error: `model must be one of ${MODELS.join(', ')}` }),
  workers: z.optional(intIn('workers', LIMITS.workers)),
  tasks: z.optional(intIn('tasks', LIMITS.tasks)),
  size: z.optional(intIn('size', LIMITS.size)),
  scale: z.optional(ScaleSchema),
  variant: z.optional(z.enum(VARIANTS, { error: `variant must be one of ${VARIANTS.join(', ')}` })),
  trace: z.optional(z.boolean()),
  cores: z.optional(intIn('cores', LIMITS.cores)),
});

export type RunParamsInput = z.input<typeof RunParamsSchema>;

/** Parameters with every default filled in: what a run actually used. */
export interface RunParams {
  readonly scenario: ScenarioId;
  readonly model: Model;
  readonly workers: number;
  readonly tasks: number;
  readonly size: number;
  readonly scale: number;
  readonly variant: Variant;
  readonly trace: boolean;
  /** Cores the workers are pinned to (the first k allowed ones); absent: no limit. */
  readonly cores?: number;
}

export type ParseResult =
  | { readonly ok: true; readonly params: RunParams }
  | { readonly ok: false; readonly error: string };
