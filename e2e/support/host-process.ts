// Starts the browser host as a child process, reads the URL it prints, and stops it (SIGTERM,
// then SIGKILL) afterwards. Tests get its pid to look for leftover child processes. Unless the
// arguments name one, each host gets a fresh temporary run library (removed when it stops), so
// no test ever writes into the real ~/.local/share/corescope.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVE_CJS, ROOT, requireBuilt } from './paths';

export interface HostProcess {
  /** The page address the host printed, access token included. */
  readonly url: string;
  /** The access token (in `url`; pass it as --token to start a host the page can reconnect to). */
  readonly token: string;
  /** The WebSocket endpoint with the token, as the page reaches it. */
  readonly wsUrl: string;
  readonly origin: string;
  readonly port: number;
  readonly pid: number;
  /** The run library folder the host uses. */
  readonly libraryDir: string;
  /** Everything the host wrote so far, for failure messages. */
  output(): string;
  stop(): Promise<number | null>;
}

/** The one line `npm run serve` prints: `CoreScope: http://127.0.0.1:PORT/?token=TOKEN`. */
const READY = /^CoreScope: (http:\/\/\S+)$/m;

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** How the host's process is started beyond its flags. */
export interface SpawnOptions {
  /** The host's environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
}

export async function startHostProcess(
  args: readonly string[] = ['--port', '0'],
  options: SpawnOptions = {},
): Promise<HostProcess> {
  requireBuilt(SERVE_CJS);
  const given = args.indexOf('--library');
  const ownLibrary = given >= 0 ? undefined : mkdtempSync(join(tmpdir(), 'corescope-e2e-library-'));
  const libraryDir = ownLibrary ?? args[given + 1] ?? '';
  const fullArgs = ownLibrary === undefined ? args : [...args, '--library', ownLibrary];
  const child = spawn(process.execPath, [SERVE_CJS, ...fullArgs], {
    cwd: ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the browser host');

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host did not print its URL in 15 s:\n${log}`)),
      15_000,
    );
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      const m = READY.exec(log);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before listening:\n${log}`));
    });
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token');
  if (token === null) throw new Error(`the host printed no token in its address: ${url}`);

  return {
    url,
    token,
    wsUrl: `ws://${parsed.host}/ws?token=${token}`,
    origin: parsed.origin,
    port: Number(parsed.port),
    pid,
    libraryDir,
    output: () => log,
    stop: async () => {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const code = await done;
      clearTimeout(timer);
      if (ownLibrary !== undefined) rmSync(ownLibrary, { recursive: true, force: true });
      return code;
    },
  };
}

/** Runs serve.cjs with arguments that should make it refuse to start. */
export function runHostExpectingExit(
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  requireBuilt(SERVE_CJS);
  const child = spawn(process.execPath, [SERVE_CJS, ...args], {
    cwd: ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  return exited(child).then((code) => {
    clearTimeout(timer);
    return { code, stdout, stderr };
  });
}
