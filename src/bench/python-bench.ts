// The Python runtime's bench figures: tracing overhead against plain python3 (interleaved, so
// drift and other load hit both sides alike), the /proc sampler's own CPU cost, and the blog
// post's experiments (docs/design.md) as ratios between the shipped examples, with the GIL share
// of the two CPU-bound threads. `npm run bench` includes it; `node out/node/python-bench.cjs`
// runs it alone.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  F_ACTOR,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  LANE_ACTOR,
  SLICE_STRIDE,
} from '../shared/events';
import type { PythonExampleName } from '../shared/python';
import { RunStore } from '../shared/run-store';
import { STATE_CODE } from '../shared/states';
import { probePython } from '../main/engine/python/interpreter';
import { examplesDir } from '../main/engine/python/python-files';
import { preparePython, startPythonRun } from '../main/engine/python/python-run';

type Row = [string, string, string];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const r3 = (x: number): number => +x.toFixed(3);

interface Traced {
  /** Start of the run to the end of its summary (the engine's whole cost), ms. */
  readonly e2eMs: number;
  /** The script's own time: wall minus the interpreter's start-up (spawning), ms. */
  readonly workMs: number;
  readonly samplerShare: number;
  /** GIL-wait share of each non-main thread's lifetime. */
  readonly gilShares: readonly number[];
  /** Per non-main thread: ms in each state, its lifetime, and its working span (see below). */
  readonly threads: readonly ThreadDetail[];
}

interface ThreadDetail {
  readonly label: string;
  readonly lifeMs: number;
  /** First slice to the end of its last slice that is not `blocked` (waiting for work). */
  readonly workMs: number;
  readonly ms: Readonly<Record<string, number>>;
}

async function traced(name: PythonExampleName, scale: number): Promise<Traced> {
  const prepared = preparePython({
    source: 'python',
    script: { kind: 'example', name },
    scale,
    trace: true,
  });
  if (!prepared.ok) throw new Error(prepared.error);
  const t0 = process.hrtime.bigint();
  const handle = startPythonRun(prepared.run);
  const store = new RunStore(handle.meta);
  for await (const ev of handle.events) store.apply(ev);
  const summary = await handle.summary;
  const e2eMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cost = await handle.samplerCost;
  if (summary.status !== 'completed')
    throw new Error(`${name}: ${summary.failures[0]?.reason ?? summary.status}`);
  const s = store.slices;
  const per = new Map<
    number,
    { gil: number; first: number; last: number; lastWork: number; ms: Record<string, number> }
  >();
  let spawnUs = 0;
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    if (s[o + F_LANE] !== LANE_ACTOR) continue;
    const actor = s[o + F_ACTOR] ?? -1;
    const start = s[o + F_START] ?? 0;
    const end = s[o + F_END] ?? 0;
    if (actor === 0 && s[o + F_STATE] === STATE_CODE.spawning) spawnUs += end - start;
    const p = per.get(actor) ?? { gil: 0, first: Infinity, last: 0, lastWork: 0, ms: {} };
    const code = s[o + F_STATE] ?? -1;
    if (code === STATE_CODE['gil-wait']) p.gil += end - start;
    const state = Object.entries(STATE_CODE).find(([, c]) => c === code)?.[0] ?? String(code);
    p.ms[state] = (p.ms[state] ?? 0) + (end - start) / 1000;
    p.first = Math.min(p.first, start);
    p.last = Math.max(p.last, end);
    if (code !== STATE_CODE.blocked) p.lastWork = Math.max(p.lastWork, end);
    per.set(actor, p);
  }
  const workers = [...per.entries()].filter(
    ([actor]) => actor !== 0 && store.actors.get(actor)?.kind === 'thread',
  );
  const gilShares = workers.map(([, p]) => p.gil / Math.max(1, p.last - p.first));
  const threads = workers.map(([actor, p]) => ({
    label: store.actors.get(actor)?.label ?? String(actor),
    lifeMs: +((p.last - p.first) / 1000).toFixed(1),
    workMs: +((p.lastWork - p.first) / 1000).toFixed(1),
    ms: Object.fromEntries(Object.entries(p.ms).map(([k, v]) => [k, +v.toFixed(1)])),
  }));
  return {
    e2eMs,
    workMs: summary.wallMs - spawnUs / 1000,
    samplerShare: cost.wallUs > 0 ? cost.busyUs / cost.wallUs : 0,
    gilShares,
    threads,
  };
}

/** Plain python3 FILE.py, spawn to exit, ms. */
function plain(interpreter: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(interpreter, [file], { stdio: 'ignore', cwd: join(file, '..') });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(Number(process.hrtime.bigint() - t0) / 1e6)
        : reject(new Error(`${file} exited with ${code}`)),
    );
  });
}

async function overhead(interpreter: string, dir: string, name: PythonExampleName, n: number) {
  const tracedMs: number[] = [];
  const plainMs: number[] = [];
  const shares: number[] = [];
  await plain(interpreter, join(dir, name)); // warm the page cache and the bytecode caches
  for (let i = 0; i < n; i++) {
    // Alternate which goes first, so drift and warm-up do not favour one side.
    if (i % 2 === 0) plainMs.push(await plain(interpreter, join(dir, name)));
    const t = await traced(name, 1);
    tracedMs.push(t.e2eMs);
    shares.push(t.samplerShare);
    if (i % 2 !== 0) plainMs.push(await plain(interpreter, join(dir, name)));
  }
  return { ratio: median(tracedMs) / median(plainMs), tracedMs, plainMs, shares };
}

/** The blog post's experiments as ratios of the examples' own times, interleaved `n` times. */
async function figures(n: number) {
  const work: Record<string, number[]> = {};
  const gil: number[][] = [];
  const gilDetail: (readonly ThreadDetail[])[] = [];
  const plan: [PythonExampleName, number][] = [
    ['say_after_awaits.py', 1],
    ['say_after_tasks.py', 1],
    ['fib_sequential.py', 0.25],
    ['fib_async_blocking.py', 0.25],
    ['fib_async_nonblocking.py', 0.25],
    ['cpu_sequential.py', 1],
    ['cpu_threads.py', 1],
    ['cpu_processes.py', 1],
  ];
  for (let i = 0; i < n; i++)
    for (const [name, scale] of plan) {
      const t = await traced(name, scale);
      (work[name] ??= []).push(t.workMs);
      if (name === 'cpu_threads.py') {
        gil.push([...t.gilShares]);
        gilDetail.push(t.threads);
      }
    }
  const m = (name: string): number => median(work[name] ?? []);
  return {
    work,
    gil,
    gilDetail,
    sayAfterTasksOverAwaits: m('say_after_tasks.py') / m('say_after_awaits.py'),
    fibBlockingOverSequential: m('fib_async_blocking.py') / m('fib_sequential.py'),
    fibNonblockingOverSequential: m('fib_async_nonblocking.py') / m('fib_sequential.py'),
    cpuThreadsOverSequential: m('cpu_threads.py') / m('cpu_sequential.py'),
    cpuProcessesOverSequential: m('cpu_processes.py') / m('cpu_sequential.py'),
  };
}

export async function pythonBench(rows: Row[], repeats: number): Promise<Record<string, unknown>> {
  const probe = probePython();
  const dir = examplesDir();
  if (!probe.ok || dir === undefined) {
    rows.push(['Python bench', 'skipped', probe.ok ? 'no examples' : probe.reason]);
    return {};
  }
  const py = probe.interpreter.path;
  const n = Math.max(2, Math.min(repeats, 6));
  const threads = await overhead(py, dir, 'cpu_threads.py', n);
  const fib = await overhead(py, dir, 'fib_async_nonblocking.py', n);
  const fig = await figures(Math.max(1, Math.min(repeats, 3)));
  const shares = [...threads.shares, ...fib.shares];
  const result = {
    pythonOverheadCpuThreads: r3(threads.ratio),
    pythonOverheadFibNonblocking: r3(fib.ratio),
    pythonSamplerCpuShare: +median(shares).toFixed(4),
    pythonRuns: {
      cpuThreads: {
        traced: threads.tracedMs.map(Math.round),
        plain: threads.plainMs.map(Math.round),
      },
      fibNonblocking: { traced: fib.tracedMs.map(Math.round), plain: fib.plainMs.map(Math.round) },
      workMs: Object.fromEntries(Object.entries(fig.work).map(([k, v]) => [k, v.map(Math.round)])),
      gilShares: fig.gil.map((g) => g.map(r3)),
      gilDetail: fig.gilDetail,
    },
    pythonSayAfterTasksOverAwaits: r3(fig.sayAfterTasksOverAwaits),
    pythonFibBlockingOverSequential: r3(fig.fibBlockingOverSequential),
    pythonFibNonblockingOverSequential: r3(fig.fibNonblockingOverSequential),
    pythonCpuThreadsOverSequential: r3(fig.cpuThreadsOverSequential),
    pythonCpuProcessesOverSequential: r3(fig.cpuProcessesOverSequential),
  };
  rows.push(
    [
      'Python tracing overhead, cpu_threads.py (traced / plain python3)',
      threads.ratio.toFixed(3),
      '<= 1.10',
    ],
    ['Python tracing overhead, fib_async_nonblocking.py', fib.ratio.toFixed(3), '<= 1.03'],
    [
      'Python /proc sampler CPU, share of one core (median)',
      (100 * result.pythonSamplerCpuShare).toFixed(2) + ' %',
      '',
    ],
    [
      'say_after_tasks / say_after_awaits (script time)',
      fig.sayAfterTasksOverAwaits.toFixed(3),
      '~0.67',
    ],
    ['fib_async_blocking / fib_sequential', fig.fibBlockingOverSequential.toFixed(3), '>= 1'],
    [
      'fib_async_nonblocking / fib_sequential',
      fig.fibNonblockingOverSequential.toFixed(3),
      '<= 0.2',
    ],
    ['cpu_threads / cpu_sequential', fig.cpuThreadsOverSequential.toFixed(3), '>= 1'],
    ['cpu_processes / cpu_sequential', fig.cpuProcessesOverSequential.toFixed(3), '<= 0.75'],
    [
      'GIL-wait share of the two cpu_threads threads',
      fig.gil.map((g) => g.map((x) => (100 * x).toFixed(0) + ' %').join(' / ')).join(', '),
      '35-65 % each',
    ],
  );
  return result;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const result = await pythonBench(rows, Number(process.env.BENCH_REPEATS ?? 4));
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v, t] of rows) console.log(`${k.padEnd(w)}  ${v.padStart(14)}  ${t}`);
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
}

// Bundled into bench.cjs too: only the python-bench.cjs bundle runs it on its own.
if (/python-bench\.c?[jt]s$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
