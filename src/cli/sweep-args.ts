// Parses the sweep CLI's flags. Pure (no I/O, no exit), in the style of the trace CLI: commander
// reads the syntax, the shared zod schema judges the values (parseRunParams, parseWorkerList),
// and every failure is ONE line naming the flag and its range.
import { Command } from 'commander';
import { LIMITS, MODELS, SCENARIOS, VARIANTS, type RunParams } from '../shared/params';
import { parseRunParams } from '../shared/scenarios';
import { MAX_REPEAT, defaultWorkerList, parseWorkerList } from '../shared/sweep';
import { flagError, runCommander, strictNumber } from './cli-common';

export interface SweepOptions {
  /** The run's parameters; `workers` is replaced per point. */
  readonly params: RunParams;
  readonly workers: readonly number[];
  readonly repeat: number;
  readonly out: string;
  readonly json: boolean;
}

export type SweepParse =
  | { readonly kind: 'sweep'; readonly options: SweepOptions }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly error: string };

const RANGES = {
  tasks: `a whole number from ${LIMITS.tasks.min} to ${LIMITS.tasks.max}`,
  size: `a whole number from ${LIMITS.size.min} to ${LIMITS.size.max}`,
  scale: `a number from ${LIMITS.scale.min} to ${LIMITS.scale.max}`,
  cores: `a whole number from 1 to the machine's logical cores`,
  repeat: `a whole number from 1 to ${MAX_REPEAT}`,
} as const;

function program(): Command {
  return new Command('corescope-sweep')
    .description(
      'Run a scenario under one model at several worker counts; write speedups and an Amdahl fit.',
    )
    .requiredOption('--scenario <id>', `one of ${SCENARIOS.join(', ')}`)
    .requiredOption('--model <model>', `one of ${MODELS.join(', ')}`)
    .option(
      '--workers <list>',
      'worker counts, like 1,2,4 (1 is always added); default 1 … 2 × cores',
    )
    .option('--repeat <k>', `runs per point, the median wall counts; ${RANGES.repeat}; default 1`)
    .option('--tasks <n>', `number of tasks, ${RANGES.tasks}`)
    .option('--size <n>', 'work per task (see the scenario)')
    .option('--scale <x>', `time scale for sleeps and latencies, ${RANGES.scale}`)
    .option('--variant <v>', `${VARIANTS.join(' or ')} (fib-sleep)`)
    .option('--cores <k>', `limit every run to k cores (Linux), ${RANGES.cores}`)
    .option('--json', 'print the result as one JSON line on stdout')
    .requiredOption('--out <file>', 'where to write the sweep (.json)')
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .showSuggestionAfterError(false)
    .exitOverride();
}

export function parseSweepArgs(argv: readonly string[], cores: number): SweepParse {
  const outcome = runCommander(program(), argv);
  if (outcome.kind !== 'parsed') return outcome;
  const raw = outcome.opts;
  const input: Record<string, unknown> = { scenario: raw.scenario, model: raw.model };
  for (const flag of ['tasks', 'size', 'scale', 'cores'] as const) {
    const value = raw[flag];
    if (value === undefined) continue;
    const n = strictNumber(value);
    if (n === undefined)
      return {
        kind: 'error',
        error: `error: --${flag} must be ${RANGES[flag]}, not "${String(value).trim()}"`,
      };
    input[flag] = n;
  }
  if (raw.variant !== undefined) input.variant = raw.variant;
  let repeat = 1;
  if (raw.repeat !== undefined) {
    const text = String(raw.repeat).trim();
    repeat = Number(text);
    if (!/^\d+$/.test(text) || repeat < 1 || repeat > MAX_REPEAT)
      return { kind: 'error', error: `error: --repeat must be ${RANGES.repeat}, not "${text}"` };
  }
  const out = String(raw.out ?? '');
  if (out.trim() === '') return { kind: 'error', error: 'error: --out must name a file' };

  const parsed = parseRunParams(input, cores);
  if (!parsed.ok) return { kind: 'error', error: flagError(parsed.error) };
  let workers = defaultWorkerList(parsed.params.cores ?? cores);
  if (raw.workers !== undefined) {
    const list = parseWorkerList(String(raw.workers));
    if (!list.ok) return { kind: 'error', error: flagError(list.error) };
    workers = [...list.workers];
  }
  return {
    kind: 'sweep',
    options: { params: parsed.params, workers, repeat, out, json: raw.json === true },
  };
}
