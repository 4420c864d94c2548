// Holds the cores CoreScope drew for a Python run against the kernel's own scheduler trace of the
// same run. Root only (perf needs it); a check for us, never part of the product.
//
//   node scripts/check-against-perf.mjs SCRIPT.py [--scale X] [--keep DIR]
//
// 1. `perf record -k CLOCK_MONOTONIC -a -e sched:sched_switch` around `node out/node/cli.cjs
//    --script SCRIPT.py` (build first: npm run build:node).
// 2. `perf script -F cpu,time,trace --ns` gives every context switch: on which CPU, when (the
//    same CLOCK_MONOTONIC as the trace's otherData.python.originNs), prev_pid (a tid) and
//    next_pid. Switch-in/out pairs become on-CPU intervals per tid and CPU.
// 3. For every running slice CoreScope drew on an actor lane (pid/tid are the real OS ids),
//    count the part of it during which the kernel had that tid on the same CPU.
// Prints: agreement = that time / all drawn running time (the product's bar is ≥ 95 %), and,
// to tell the two kinds of error apart, the share drawn while the kernel had the thread on SOME
// CPU (timing) and the share of that on the right CPU (core).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const script = args[0];
if (script === undefined) {
  console.error('usage: node scripts/check-against-perf.mjs SCRIPT.py [--scale X] [--keep DIR]');
  process.exit(2);
}
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = flag('--scale');
const keep = flag('--keep');
const dir = keep ?? mkdtempSync(join(tmpdir(), `corescope-perf-${process.pid}-`));
const data = join(dir, 'sched.data');
const trace = join(dir, 'trace.json');
const cli = resolve('out/node/cli.cjs');

execFileSync(
  'perf',
  [
    'record',
    '-q',
    '-k',
    'CLOCK_MONOTONIC',
    '-a',
    '-e',
    'sched:sched_switch',
    '-o',
    data,
    '--',
    process.execPath,
    cli,
    '--script',
    resolve(script),
    ...(scale ? ['--scale', scale] : []),
    '--out',
    trace,
  ],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
const text = execFileSync('perf', ['script', '-i', data, '-F', 'cpu,time,trace', '--ns'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
  stdio: ['ignore', 'pipe', 'ignore'],
});

// On-CPU intervals per tid: [cpu, startNs, endNs].
const onCpu = new Map();
const current = new Map(); // cpu -> { tid, since }
const LINE = /^\s*\[(\d+)\]\s+(\d+)\.(\d+):.*prev_pid=(\d+).*==>.*next_pid=(\d+)/;
for (const line of text.split('\n')) {
  const m = LINE.exec(line);
  if (m === null) continue;
  const cpu = Number(m[1]);
  const t = BigInt(m[2]) * 1_000_000_000n + BigInt(m[3].padEnd(9, '0'));
  const prev = Number(m[4]);
  const next = Number(m[5]);
  const cur = current.get(cpu);
  if (cur !== undefined && cur.tid === prev && prev !== 0) {
    const list = onCpu.get(prev) ?? [];
    list.push([cpu, cur.since, t]);
    onCpu.set(prev, list);
  }
  current.set(cpu, { tid: next, since: t });
}

const doc = JSON.parse(readFileSync(trace, 'utf8'));
const other = doc.otherData;
if (other.python?.originNs === undefined) {
  console.error('the trace has no otherData.python.originNs: not a Python run of this CoreScope');
  process.exit(1);
}
const origin = BigInt(other.python.originNs);
let drawn = 0;
let sameCpu = 0;
let anyCpu = 0;
let unknownCore = 0;
for (const e of doc.traceEvents) {
  if (e.ph !== 'X' || e.cat !== 'running' || e.args.lane === 'cpu') continue;
  const start = origin + BigInt(Math.round(e.ts * 1000));
  const end = start + BigInt(Math.round(e.dur * 1000));
  const dur = Number(end - start);
  drawn += dur;
  if (e.args.cpu === undefined) {
    unknownCore += dur;
    continue;
  }
  for (const [cpu, s, t] of onCpu.get(e.tid) ?? []) {
    const lo = s > start ? s : start;
    const hi = t < end ? t : end;
    if (hi <= lo) continue;
    const ov = Number(hi - lo);
    anyCpu += ov;
    if (cpu === e.args.cpu) sameCpu += ov;
  }
}
// The same question at the sampler's resolution: per window of W ms, per thread and CPU, the
// smaller of (drawn running, kernel on-CPU), summed, over all drawn running time. Exact overlap
// also asks WHERE inside a 5 ms sample the thread ran, which a sampler cannot know when a busy
// machine interleaves it with other programs at sub-millisecond grain.
function windowed(wNs) {
  const w = BigInt(wNs);
  const add = (map, key, ns) => map.set(key, (map.get(key) ?? 0) + ns);
  const spread = (map, tid, cpu, s, t) => {
    for (let b = s / w; b * w < t; b++) {
      const lo = b * w > s ? b * w : s;
      const hi = (b + 1n) * w < t ? (b + 1n) * w : t;
      if (hi > lo) add(map, `${tid}/${cpu}/${b}`, Number(hi - lo));
    }
  };
  const drawnW = new Map();
  const kernelW = new Map();
  const tids = new Set();
  for (const e of doc.traceEvents) {
    if (e.ph !== 'X' || e.cat !== 'running' || e.args.lane === 'cpu' || e.args.cpu === undefined)
      continue;
    const start = origin + BigInt(Math.round(e.ts * 1000));
    spread(drawnW, e.tid, e.args.cpu, start, start + BigInt(Math.round(e.dur * 1000)));
    tids.add(e.tid);
  }
  for (const tid of tids)
    for (const [cpu, s, t] of onCpu.get(tid) ?? []) spread(kernelW, tid, cpu, s, t);
  let agree = 0;
  for (const [k, v] of drawnW) agree += Math.min(v, kernelW.get(k) ?? 0);
  return +(agree / Math.max(1, drawn)).toFixed(4);
}

const pct = (x) => `${((100 * x) / Math.max(1, drawn)).toFixed(1)} %`;
const result = {
  script,
  wallMs: +other.wallMs.toFixed(1),
  drawnRunningMs: +(drawn / 1e6).toFixed(1),
  agreement: +(sameCpu / Math.max(1, drawn)).toFixed(4),
  onSomeCpu: +(anyCpu / Math.max(1, drawn)).toFixed(4),
  rightCpuWhenOn: +(sameCpu / Math.max(1, anyCpu)).toFixed(4),
  noCoreDrawn: +(unknownCore / Math.max(1, drawn)).toFixed(4),
  agreementPer5ms: windowed(5_000_000),
  agreementPer20ms: windowed(20_000_000),
  agreementPer100ms: windowed(100_000_000),
};
console.log(
  `${script}: ${pct(sameCpu)} of ${result.drawnRunningMs} ms drawn running was on the same CPU in the kernel's trace ` +
    `(on some CPU: ${pct(anyCpu)}; right CPU when on: ${(100 * result.rightCpuWhenOn).toFixed(1)} %; ` +
    `per 5/20/100 ms window: ${[result.agreementPer5ms, result.agreementPer20ms, result.agreementPer100ms].map((x) => (100 * x).toFixed(1)).join('/')} %)`,
);
console.log(JSON.stringify(result));
if (keep === undefined) rmSync(dir, { recursive: true, force: true });
