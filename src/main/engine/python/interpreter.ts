// Finds and checks the CPython interpreter a Python run uses: the user's pick (--python, the
// app's setting, the run's `python`) or the machine's python3. Probing runs the interpreter
// once (~30 ms) and is cached per path, so machine info and each run stay cheap.
import { execFile, execFileSync } from 'node:child_process';
import type { PythonAvailability } from '../../../shared/python';

export const DEFAULT_PYTHON = process.platform === 'win32' ? 'python' : 'python3';
export const MIN_PYTHON: readonly [number, number] = [3, 9];

export interface Interpreter {
  /** sys.executable: the resolved interpreter binary. */
  readonly path: string;
  /** e.g. "CPython 3.11.7". */
  readonly runtime: string;
  readonly version: readonly [number, number, number];
  readonly gil: boolean;
}

export type Probe =
  | { readonly ok: true; readonly interpreter: Interpreter }
  | { readonly ok: false; readonly reason: string };

const PROBE = [
  'import json, sys',
  'gil = getattr(sys, "_is_gil_enabled", lambda: True)()',
  'print(json.dumps([sys.implementation.name, list(sys.version_info[:3]), bool(gil), sys.executable]))',
].join('\n');

const cache = new Map<string, Probe>();

const PROBE_TIMEOUT_MS = 15_000;
const probeEnv = (): NodeJS.ProcessEnv => ({ ...process.env, PYTHONPATH: '', PYTHONSTARTUP: '' });

function runFailure(path: string, e: unknown): Probe {
  const err = e as { code?: unknown; signal?: unknown };
  if (err.code === 'ENOENT') return { ok: false, reason: `${path} was not found` };
  if (err.code === 'EACCES') return { ok: false, reason: `${path} is not executable` };
  if (err.signal === 'SIGTERM') return { ok: false, reason: `${path} did not answer within 15 s` };
  return { ok: false, reason: `${path} did not run as Python` };
}

function probeUncached(path: string): Probe {
  let out: string;
  try {
    out = execFileSync(path, ['-c', PROBE], {
      encoding: 'utf8',
      timeout: PROBE_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: probeEnv(),
      windowsHide: true,
    });
  } catch (e) {
    return runFailure(path, e);
  }
  return parseProbe(path, out);
}

/**
 * Probes `path` afresh without blocking the engine's thread (a setting chosen in the app may
 * name a file that was just installed or removed), and caches the answer for the runs after it.
 */
export function probePythonNow(path: string): Promise<Probe> {
  return new Promise((resolve) => {
    execFile(
      path,
      ['-c', PROBE],
      { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS, env: probeEnv(), windowsHide: true },
      (error, stdout) => {
        const probe = error === null ? parseProbe(path, stdout) : runFailure(path, error);
        cache.set(path, probe);
        resolve(probe);
      },
    );
  });
}

function parseProbe(path: string, out: string): Probe {
  let parsed: unknown;
  try {
    parsed = JSON.parse(out.trim().split('\n').pop() ?? '');
  } catch {
    return { ok: false, reason: `${path} did not answer like Python` };
  }
  if (!Array.isArray(parsed) || parsed.length !== 4)
    return { ok: false, reason: `${path} did not answer like Python` };
  const [impl, version, gil, executable] = parsed as unknown[];
  const v = Array.isArray(version) ? version.map(Number) : [];
  const [major = 0, minor = 0, micro = 0] = v;
  if (impl !== 'cpython') return { ok: false, reason: `${path} is ${String(impl)}, not CPython` };
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1]))
    return {
      ok: false,
      reason: `${path} is Python ${major}.${minor}; CoreScope needs ${MIN_PYTHON.join('.')} or newer`,
    };
  return {
    ok: true,
    interpreter: {
      path: typeof executable === 'string' && executable !== '' ? executable : path,
      runtime: `CPython ${major}.${minor}.${micro}`,
      version: [major, minor, micro],
      gil: gil !== false,
    },
  };
}

/** Checks that `path` (a name on PATH or a file) is CPython ≥ 3.9; cached per path. */
export function probePython(path: string = DEFAULT_PYTHON): Probe {
  const hit = cache.get(path);
  if (hit !== undefined) return hit;
  const probe = probeUncached(path);
  cache.set(path, probe);
  return probe;
}

/** Plain words on what a Python run can observe on this platform with this interpreter. */
export function observabilityNote(gil: boolean): string {
  if (process.platform !== 'linux')
    return `${process.platform}: threads, processes, asyncio tasks and the blocking calls the tracer wraps are recorded; cores and GIL wait are not observable here (they are read from Linux /proc).`;
  return gil
    ? 'Linux: cores, run-queue waits and off-CPU time are sampled from /proc outside the interpreter; a thread off its core outside every call the tracer wraps is waiting for the GIL.'
    : 'Linux, free-threaded interpreter (no GIL): cores and run-queue waits are sampled from /proc; there is no GIL, so no GIL wait is inferred.';
}

export function pythonAvailability(path: string = DEFAULT_PYTHON): PythonAvailability {
  return availabilityOf(path, probePython(path));
}

export function availabilityOf(path: string, p: Probe): PythonAvailability {
  if (!p.ok) return { available: false, interpreter: path, reason: p.reason };
  return {
    available: true,
    interpreter: p.interpreter.path,
    runtime: p.interpreter.runtime,
    gil: p.interpreter.gil,
    note: observabilityNote(p.interpreter.gil),
  };
}
