// The real browser host as a child process for benches that measure it from outside (frame
// stall, soak): started on a free port with a library folder of its own, its printed address
// read back (token included), and WebSocket clients that speak the protocol with that token.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export interface BenchHost {
  readonly pid: number;
  readonly port: number;
  readonly wsUrl: string;
  readonly origin: string;
  readonly library: string;
  /** The page's address, token included. */
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGTERM, wait for the exit, remove the library folder. */
  stop(): Promise<void>;
}

/** The one line the host prints: `CoreScope: http://127.0.0.1:PORT/?token=TOKEN`. */
const READY = /^CoreScope: (http:\/\/\S+)$/m;

export async function startBenchHost(
  outDir: string,
  label: string,
  env: NodeJS.ProcessEnv = {},
): Promise<BenchHost> {
  const library = mkdtempSync(join(tmpdir(), `corescope-${label}-${process.pid}-`));
  const child = spawn(
    process.execPath,
    [join(outDir, 'node', 'serve.cjs'), '--port', '0', '--library', library],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the browser host');
  let log = '';
  const url = await new Promise<URL>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      const m = READY.exec(log);
      if (m?.[1] !== undefined) resolve(new URL(m[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${log}`)));
  });
  const token = url.searchParams.get('token') ?? '';
  return {
    pid,
    port: Number(url.port),
    wsUrl: `ws://${url.host}/ws?token=${token}`,
    origin: url.origin,
    library,
    url: url.href,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(library, { recursive: true, force: true });
    },
  };
}

/** A protocol client: numbered requests, replies matched by id, pushes to a listener. */
export class BenchClient {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (reply: Buffer) => void; reject: (e: Error) => void }
  >();
  onPush: (frame: Buffer) => void = () => undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      // Only the envelope's start is read: a big reply is never parsed on this loop.
      const m = /^\{"kind":"reply","id":(\d+)/.exec(data.subarray(0, 64).toString());
      const done = m?.[1] === undefined ? undefined : this.waiting.get(Number(m[1]));
      if (done === undefined) this.onPush(data);
      else {
        this.waiting.delete(Number(m?.[1]));
        done.resolve(data);
      }
    });
    ws.once('close', (code) => {
      for (const [id, w] of this.waiting)
        w.reject(new Error(`socket closed (${code}) before reply ${id}`));
      this.waiting.clear();
    });
  }

  static open(host: BenchHost): Promise<BenchClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(host.wsUrl, { origin: host.origin, maxPayload: 1 << 30 });
      ws.once('open', () => resolve(new BenchClient(ws)));
      ws.once('error', reject);
    });
  }

  /** Sends a request and waits for its reply frame. */
  request(op: string, args: readonly unknown[]): Promise<Buffer> {
    const id = this.nextId++;
    return this.sendRaw(id, JSON.stringify({ id, op, args }));
  }

  sendRaw(id: number, frame: string | Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.ws.send(frame, (err) => {
        if (err !== undefined && err !== null) reject(err);
      });
    });
  }

  takeId(): number {
    return this.nextId++;
  }

  close(): void {
    this.ws.close();
  }
}

/** Parses a reply frame (small ones only): ok and value or error. */
export function replyOf(frame: Buffer): { ok: boolean; value?: unknown; error?: string } {
  const parsed: unknown = JSON.parse(frame.toString());
  if (typeof parsed !== 'object' || parsed === null || !('ok' in parsed)) return { ok: false };
  const ok = parsed.ok === true;
  const value = 'value' in parsed ? parsed.value : undefined;
  const error = 'error' in parsed && typeof parsed.error === 'string' ? parsed.error : undefined;
  return { ok, value, ...(error === undefined ? {} : { error }) };
}

/** Resident set size of a process in MB, from /proc (VmRSS, or VmHWM for the peak). */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m?.[1] === undefined ? undefined : Number(m[1]) / 1024;
  } catch {
    return undefined;
  }
}
