// What the command-line programs share: running commander without letting it print or exit
// (the trace and sweep CLIs and the browser host's `serve`), the strict number syntax, and
// rewriting a parameter error to name its flag.
import { Command, CommanderError } from 'commander';

export type CommanderOutcome =
  | { readonly kind: 'parsed'; readonly opts: Record<string, unknown> }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly error: string };

/** A plain decimal number: no "2x", "", "NaN", "0x10", "Infinity". */
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `value` as a finite number written in plain decimal, else undefined. */
export function strictNumber(value: unknown): number | undefined {
  const text = String(value).trim();
  const n = Number(text);
  return NUMERIC.test(text) && Number.isFinite(n) ? n : undefined;
}

/** Parses `argv` with `cmd` (which must use exitOverride), capturing help text and errors. */
export function runCommander(cmd: Command, argv: readonly string[]): CommanderOutcome {
  let help = '';
  cmd.configureOutput({
    writeOut: (s) => (help += s),
    writeErr: () => undefined,
    outputError: () => undefined,
  });
  try {
    cmd.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help') {
        return { kind: 'help', text: help };
      }
      // One line: commander puts a "(Did you mean …?)" suggestion on a line of its own.
      const line = e.message.replace(/\s+/g, ' ').trim();
      return { kind: 'error', error: line === '' ? 'error: bad arguments' : line };
    }
    throw e;
  }
  return { kind: 'parsed', opts: cmd.opts() };
}

/** The flag name for an error from parseRunParams ("workers must be ..." → "--workers must ..."). */
export function flagError(message: string): string {
  return `error: ${message.replace(/^(scenario|model|workers|tasks|size|scale|variant|cores)\b:?/, '--$1')}`;
}
