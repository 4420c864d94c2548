// Parses the trace CLI's flags into validated run parameters. Pure (no I/O, no exit): commander
// reads the flag syntax, the shared zod schema (via parseRunParams) judges the values, so the CLI
// reports the same ranges as the app. Every failure is ONE line naming the flag and its range.
import { Command } from 'commander';
import { LIMITS, MODELS, SCENARIOS, VARIANTS, type RunParams } from '../shared/params';
import { parseRunParams } from '../shared/scenarios';
import { flagError, runCommander, strictNumber } from './cli-common';
import { parsePythonCliArgs, wantsScript, type PythonCliOptions } from './python-args';

export interface CliOptions {
  readonly params: RunParams;
  readonly out: string;
  /** Print the summary as one JSON line on stdout instead of a sentence. */
  readonly json: boolean;
}

export type CliParse =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'python'; readonly options: PythonCliOptions }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly error: string };

const NUMERIC_FLAGS = {
  workers: `a whole number from ${LIMITS.workers.min} to ${LIMITS.workers.max} (at most ${LIMITS.workers.max} workers)`,
  tasks: `a whole number from ${LIMITS.tasks.min} to ${LIMITS.tasks.max} (at most ${LIMITS.tasks.max} tasks)`,
  size: `a whole number from ${LIMITS.size.min} to ${LIMITS.size.max}`,
  scale: `a number from ${LIMITS.scale.min} to ${LIMITS.scale.max}`,
  cores: "a whole number from 1 to the machine's logical cores",
} as const;

const NUMERIC_NAMES = ['workers', 'tasks', 'size', 'scale', 'cores'] as const;

function program(): Command {
  return new Command('corescope-trace')
    .description('Run a scenario under a concurrency model and write a Chrome trace (Perfetto).')
    .requiredOption('--scenario <id>', `one of ${SCENARIOS.join(', ')}`)
    .requiredOption('--model <model>', `one of ${MODELS.join(', ')}`)
    .option('--workers <n>', `pool size, ${NUMERIC_FLAGS.workers}; default: logical cores`)
    .option('--tasks <n>', `number of tasks, ${NUMERIC_FLAGS.tasks}`)
    .option('--size <n>', 'work per task (see the scenario)')
    .option('--scale <x>', `time scale for sleeps and latencies, ${NUMERIC_FLAGS.scale}`)
    .option('--variant <v>', `${VARIANTS.join(' or ')} (fib-sleep)`)
    .option('--cores <k>', `limit the run to k cores (Linux), ${NUMERIC_FLAGS.cores}`)
    .option('--no-trace', 'run without instrumentation (for overhead comparisons)')
    .option('--json', 'print the summary as one JSON line')
    .requiredOption('--out <file>', 'where to write the trace (.json)')
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .showSuggestionAfterError(false)
    .exitOverride();
}

export function parseCliArgs(
  argv: readonly string[],
  cores: number,
  resolvePath: (p: string) => string = (p) => p,
): CliParse {
  if (wantsScript(argv)) return parsePythonCliArgs(argv, cores, resolvePath);
  const outcome = runCommander(program(), argv);
  if (outcome.kind !== 'parsed') return outcome;
  const raw = outcome.opts;
  const input: Record<string, unknown> = {
    scenario: raw.scenario,
    model: raw.model,
    trace: raw.trace !== false,
  };
  for (const flag of NUMERIC_NAMES) {
    const value = raw[flag];
    if (value === undefined) continue;
    const n = strictNumber(value);
    if (n === undefined) {
      return {
        kind: 'error',
        error: `error: --${flag} must be ${NUMERIC_FLAGS[flag]}, not "${String(value)}"`,
      };
    }
    input[flag] = n;
  }
  if (raw.variant !== undefined) input.variant = raw.variant;
  const out = String(raw.out ?? '');
  if (out.trim() === '') return { kind: 'error', error: 'error: --out must name a file' };

  const parsed = parseRunParams(input, cores);
  if (!parsed.ok) return { kind: 'error', error: flagError(parsed.error) };
  return { kind: 'run', options: { params: parsed.params, out, json: raw.json === true } };
}
