// Command-line flags of the browser host. Parsed with commander the way the CLIs parse theirs
// (runCommander: it never prints or exits the process itself), so bad flags are unit-testable
// and print one clear line.
import { Command, InvalidArgumentError } from 'commander';
import { runCommander } from '../cli/cli-common';
import { TOKEN_ENV, tokenProblem } from './access-token';

export const ALLOWED_HOSTS = ['127.0.0.1', 'localhost'] as const;
export type HostName = (typeof ALLOWED_HOSTS)[number];

export interface HostArgs {
  readonly port: number;
  readonly host: HostName;
  /** --library DIR: where the run library lives (default: the XDG data folder). */
  readonly library?: string;
  /** --token T: the access token (default: $CORESCOPE_TOKEN, else a fresh random one). */
  readonly token?: string;
}

export type ArgsResult =
  | { readonly kind: 'ok'; readonly args: HostArgs }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly error: string };

function parsePort(value: string): number {
  // Number('') is 0 and Number('0x10') is 16: accept plain decimal digits only.
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('port must be a whole number from 0 to 65535');
  }
  return Number(value);
}

function parseHost(value: string): HostName {
  const found = ALLOWED_HOSTS.find((h) => h === value);
  if (found === undefined) {
    throw new InvalidArgumentError(
      `host must be ${ALLOWED_HOSTS.join(' or ')} (the host never listens beyond this machine)`,
    );
  }
  return found;
}

function parseLibrary(value: string): string {
  // The folder is created and checked at start-up (library-dir.ts); here only its spelling.
  if (value.trim() === '' || value.length > 4096 || value.includes('\0')) {
    throw new InvalidArgumentError(
      'library must name a folder (a path of at most 4096 characters)',
    );
  }
  return value;
}

function parseToken(value: string): string {
  const problem = tokenProblem(value);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return value;
}

/** Parses user arguments (process.argv.slice(2)). */
export function parseHostArgs(argv: readonly string[]): ArgsResult {
  const program = new Command()
    .name('corescope-serve')
    .description('Serve CoreScope to a local browser, running workloads on this machine.')
    .option('--port <n>', 'TCP port; 0 picks a free one', parsePort, 5183)
    .option('--host <address>', 'listen address: 127.0.0.1 or localhost', parseHost, '127.0.0.1')
    .option('--library <dir>', 'folder of the run library (default: XDG data folder)', parseLibrary)
    .option(
      '--token <token>',
      `access token the page and every client must present (default: $${TOKEN_ENV}, else random)`,
      parseToken,
    )
    .allowExcessArguments(false)
    .exitOverride();
  const outcome = runCommander(program, argv);
  if (outcome.kind !== 'parsed') return outcome;
  const opts = program.opts<{ port: number; host: HostName; library?: string; token?: string }>();
  const library = opts.library === undefined ? {} : { library: opts.library };
  const token = opts.token === undefined ? {} : { token: opts.token };
  return { kind: 'ok', args: { port: opts.port, host: opts.host, ...library, ...token } };
}
