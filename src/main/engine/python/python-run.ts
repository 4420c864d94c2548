// Runs one Python script on real CPython under CoreScope's tracer and turns it into a run like
// any other: same events, summary and trace file. The script runs unchanged, with the user's
// privileges, in a scratch working directory, in its own process group; its interpreters (the
// first one and every multiprocessing child) report to a Unix socket in that directory, and the
// /proc sampler watches every thread they report.
//
// Nothing outlives the run: the end, Cancel and the time limit SIGKILL the whole process group
// and close the socket; a process that left the group still sees the socket close and exits;
// if the engine itself dies (even SIGKILL) the kernel closes the socket and the first process
// kills its group.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import type { FailureInfo, RunEvent, RunMeta, RunSummary } from '../../../shared/events';
import {
  type PythonExampleName,
  type PythonRunParams,
  pythonFiledParams,
  type PythonSource,
} from '../../../shared/python';
import { coresLimitError, formatCpuList, limitedCores } from '../affinity';
import { startDownloadServer, type DownloadServer } from '../download-server';
import { EventQueue } from '../event-queue';
import { machineInfo } from '../machine';
import { startOsSampler } from '../os-sampler';
import { RunStats } from '../run-stats';
import type { RunHandle } from '../types';
import { DEFAULT_PYTHON, observabilityNote, probePython, type Interpreter } from './interpreter';
import { examplesDir, runnerDir } from './python-files';
import { ProcSampler } from './proc-sampler';
import { PythonTimeline } from './timeline';
import { parseTracerLine } from './tracer-wire';

export const PYTHON_CLOCK_SOURCE =
  "CLOCK_MONOTONIC: the engine's process.hrtime.bigint() and Python's time.monotonic_ns()";
export const DEFAULT_MAX_PYTHON_MS = 10 * 60_000;
const SCRIPT_MAX_BYTES = 1_000_000;
const END_DRAIN_MS = 1000;
const SCRATCH_PREFIX = 'corescope-py-';
/** Where a script finds CoreScope's local download server (base URL, e.g. http://127.0.0.1:PORT). */
export const DOWNLOAD_ENV = 'CORESCOPE_DOWNLOAD_URL';

export interface PythonStartOptions {
  readonly signal?: AbortSignal;
  readonly maxRunMs?: number;
  /** Interpreter when the run names none: the app's setting or --python; else python3. */
  readonly python?: string;
  /** Sampling period of the /proc sampler, ms. */
  readonly sampleMs?: number;
}

/** A Python run checked against the machine: the interpreter answers and the script is readable. */
export interface PreparedPython {
  readonly params: PythonRunParams;
  readonly interpreter: Interpreter;
  readonly scriptName: string;
  readonly text: string;
  /** The file to run; undefined for uploaded text (written into the scratch folder). */
  readonly path: string | undefined;
  readonly example: PythonExampleName | undefined;
}

export type Prepared =
  | { readonly ok: true; readonly run: PreparedPython }
  | { readonly ok: false; readonly error: string };

function readScript(path: string): { text: string } | { error: string } {
  if (!isAbsolute(path)) return { error: `script path must be absolute: ${path}` };
  if (!path.endsWith('.py')) return { error: `script must be a .py file: ${path}` };
  try {
    const st = statSync(path);
    if (!st.isFile()) return { error: `script ${path} is not a file` };
    if (st.size > SCRIPT_MAX_BYTES) return { error: `script ${path} is larger than 1 MB` };
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT') return { error: `script ${path} does not exist` };
    if (code === 'EACCES') return { error: `script ${path} is not readable` };
    return { error: `script ${path} cannot be read` };
  }
}

/** Checks the interpreter and the script; every failure is one line and starts nothing. */
export function preparePython(params: PythonRunParams, defaultPython?: string): Prepared {
  const limit = coresLimitError(params.cores);
  if (limit !== undefined) return { ok: false, error: limit };
  const wanted = params.python ?? defaultPython ?? DEFAULT_PYTHON;
  const probe = probePython(wanted);
  if (!probe.ok) return { ok: false, error: `no usable Python: ${probe.reason}` };
  const script = params.script;
  let path: string | undefined;
  let text: string;
  let scriptName: string;
  let example: PythonExampleName | undefined;
  switch (script.kind) {
    case 'example': {
      const dir = examplesDir();
      if (dir === undefined) return { ok: false, error: 'the Python examples are not installed' };
      path = join(dir, script.name);
      const read = readScript(path);
      if ('error' in read) return { ok: false, error: read.error };
      text = read.text;
      scriptName = script.name;
      example = script.name;
      break;
    }
    case 'file': {
      path = script.path;
      const read = readScript(path);
      if ('error' in read) return { ok: false, error: read.error };
      text = read.text;
      scriptName = basename(path);
      break;
    }
    case 'text':
      text = script.text;
      scriptName = script.name;
      break;
  }
  return {
    ok: true,
    run: { params, interpreter: probe.interpreter, scriptName, text, path, example },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/** Removes scratch folders of engines that died without cleaning up (their pid is gone). */
function sweepStaleScratch(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^corescope-py-(\d+)-/.exec(name);
    const owner = m === null ? NaN : Number(m[1]);
    if (!Number.isInteger(owner) || owner === process.pid || alive(owner)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

export interface PythonRunHandle extends RunHandle {
  /** The /proc sampler's own cost: time inside its ticks, the run's wall time, both µs. */
  readonly samplerCost: Promise<{
    readonly busyUs: number;
    readonly wallUs: number;
    readonly ticks: number;
  }>;
}

export function startPythonRun(
  run: PreparedPython,
  options: PythonStartOptions = {},
): PythonRunHandle {
  const machine = machineInfo();
  const gil = run.interpreter.gil;
  // originNs is filled in when the clock starts (at spawn); the CLI's trace file carries it.
  const source: { -readonly [K in keyof PythonSource]: PythonSource[K] } = {
    kind: 'python',
    script: run.scriptName,
    ...(run.example !== undefined ? { example: run.example } : {}),
    text: run.text,
    runtime: run.interpreter.runtime,
    interpreter: run.interpreter.path,
    gil,
    note: observabilityNote(gil),
    scale: run.params.scale,
  };
  const meta: RunMeta = {
    runId: randomUUID(),
    params: pythonFiledParams({
      example: run.example,
      scale: run.params.scale,
      trace: run.params.trace,
      cores: run.params.cores,
    }),
    source,
    machine,
    startedAt: new Date().toISOString(),
    clock: { source: PYTHON_CLOCK_SOURCE },
  };
  const queue = new EventQueue<RunEvent>();
  const stats = new RunStats(machine.logicalCores);
  const failures: FailureInfo[] = [];
  const emit = (ev: RunEvent): void => {
    stats.add(ev);
    if (ev.kind === 'failure')
      failures.push({
        reason: ev.reason,
        ...(ev.actor !== undefined ? { actor: ev.actor } : {}),
        ...(ev.task !== undefined ? { task: ev.task } : {}),
      });
    queue.push(ev);
  };
  let stop: ((why: 'cancelled' | 'time-limit') => void) | undefined;
  let stopped: 'cancelled' | 'time-limit' | undefined;
  const cancel = (): void => {
    if (stopped === undefined) stopped = 'cancelled';
    stop?.('cancelled');
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) cancel();
  let resolveCost: (c: { busyUs: number; wallUs: number; ticks: number }) => void = () => undefined;
  const samplerCost = new Promise<{ busyUs: number; wallUs: number; ticks: number }>(
    (r) => (resolveCost = r),
  );

  const summary = (async (): Promise<RunSummary> => {
    let dir: string | undefined;
    let server: Server | undefined;
    let downloads: DownloadServer | undefined;
    let child: ChildProcess | undefined;
    const sockets = new Set<Socket>();
    let status: RunSummary['status'] = 'completed';
    let wallUs = 0;
    let actors = 0;
    let tasks = 0;
    let tasksDone = 0;
    const fail = (reason: string, actor?: number): void => {
      emit({ kind: 'failure', tUs: wallUs, reason, ...(actor !== undefined ? { actor } : {}) });
    };
    try {
      sweepStaleScratch();
      const runner = runnerDir();
      if (runner === undefined)
        throw new Error("CoreScope's Python tracer files are not installed");
      dir = await mkdtemp(join(tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
      let scriptPath = run.path;
      if (scriptPath === undefined) {
        scriptPath = join(dir, run.scriptName);
        await writeFile(scriptPath, run.text, { mode: 0o600 });
      }
      // The local "internet" only for scripts that ask for it (it costs a few ms to start).
      if (run.text.includes(DOWNLOAD_ENV))
        downloads = await startDownloadServer({
          latencyMs: 200 * run.params.scale,
          bytesPerSecond: 2 ** 20 / run.params.scale,
        });
      const sockPath = join(dir, 't.sock');
      if (stopped !== undefined) throw new Error('cancelled before it started');

      const origin = process.hrtime.bigint();
      source.originNs = origin.toString();
      const nowUs = (): number => Number(process.hrtime.bigint() - origin) / 1000;
      const sampled = ProcSampler.available() && run.params.trace;
      // Set once the first process is spawned (its pid roots the timeline).
      const live: { timeline?: PythonTimeline } = {};
      const sampler = new ProcSampler(origin, (tid, s) => live.timeline?.sample(tid, s));
      const srv = createServer((conn) => {
        sockets.add(conn);
        let pid: number | undefined;
        let rest = '';
        conn.setEncoding('utf8');
        conn.on('data', (chunk: string) => {
          rest += chunk;
          let nl = rest.indexOf('\n');
          while (nl >= 0) {
            const text = rest.slice(0, nl);
            rest = rest.slice(nl + 1);
            nl = rest.indexOf('\n');
            const line = parseTracerLine(text);
            const timeline = live.timeline;
            if (line === undefined || timeline === undefined) continue;
            if (line.kind === 'hello') pid = line.hello.pid;
            if (pid !== undefined) timeline.line(pid, line);
          }
          if (rest.length > 16 * 2 ** 20) conn.destroy(); // not our tracer: no line ends
        });
        conn.on('error', () => undefined);
        conn.on('close', () => sockets.delete(conn));
      });
      server = srv;
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(sockPath, () => resolve());
      });

      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PYTHONPATH: [runner, process.env.PYTHONPATH].filter((p) => p).join(':'),
        CORESCOPE_TRACE_SOCK: sockPath,
        CORESCOPE_ENGINE_PID: String(process.pid),
        CORESCOPE_SCALE: String(run.params.scale),
        CORESCOPE_TRACE: run.params.trace ? '1' : '0',
        ...(downloads !== undefined ? { [DOWNLOAD_ENV]: downloads.base } : {}),
      };
      const argv = [join(runner, 'corescope_runner.py'), scriptPath];
      const cores = run.params.cores === undefined ? undefined : limitedCores(run.params.cores);
      // Affinity is inherited by every thread and child process started afterwards.
      const [cmd, args] =
        cores === undefined
          ? [run.interpreter.path, argv]
          : ['taskset', ['-c', formatCpuList(cores), run.interpreter.path, ...argv]];
      const stopSampler = startOsSampler((busy) => emit({ kind: 'os', tUs: nowUs(), busy }));
      const proc = spawn(cmd, args, {
        cwd: dir,
        env,
        detached: true, // its own process group: one kill stops the script and all its children
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let stderrTail = '';
      proc.stdout?.on('data', () => undefined); // drained, so a chatty script never blocks
      proc.stderr?.setEncoding('utf8');
      proc.stderr?.on('data', (s: string) => (stderrTail = (stderrTail + s).slice(-4000)));
      const rootPid = proc.pid ?? -1;
      const tl = new PythonTimeline(
        origin,
        rootPid,
        { sampled, inferGil: gil },
        emit,
        (pid, tid) => {
          if (sampled) sampler.watch(pid, tid);
        },
      );
      live.timeline = tl;
      if (rootPid > 0) tl.addRoot(rootPid);
      if (sampled) sampler.start(options.sampleMs);

      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
        (resolve) => {
          proc.once('exit', (code, signal) => resolve({ code, signal }));
          proc.once('error', () => resolve({ code: null, signal: null }));
        },
      );
      const limitMs = options.maxRunMs ?? DEFAULT_MAX_PYTHON_MS;
      const stopPromise = new Promise<'cancelled' | 'time-limit'>((resolve) => {
        stop = (why) => {
          killGroup(proc.pid);
          resolve(why);
        };
        if (stopped !== undefined) stop(stopped);
      });
      const limit = setTimeout(() => {
        if (stopped === undefined) stopped = 'time-limit';
        stop?.('time-limit');
      }, limitMs);
      const outcome = await Promise.race([exited.then((x) => ({ exit: x })), stopPromise]);
      clearTimeout(limit);
      stop = undefined; // the group is killed below; a late Cancel has nothing left to stop
      const exitUs = nowUs();
      // Let the first process's last batch arrive (it flushes just before it exits).
      if (typeof outcome === 'object') {
        const rootConn = [...sockets];
        await Promise.race([
          Promise.all(rootConn.map((c) => new Promise((r) => c.once('close', r)))),
          new Promise((r) => setTimeout(r, END_DRAIN_MS)),
        ]);
      }
      killGroup(proc.pid);
      for (const s of sockets) s.destroy();
      if (sampled) sampler.stop();
      stopSampler();
      const end = tl.end;
      wallUs = end?.tUs ?? exitUs;
      tl.finish(wallUs);
      actors = tl.actorCount;
      tasks = tl.taskCount;
      tasksDone = tl.tasksDone;
      resolveCost({ busyUs: sampler.busyUs, wallUs: exitUs, ticks: sampler.ticks });
      const rootActor = 0;
      if (outcome === 'cancelled') status = 'cancelled';
      else if (outcome === 'time-limit') {
        status = 'failed';
        fail(
          `the script exceeded its time limit of ${Math.round(limitMs / 1000)} s and was stopped`,
        );
      } else if (end !== undefined && end.status === 'failed') {
        status = 'failed';
        fail(end.reason ?? 'the script failed', rootActor);
      } else if (end === undefined) {
        status = 'failed';
        const how =
          outcome.exit.signal !== null
            ? `was killed by ${outcome.exit.signal}`
            : `exited with code ${String(outcome.exit.code)}`;
        const last = stderrTail.trim().split('\n').pop() ?? '';
        fail(`python ${how} before the script finished${last ? `: ${last}` : ''}`, rootActor);
      }
      if (status === 'completed' && failures.length > 0) status = 'failed';
    } catch (e) {
      killGroup(child?.pid);
      status = stopped === 'cancelled' ? 'cancelled' : 'failed';
      if (status === 'failed')
        fail(`the run could not start: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      await downloads?.close();
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
      options.signal?.removeEventListener('abort', cancel);
      resolveCost({ busyUs: 0, wallUs: 0, ticks: 0 });
    }
    const out: RunSummary = {
      status,
      wallMs: wallUs / 1000,
      cpuMs: stats.cpuUs / 1000,
      coreBusy: stats.coreBusy(wallUs),
      osBusy: stats.osBusy(),
      actors,
      tasks,
      tasksDone,
      slices: stats.slices,
      failures,
      clock: { source: PYTHON_CLOCK_SOURCE },
    };
    queue.close();
    return out;
  })();

  return { meta, events: queue, summary, cancel, samplerCost };
}
