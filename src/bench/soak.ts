// The soak: many short runs through a real browser host over its WebSocket (a mix of scenarios,
// models and real Python examples), the host's RSS at the start, every 50 runs and at the end,
// and what it holds afterwards (descendant processes, threads, open descriptors); then kill -9
// of the host and of the CLI in the middle of a cpu-bound run of 8 processes, counting what
// of the run is still alive 2 s later. `BENCH_ONLY=soak npm run bench` (SOAK_RUNS, SOAK_KILLS).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchClient, rssMb, startBenchHost, type BenchHost } from './host-process';

const RUNS: readonly Record<string, unknown>[] = [
  { scenario: 'say-after', model: 'async', scale: 0.02 },
  { scenario: 'fib-sleep', model: 'async', size: 8, scale: 0.02, variant: 'nonblocking' },
  { scenario: 'downloads', model: 'threads', workers: 2, tasks: 4, size: 64, scale: 0.05 },
  { scenario: 'cpu-bound', model: 'processes', workers: 2, tasks: 2, size: 5 },
  { scenario: 'cpu-bound', model: 'gil-threads', workers: 2, tasks: 2, size: 5 },
  { scenario: 'mixed', model: 'threads', workers: 2, tasks: 2, size: 1, scale: 0.05 },
  { scenario: 'fib-sleep', model: 'sequential', size: 6, scale: 0.02, variant: 'blocking' },
  { source: 'python', script: { kind: 'example', name: 'say_after_tasks.py' }, scale: 0.05 },
  { source: 'python', script: { kind: 'example', name: 'cpu_processes.py' }, scale: 0.02 },
];

export interface SoakFigures {
  readonly runs: number;
  readonly failedRuns: number;
  /** Host RSS in MB: at start, after every 50 runs, at the end. */
  readonly rssMb: readonly (readonly [number, number])[];
  readonly fdsStart: number;
  readonly fdsEnd: number;
  readonly threadsStart: number;
  readonly threadsEnd: number;
  readonly descendantsEnd: number;
  /** Processes of the run alive 2 s after kill -9 of their host / CLI, per kill. */
  readonly leftAfterHostKill: readonly number[];
  readonly leftAfterCliKill: readonly number[];
  readonly childrenSeenBeforeKill: readonly number[];
  readonly loadAverage: readonly number[];
}

function ppidOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[0] === 'Z' ? undefined : Number(rest[1]);
  } catch {
    return undefined;
  }
}

/** Living descendants of `root` (zombies excluded). */
export function descendants(root: number): number[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => [Number(d), ppidOf(Number(d))] as const);
  const out: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop();
    for (const [pid, ppid] of all) {
      if (ppid === parent) {
        out.push(pid);
        frontier.push(pid);
      }
    }
  }
  return out;
}

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && ppidOf(pid) !== undefined;
const count = (dir: string): number => (existsSync(dir) ? readdirSync(dir).length : 0);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One run through the host: startRun, then wait for its end message. */
async function runOnce(client: BenchClient, input: Record<string, unknown>): Promise<boolean> {
  let ended: (ok: boolean) => void = () => undefined;
  const end = new Promise<boolean>((r) => (ended = r));
  let runId = '';
  client.onPush = (frame) => {
    const text = frame.toString();
    if (runId !== '' && text.includes(`"runId":"${runId}"`) && /"kind":"(end|error)"/.test(text)) {
      ended(text.includes('"status":"completed"'));
    }
  };
  const reply: unknown = JSON.parse((await client.request('startRun', [input])).toString());
  // A refused start is the soak's own mistake, not a failed run: say so and stop.
  if (typeof reply !== 'object' || reply === null || !('value' in reply))
    throw new Error(`soak: the host refused ${JSON.stringify(input)}: ${JSON.stringify(reply)}`);
  const meta = reply.value;
  if (typeof meta !== 'object' || meta === null || !('runId' in meta)) return false;
  runId = String(meta.runId);
  return end;
}

/** Waits until `pid` has at least `n` descendants (or 20 s pass); returns how many it has. */
async function waitForChildren(pid: number, n: number): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const d = descendants(pid).length;
    if (d >= n) return d;
    await sleep(50);
  }
  return descendants(pid).length;
}

const BIG = { scenario: 'cpu-bound', model: 'processes', workers: 8, tasks: 8, size: 3000 };

async function killHostMidRun(outDir: string): Promise<[number, number]> {
  const host: BenchHost = await startBenchHost(outDir, 'soak-kill');
  try {
    const c = await BenchClient.open(host);
    await c.request('startRun', [BIG]);
    const seen = await waitForChildren(host.pid, 8);
    const run = descendants(host.pid);
    process.kill(host.pid, 'SIGKILL');
    await sleep(2000);
    return [seen, run.filter(alive).length];
  } finally {
    await host.stop();
  }
}

async function killCliMidRun(outDir: string, k: number): Promise<[number, number]> {
  const out = join(tmpdir(), `corescope-soak-${process.pid}-${k}.json`);
  const cli = spawn(
    process.execPath,
    [
      join(outDir, 'node', 'cli.cjs'),
      '--scenario',
      'cpu-bound',
      '--model',
      'processes',
      '--workers',
      '8',
      '--tasks',
      '8',
      '--size',
      '3000',
      '--out',
      out,
    ],
    { stdio: 'ignore' },
  );
  const pid = cli.pid;
  if (pid === undefined) throw new Error('could not start the CLI');
  const gone = new Promise<void>((r) => cli.once('exit', () => r()));
  const seen = await waitForChildren(pid, 8);
  const run = descendants(pid);
  process.kill(pid, 'SIGKILL');
  await gone;
  await sleep(2000);
  rmSync(out, { force: true });
  return [seen, run.filter(alive).length];
}

export async function soakBench(outDir: string, runs: number, kills: number): Promise<SoakFigures> {
  const host = await startBenchHost(outDir, 'soak');
  const rss: [number, number][] = [];
  let failed = 0;
  // What the host holds at the start and once idle after the runs.
  const held = { fdsStart: 0, threadsStart: 0, fdsEnd: 0, threadsEnd: 0, descendantsEnd: 0 };
  try {
    const client = await BenchClient.open(host);
    await client.request('machineInfo', []);
    rss.push([0, rssMb(host.pid) ?? 0]);
    held.fdsStart = count(`/proc/${host.pid}/fd`);
    held.threadsStart = count(`/proc/${host.pid}/task`);
    for (let i = 1; i <= runs; i++) {
      const input = RUNS[(i - 1) % RUNS.length] ?? {};
      if (!(await runOnce(client, input))) failed++;
      if (i % 50 === 0 || i === runs) rss.push([i, rssMb(host.pid) ?? 0]);
    }
    // What the host holds once idle: no run's process, thread or descriptor should remain.
    await sleep(2000);
    held.fdsEnd = count(`/proc/${host.pid}/fd`);
    held.threadsEnd = count(`/proc/${host.pid}/task`);
    held.descendantsEnd = descendants(host.pid).length;
    client.close();
  } finally {
    await host.stop();
  }
  const seen: number[] = [];
  const hostLeft: number[] = [];
  const cliLeft: number[] = [];
  for (let k = 0; k < kills; k++) {
    const [s1, h] = await killHostMidRun(outDir);
    const [s2, c] = await killCliMidRun(outDir, k);
    seen.push(s1, s2);
    hostLeft.push(h);
    cliLeft.push(c);
  }
  return {
    runs,
    failedRuns: failed,
    rssMb: rss.map(([i, mb]) => [i, +mb.toFixed(1)]),
    ...held,
    leftAfterHostKill: hostLeft,
    leftAfterCliKill: cliLeft,
    childrenSeenBeforeKill: seen,
    loadAverage: loadavg().map((x) => +x.toFixed(2)),
  };
}
