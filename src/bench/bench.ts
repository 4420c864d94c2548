// `npm run bench`: the engine's quality figures on this machine, as a table and one JSON line.
// Timings are compared as ratios inside one run (traced vs untraced, interleaved), never as
// absolute targets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRunParams } from '../shared/scenarios';
import type { RunParamsInput } from '../shared/params';
import { defaultEntries, machineInfo, startRun } from '../main/engine/engine';
import type { RunSummary } from '../main/engine/types';
import { spawnMs, throughput } from './pipeline';
import { pythonBench } from './python-bench';
import { renderBench } from './render-bench';
import { modelBench, modelRows } from './model-bench';
import { observerBench, observerSplit, type ObserverFigures } from './observer-bench';
import { frameStallBench, stallRows } from './frame-stall';
import { soakBench } from './soak';
import { median } from '../shared/stats';

const entries = defaultEntries(__dirname);

async function run(input: RunParamsInput): Promise<RunSummary> {
  const p = parseRunParams(input, machineInfo().logicalCores);
  if (!p.ok) throw new Error(p.error);
  const h = startRun(p.params, { entries });
  for await (const ev of h.events) void ev;
  return h.summary;
}

async function overhead(model: 'sequential' | 'processes', repeats: number) {
  const traced: number[] = [];
  const untraced: number[] = [];
  const offsets: number[] = [];
  const base = { scenario: 'cpu-bound', model, workers: 2, tasks: 4, size: 400 } as const;
  await run({ ...base, tasks: 1, size: 50 }); // warm the page cache and the JIT of this process
  for (let i = 0; i < repeats; i++) {
    // Alternate which goes first, so drift and warm-up do not favour one side.
    const first = await run({ ...base, trace: i % 2 === 0 });
    const second = await run({ ...base, trace: i % 2 !== 0 });
    const [a, b] = i % 2 === 0 ? [first, second] : [second, first];
    traced.push(a.wallMs);
    untraced.push(b.wallMs);
    if (a.clock.maxOffsetUs !== undefined) offsets.push(a.clock.maxOffsetUs);
  }
  return {
    traced: median(traced),
    untraced: median(untraced),
    ratio: median(traced) / median(untraced),
    offsets,
  };
}

function observerRows(o: ObserverFigures): [string, string, string][] {
  const f = (x: number | undefined, d = 3): string => (x === undefined ? '-' : x.toFixed(d));
  for (const r of o.runs) {
    console.log(
      `observer run ${r.side.padEnd(6)} wall ${r.wallMs.toFixed(1)} ms, preempted ${(100 * r.preemptedShare).toFixed(1)} %, browser ${f(r.browserCores)} / renderer ${f(r.rendererCores)} / engine ${f(r.engineCores)} cores` +
        (r.side === 'ui'
          ? `; ${r.frames ?? 0} frames, renderer ${f(r.rendererMsPerFrame, 1)} ms/frame; click to drawn: browser ${f(r.browserCoresWhole)} / renderer ${f(r.rendererCoresWhole)}`
          : ''),
    );
  }
  return [
    ['observer: wall, UI run / engine alone (median)', o.wallRatio.toFixed(3), '<= 1.05'],
    [
      'observer: preempted share, UI - engine alone, points',
      o.preemptedDiffPoints.toFixed(1),
      '<= 3',
    ],
    [
      'observer: browser CPU per s of run, cores (renderer)',
      `${o.browserCoresPerSecond.toFixed(3)} (${o.rendererCoresPerSecond.toFixed(3)})`,
      '<= 0.05',
    ],
    [
      'observer: the same, Run click to drawn (start-up, final draw)',
      `${o.browserCoresWhole.toFixed(3)} (${o.rendererCoresWhole.toFixed(3)})`,
      '',
    ],
    ['observer: renderer CPU per live frame, ms', o.rendererMsPerFrame.toFixed(1), ''],
    ['observer: engine CPU per s of UI run, cores', o.engineCoresPerSecondUi.toFixed(3), ''],
    [
      'observer: live latency slice end -> frame, ms (median / p95)',
      `${o.latencyMedianMs.toFixed(0)} / ${o.latencyP95Ms.toFixed(0)}`,
      '<= 100',
    ],
    [
      'observer floor: empty page at the live rate, renderer cores',
      `${o.floor.nothing.cores.toFixed(3)} / ${o.floor.canvas.cores.toFixed(3)} / ${o.floor.text.cores.toFixed(3)}`,
      'frames alone / a canvas rect / a text node',
    ],
    [
      'observer floor: the same, renderer ms per frame',
      `${o.floor.nothing.msPerFrame.toFixed(1)} / ${o.floor.canvas.msPerFrame.toFixed(1)} / ${o.floor.text.msPerFrame.toFixed(1)}`,
      '',
    ],
    ['observer: load average at the end (1/5/15 min)', o.loadAverage.join(' '), ''],
  ];
}

async function main(): Promise<void> {
  const repeats = Number(process.env.BENCH_REPEATS ?? 8);
  const machine = machineInfo();
  console.log(
    `CoreScope bench on ${machine.cpuModel}, ${machine.logicalCores} logical cores, ${machine.runtime}`,
  );
  if (process.env.BENCH_ONLY === 'models') {
    // The model ratios, Cancel and orphan figures alone.
    const m = await modelBench(entries, join(__dirname, 'cli.cjs'));
    for (const [k, v, t] of modelRows(m)) console.log(`${k.padEnd(60)}  ${v.padStart(14)}  ${t}`);
    console.log(`BENCH_JSON ${JSON.stringify(m)}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'render') {
    // The renderer's draw and pan figures alone.
    const r = await renderBench(join(__dirname, '..'));
    console.log(
      `draw 100 000 visible slices in Chromium, ms (median)  ${r.draw100kMs.toFixed(2)}  <= 16`,
    );
    console.log(
      `pan a 1 000 000-slice run, frame ms (median / p95)  ${r.pan1mFrameMs.toFixed(2)} / ${r.pan1mFrameP95Ms.toFixed(2)}  <= 16`,
    );
    console.log(`BENCH_JSON ${JSON.stringify(r)}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'stall') {
    // The host's stall while another client saves and opens a big run (BENCH_STALL_MIB).
    const mib = Number(process.env.BENCH_STALL_MIB ?? 49);
    const f = await frameStallBench(join(__dirname, '..'), entries, mib);
    for (const [k, v] of stallRows(f)) console.log(`${k.padEnd(60)}  ${v}`);
    console.log(`BENCH_JSON ${JSON.stringify(f)}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'soak') {
    // Runs through the host, its RSS and what it holds after; kill -9 of host and CLI mid-run.
    const runs = Number(process.env.SOAK_RUNS ?? 200);
    const kills = Number(process.env.SOAK_KILLS ?? 10);
    const f = await soakBench(join(__dirname, '..'), runs, kills);
    console.log(
      `soak: ${f.runs} runs (${f.failedRuns} failed), host RSS MB [run, MB]: ${JSON.stringify(f.rssMb)}`,
    );
    console.log(
      `soak: host fds ${f.fdsStart} -> ${f.fdsEnd}, threads ${f.threadsStart} -> ${f.threadsEnd}, descendants after ${f.descendantsEnd}`,
    );
    console.log(
      `soak: alive 2 s after kill -9, host: ${f.leftAfterHostKill.join(' ')}; CLI: ${f.leftAfterCliKill.join(' ')} (children seen before each kill: ${f.childrenSeenBeforeKill.join(' ')})`,
    );
    console.log(`BENCH_JSON ${JSON.stringify(f)}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'observer-split') {
    // Where the browser's CPU goes during a run, by mode, process type and thread name.
    const runs = await observerSplit(
      join(__dirname, '..'),
      Number(process.env.BENCH_OBSERVER_REPEATS ?? 2),
    );
    const keys = [...new Set(runs.flatMap((r) => Object.keys(r.threads)))].sort();
    const modes = ['idle', 'deferred', 'live', 'live-slow'] as const;
    const med = (xs: number[]): number => median(xs);
    console.log(
      `${'cores, median per mode'.padEnd(44)} ${modes.map((m) => m.padStart(10)).join('')}`,
    );
    const row = (name: string, f: (r: (typeof runs)[number]) => number): void => {
      const cells = modes.map((m) => {
        const xs = runs.filter((r) => r.mode === m).map(f);
        return med(xs).toFixed(3).padStart(10);
      });
      console.log(`${name.padEnd(44)} ${cells.join('')}`);
    };
    row('browser, all processes', (r) => r.browserCores);
    row('engine host', (r) => r.engineCores);
    row('wall ms', (r) => r.wallMs);
    row('preempted %', (r) => 100 * r.preemptedShare);
    row('latency median ms', (r) => (r.latencyMs === undefined ? NaN : median([...r.latencyMs])));
    for (const k of keys) {
      const m = modes.map((mode) =>
        med(runs.filter((r) => r.mode === mode).map((r) => r.threads[k] ?? 0)),
      );
      if (m.every((v) => v < 0.002)) continue;
      console.log(`${k.padEnd(44)} ${m.map((v) => v.toFixed(3).padStart(10)).join('')}`);
    }
    for (const r of runs)
      console.log(
        `split run ${r.mode.padEnd(9)} ${r.seconds.toFixed(2)} s, browser ${r.browserCores.toFixed(3)}, engine ${r.engineCores.toFixed(3)}, wall ${r.wallMs.toFixed(0)} ms, preempted ${(100 * r.preemptedShare).toFixed(1)} %`,
      );
    for (const r of runs)
      if (r.profile.length > 0)
        console.log(
          `profile ${r.mode.padEnd(9)} all: ${r.profile.map((x) => x[0].toFixed(2)).join(' ')}\n${' '.repeat(18)}main: ${r.profile.map((x) => x[1].toFixed(2)).join(' ')}`,
        );
    console.log(`split: load average at the end ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'observer') {
    // The observer figure alone, for iterating on the renderer's cost.
    const o = await observerBench(
      join(__dirname, '..'),
      entries,
      Number(process.env.BENCH_OBSERVER_REPEATS ?? 3),
    );
    for (const [k, v, t] of observerRows(o))
      console.log(`${k.padEnd(60)}  ${v.padStart(14)}  ${t}`);
    console.log(
      `BENCH_JSON ${JSON.stringify({ ...o, runs: o.runs.map((r) => ({ ...r, latencyMs: r.latencyMs?.length })) })}`,
    );
    return;
  }
  const seq = await overhead('sequential', repeats);
  const procs = await overhead('processes', repeats);
  const thrThread = await throughput('thread', entries, 2, 2_000_000);
  const thrProcess = await throughput('process', entries, 2, 2_000_000);
  const threadSpawn: number[] = [];
  const processSpawn: number[] = [];
  for (let i = 0; i < 7; i++) {
    threadSpawn.push(await spawnMs('thread', entries));
    processSpawn.push(await spawnMs('process', entries));
  }
  const renderer = process.env.BENCH_SKIP_RENDER
    ? undefined
    : await renderBench(join(__dirname, '..'));
  const observer = process.env.BENCH_SKIP_OBSERVER
    ? undefined
    : await observerBench(
        join(__dirname, '..'),
        entries,
        Number(process.env.BENCH_OBSERVER_REPEATS ?? 3),
      );
  const models = process.env.BENCH_SKIP_MODELS
    ? undefined
    : await modelBench(entries, join(__dirname, 'cli.cjs'));
  const result = {
    ...(models === undefined ? {} : { models }),
    tracingOverheadSequential: +seq.ratio.toFixed(4),
    tracingOverheadProcesses: +procs.ratio.toFixed(4),
    eventsPerSecondThreads: Math.round(thrThread),
    eventsPerSecondProcesses: Math.round(thrProcess),
    clockOffsetUsMedian: +median(procs.offsets).toFixed(1),
    clockOffsetUsMax: +Math.max(...procs.offsets).toFixed(1),
    threadStartMs: +median(threadSpawn).toFixed(1),
    processStartMs: +median(processSpawn).toFixed(1),
    ...(renderer ?? {}),
    ...(observer === undefined
      ? {}
      : {
          observerWallRatio: +observer.wallRatio.toFixed(4),
          observerPreemptedDiffPoints: +observer.preemptedDiffPoints.toFixed(2),
          observerBrowserCores: +observer.browserCoresPerSecond.toFixed(4),
          observerRendererCores: +observer.rendererCoresPerSecond.toFixed(4),
          observerBrowserCoresWhole: +observer.browserCoresWhole.toFixed(4),
          observerRendererCoresWhole: +observer.rendererCoresWhole.toFixed(4),
          observerRendererMsPerFrame: +observer.rendererMsPerFrame.toFixed(2),
          observerEngineCores: +observer.engineCoresPerSecondUi.toFixed(4),
          observerLatencyMedianMs: +observer.latencyMedianMs.toFixed(1),
          observerLatencyP95Ms: +observer.latencyP95Ms.toFixed(1),
          observerFloorRendererCores: {
            nothing: +observer.floor.nothing.cores.toFixed(4),
            canvas: +observer.floor.canvas.cores.toFixed(4),
            text: +observer.floor.text.cores.toFixed(4),
          },
          loadAverage: observer.loadAverage,
        }),
  };
  const rows: [string, string, string][] = [
    [
      'tracing overhead, cpu-bound sequential (traced / untraced wall)',
      seq.ratio.toFixed(3),
      '<= 1.03',
    ],
    ['tracing overhead, cpu-bound 2 processes', procs.ratio.toFixed(3), '<= 1.03'],
    ['events/s, 2 worker threads -> engine', thrThread.toExponential(2), '>= 1e6'],
    ['events/s, 2 child processes -> engine', thrProcess.toExponential(2), '>= 1e6'],
    [
      'clock offset child vs engine, µs (median / max)',
      `${result.clockOffsetUsMedian} / ${result.clockOffsetUsMax}`,
      '< 50',
    ],
    ['start a worker thread to first message, ms (median)', result.threadStartMs.toFixed(1), ''],
    ['start a child process to first message, ms (median)', result.processStartMs.toFixed(1), ''],
  ];
  if (renderer) {
    rows.push([
      'draw 100 000 visible slices in Chromium, ms (median)',
      renderer.draw100kMs.toFixed(2),
      '<= 16',
    ]);
    rows.push([
      'pan a 1 000 000-slice run, frame ms (median / p95)',
      `${renderer.pan1mFrameMs.toFixed(2)} / ${renderer.pan1mFrameP95Ms.toFixed(2)}`,
      '<= 16',
    ]);
  }
  if (observer) rows.push(...observerRows(observer));
  if (models) rows.push(...modelRows(models));
  if (!process.env.BENCH_SKIP_PYTHON) Object.assign(result, await pythonBench(rows, repeats));
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v, t] of rows) console.log(`${k.padEnd(w)}  ${v.padStart(14)}  ${t}`);
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
