// The trace CLI's Python form: `--script FILE.py [--python PATH] [--scale X] [--cores K]
// [--no-trace] [--json] --out FILE.json`. Pure like the model form: commander reads the syntax,
// the shared Python schema judges the values; whether the script and interpreter are usable is
// checked by the engine before anything starts (still a bad flag, exit 2).
import { Command } from 'commander';
import { LIMITS } from '../shared/params';
import { parsePythonRunInput, type PythonRunParams } from '../shared/python';
import { runCommander, strictNumber } from './cli-common';

export interface PythonCliOptions {
  readonly params: PythonRunParams;
  /** --python as given: a name on PATH or a file. */
  readonly python: string | undefined;
  readonly out: string;
  readonly json: boolean;
}

export type PythonCliParse =
  | { readonly kind: 'python'; readonly options: PythonCliOptions }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly error: string };

function program(): Command {
  return new Command('corescope-trace')
    .description('Run a Python script on real CPython under CoreScope and write a Chrome trace.')
    .requiredOption(
      '--script <file.py>',
      'the Python script to run (its own working folder is a scratch one)',
    )
    .option('--python <path>', 'the interpreter (CPython 3.9 or newer); default: python3')
    .option(
      '--scale <x>',
      `multiply time.sleep and asyncio.sleep, a number from ${LIMITS.scale.min} to ${LIMITS.scale.max}`,
    )
    .option(
      '--cores <k>',
      "limit the script to k cores (Linux), a whole number from 1 to the machine's logical cores",
    )
    .option('--no-trace', 'run without instrumentation (for overhead comparisons)')
    .option('--json', 'print the summary as one JSON line')
    .requiredOption('--out <file>', 'where to write the trace (.json)')
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .showSuggestionAfterError(false)
    .exitOverride();
}

/** Whether argv asks for the Python form. */
export function wantsScript(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--script' || a.startsWith('--script='));
}

/** `resolvePath` makes the script path absolute (the CLI's working folder). */
export function parsePythonCliArgs(
  argv: readonly string[],
  cores: number,
  resolvePath: (p: string) => string,
): PythonCliParse {
  const outcome = runCommander(program(), argv);
  if (outcome.kind === 'help') return outcome;
  if (outcome.kind === 'error') {
    const m = /unknown option '(--[a-z-]+)'/.exec(outcome.error);
    return m === null
      ? outcome
      : { kind: 'error', error: `error: ${m[1]} cannot be used with --script` };
  }
  const raw = outcome.opts;
  const input: Record<string, unknown> = { source: 'python', trace: raw.trace !== false };
  const script = String(raw.script ?? '').trim();
  if (script === '') return { kind: 'error', error: 'error: --script must name a .py file' };
  input.script = { kind: 'file', path: resolvePath(script) };
  for (const flag of ['scale', 'cores'] as const) {
    const value = raw[flag];
    if (value === undefined) continue;
    const n = strictNumber(value);
    if (n === undefined)
      return { kind: 'error', error: `error: --${flag} must be a number, not "${String(value)}"` };
    input[flag] = n;
  }
  const python = raw.python === undefined ? undefined : String(raw.python);
  if (python !== undefined && python.trim() === '')
    return { kind: 'error', error: 'error: --python must name an interpreter' };
  const out = String(raw.out ?? '');
  if (out.trim() === '') return { kind: 'error', error: 'error: --out must name a file' };
  const parsed = parsePythonRunInput(input, cores);
  if (!parsed.ok) {
    const msg = parsed.error.replace(/^script\.path: /, '');
    const flag = /^(scale|cores)\b/.test(msg) ? '' : 'script: ';
    return { kind: 'error', error: `error: --${flag}${msg}` };
  }
  return {
    kind: 'python',
    options: { params: parsed.params, python, out, json: raw.json === true },
  };
}
