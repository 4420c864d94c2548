// Figures that were once pass/fail limits in the unit tests and are ratios or latencies of wall
// time, so they say as much about the machine's other load as about the engine: how much faster
// each model runs than sequential, how long Cancel takes to stop a pool, and how long a child
// process outlives a SIGKILLed parent (its lifeline). Each is measured here, once per bench run.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunParamsInput } from '../shared/params';
import { parseStat } from '../shared/proc-parse';
import { parseRunParams } from '../shared/scenarios';
import { median } from '../shared/stats';
import { machineInfo, startRun } from '../main/engine/engine';
import type { RunSummary, WorkerEntries } from '../main/engine/types';

export interface ModelFigures {
  /** Wall time over sequential's for the same work (cpu-bound --tasks 4 --workers 2). */
  readonly cpuBound: Readonly<Record<'threads' | 'processes' | 'async' | 'gil-threads', number>>;
  /** async over sequential: say-after, fib-sleep (both variants), downloads; gil-threads downloads. */
  readonly waits: Readonly<Record<string, number>>;
  /** ms from Cancel to the run's summary, processes pool, median of 3. */
  readonly cancelMs: number;
  /** ms from SIGKILL of the trace CLI to its last worker process gone, median of 3. */
  readonly orphanGoneMs: number;
}

async function wall(entries: WorkerEntries, input: RunParamsInput): Promise<number> {
  const p = parseRunParams(input, machineInfo().logicalCores);
  if (!p.ok) throw new Error(p.error);
  const h = startRun(p.params, { entries });
  for await (const ev of h.events) void ev;
  const s: RunSummary = await h.summary;
  if (s.status !== 'completed') throw new Error(`bench run ${JSON.stringify(input)}: ${s.status}`);
  return s.wallMs;
}

async function cancelMs(entries: WorkerEntries): Promise<number> {
  const p = parseRunParams(
    { scenario: 'cpu-bound', model: 'processes', workers: 2, tasks: 8, size: 4000 },
    machineInfo().logicalCores,
  );
  if (!p.ok) throw new Error(p.error);
  const ctl = new AbortController();
  const h = startRun(p.params, { entries, signal: ctl.signal });
  let t0 = 0;
  for await (const ev of h.events) {
    // Cancel once the first worker has sent slices: the pool is computing.
    if (ev.kind === 'slices' && t0 === 0) {
      t0 = performance.now();
      ctl.abort();
    }
  }
  await h.summary;
  return performance.now() - t0;
}

function procStat(pid: number): ReturnType<typeof parseStat> {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return undefined;
  }
}

const childrenOf = (parent: number): number[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => procStat(pid)?.ppid === parent);

const living = (pid: number): boolean => {
  const state = procStat(pid)?.state;
  return state !== undefined && state !== 'Z';
};

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** SIGKILLs the trace CLI while 2 workers compute; ms until the last of them is gone. */
async function orphanGoneMs(cli: string, dir: string): Promise<number> {
  const args = ['--scenario', 'cpu-bound', '--model', 'processes', '--workers', '2'];
  const child = spawn(
    process.execPath,
    [cli, ...args, '--tasks', '100', '--size', '4000', '--out', join(dir, 'orphan.json')],
    { stdio: 'ignore' },
  );
  const pid = child.pid ?? -1;
  let kids: number[] = [];
  // Mid-run: both workers exist and have used CPU time (utime, 10 ms ticks).
  while (kids.length < 2 || kids.some((k) => Number(procStat(k)?.rest[14 - 3] ?? 0) < 5)) {
    if (child.exitCode !== null) throw new Error('the CLI ended before its workers computed');
    await pause(20);
    kids = childrenOf(pid);
  }
  const t0 = performance.now();
  child.kill('SIGKILL');
  while (kids.some(living)) {
    if (performance.now() - t0 > 10_000) {
      for (const k of kids) if (living(k)) process.kill(k, 'SIGKILL');
      return Number.POSITIVE_INFINITY;
    }
    await new Promise((r) => setImmediate(r));
  }
  return performance.now() - t0;
}

export async function modelBench(entries: WorkerEntries, cli: string): Promise<ModelFigures> {
  const cpu = { scenario: 'cpu-bound', workers: 2, tasks: 4 } as const;
  const seq = await wall(entries, { ...cpu, model: 'sequential' });
  const cpuBound = {
    threads: (await wall(entries, { ...cpu, model: 'threads' })) / seq,
    processes: (await wall(entries, { ...cpu, model: 'processes' })) / seq,
    async: (await wall(entries, { ...cpu, model: 'async' })) / seq,
    'gil-threads': (await wall(entries, { ...cpu, model: 'gil-threads' })) / seq,
  };
  const ratio = async (a: RunParamsInput, b: RunParamsInput): Promise<number> =>
    (await wall(entries, a)) / (await wall(entries, b));
  const say = { scenario: 'say-after', scale: 0.2 } as const;
  const fib = { scenario: 'fib-sleep', scale: 0.1 } as const;
  const dl = { scenario: 'downloads', scale: 0.5 } as const;
  const waits = {
    'say-after async': await ratio({ ...say, model: 'async' }, { ...say, model: 'sequential' }),
    'fib-sleep async blocking': await ratio(
      { ...fib, model: 'async', variant: 'blocking' },
      { ...fib, model: 'sequential' },
    ),
    'fib-sleep async nonblocking': await ratio(
      { ...fib, model: 'async', variant: 'nonblocking' },
      { ...fib, model: 'sequential' },
    ),
    'downloads async': await ratio({ ...dl, model: 'async' }, { ...dl, model: 'sequential' }),
    'downloads gil-threads x4': await ratio(
      { ...dl, model: 'gil-threads', workers: 4 },
      { ...dl, model: 'sequential' },
    ),
  };
  const cancels: number[] = [];
  const orphans: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'corescope-bench-'));
  try {
    for (let i = 0; i < 3; i++) {
      cancels.push(await cancelMs(entries));
      if (process.platform === 'linux') orphans.push(await orphanGoneMs(cli, dir));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    cpuBound,
    waits,
    cancelMs: median(cancels),
    orphanGoneMs: orphans.length > 0 ? median(orphans) : Number.NaN,
  };
}

/** Table rows: figure, value, and what the engine is meant to reach on an idle machine. */
export function modelRows(f: ModelFigures): [string, string, string][] {
  const target: Readonly<Record<string, string>> = {
    threads: '<= 0.8',
    processes: '<= 0.8',
    async: '>= 0.9',
    'gil-threads': '>= 0.9',
    'say-after async': '~ 0.67',
    'fib-sleep async blocking': '>= 0.95',
    'fib-sleep async nonblocking': '<= 0.3',
    'downloads async': '<= 0.5',
    'downloads gil-threads x4': '<= 0.6',
  };
  return [
    ...Object.entries(f.cpuBound).map(([m, r]): [string, string, string] => [
      `cpu-bound, ${m} / sequential wall`,
      r.toFixed(3),
      target[m] ?? '',
    ]),
    ...Object.entries(f.waits).map(([k, r]): [string, string, string] => [
      `${k} / sequential wall`,
      r.toFixed(3),
      target[k] ?? '',
    ]),
    ['Cancel of a 2-process pool -> summary, ms (median)', f.cancelMs.toFixed(0), '< 1000'],
    ['SIGKILL of the CLI -> last worker gone, ms (median)', f.orphanGoneMs.toFixed(0), '< 2000'],
  ];
}
