// The browser host's program: flags, the RunService, the server, and a shutdown that leaves no
// worker or child process behind. serve.ts only supplies the real engine, so this stays testable.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RunLibrary } from '../main/engine/library';
import { RunFilePool } from '../main/engine/run-file-pool';
import type { RunService, RunServiceOptions } from '../main/engine/run-service';
import { newToken, TOKEN_ENV, tokenProblem } from './access-token';
import { parseHostArgs } from './cli-args';
import { defaultLibraryDir, prepareLibraryDir } from './library-dir';
import { startHost, type RunningHost } from './http-host';

export type ServiceFactory = (options: RunServiceOptions) => RunService;

function fail(message: string, code: number): never {
  process.stderr.write(`corescope-serve: ${message}\n`);
  process.exit(code);
}

/** Stops the host and every worker and child process, then exits. Safe to call repeatedly. */
function installShutdown(
  service: RunService,
  host: () => RunningHost | undefined,
  runFiles: RunFilePool,
): void {
  let stopping = false;
  const shutdown = (code: number): void => {
    if (stopping) return;
    stopping = true;
    const running = host();
    void Promise.allSettled([running?.close(), service.dispose(), runFiles.close()]).finally(() =>
      process.exit(code),
    );
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));
  process.on('uncaughtException', (err) => {
    process.stderr.write(`corescope-serve: ${err.stack ?? err.message}\n`);
    shutdown(1);
  });
  // Last resort on any other exit path: dispose() signals workers synchronously before it awaits.
  process.on('exit', () => void service.dispose());
}

/** `outDir` is the directory of the bundled serve.cjs (out/node). */
export async function runHostCli(
  argv: readonly string[],
  makeService: ServiceFactory,
  outDir: string,
): Promise<void> {
  const parsed = parseHostArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return;
  }
  if (parsed.kind === 'error') fail(parsed.error, 2);
  const fromEnv = process.env[TOKEN_ENV];
  const envProblem = fromEnv === undefined ? undefined : tokenProblem(fromEnv);
  if (parsed.args.token === undefined && envProblem !== undefined)
    fail(`${TOKEN_ENV}: ${envProblem}`, 2);
  const token = parsed.args.token ?? fromEnv ?? newToken();
  const libraryDir = await prepareLibraryDir(
    parsed.args.library ?? defaultLibraryDir(process.env, homedir()),
  );
  if (!libraryDir.ok) fail(`--library: ${libraryDir.error}`, 2);

  const service = makeService({
    entries: {
      thread: join(outDir, 'thread-entry.cjs'),
      process: join(outDir, 'process-entry.cjs'),
    },
  });
  // Big saves and opens are parsed and checked on this worker thread, never on the host's loop.
  const runFiles = new RunFilePool(join(outDir, 'run-file-entry.cjs'));
  let host: RunningHost | undefined;
  installShutdown(service, () => host, runFiles);
  try {
    host = await startHost({
      port: parsed.args.port,
      hostName: parsed.args.host,
      rendererDir: join(outDir, '..', 'renderer'),
      service,
      library: new RunLibrary({ dir: libraryDir.dir, decode: (b) => runFiles.decode(b) }),
      runFiles,
      token,
    });
  } catch (err) {
    await service.dispose();
    fail(`cannot start: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
  // One line on stdout, the address to open (scripts read it); the rest is for the log.
  process.stdout.write(`CoreScope: ${host.url}\n`);
  process.stderr.write(`corescope-serve: run library ${libraryDir.dir}\n`);
}
