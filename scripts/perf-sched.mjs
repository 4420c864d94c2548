// The kernel's scheduler trace of a run, held against what CoreScope drew for it. Needs root for
// perf's sched tracepoints; a checking tool for developers and tests, never part of the product.
// One analysis for every kind of run: the models (`clock.zeroMonotonicUs`) and real CPython
// scripts (`python.originNs`) both put the trace's zero on CLOCK_MONOTONIC, perf's clock here.
//   record(cliArgs)        runs the trace CLI under `perf record` and returns both recordings
//   kernelIntervals(text)  per tid: on-CPU and runnable-waiting intervals from `perf script`
//   compare(trace, text)   how much drawn running time the kernel had on the same core, on
//                          another or on none; drawn vs kernel runnable time; per-window shares
//
// Coordinate spaces: perf prints seconds on CLOCK_MONOTONIC; everything here is µs on the same
// clock (trace ts + its zero).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// sched_stat_runtime lets a lost switch-in be rebuilt (see kernelIntervals).
const EVENTS = ['sched:sched_switch', 'sched:sched_wakeup', 'sched:sched_stat_runtime'];

/** `keep`: a folder to leave sched.data, sched.txt and run.json in (else a temp folder, removed). */
export function record(cliArgs, keep) {
  if (process.getuid?.() !== 0) throw new Error('perf needs root: run this as root');
  const dir = keep ?? mkdtempSync(join(tmpdir(), `corescope-perfcheck-${process.pid}-`));
  if (keep !== undefined) mkdirSync(keep, { recursive: true });
  const data = join(dir, 'sched.data');
  const trace = join(dir, 'run.json');
  const r = spawnSync(
    'perf',
    [
      'record',
      '-q',
      '-k',
      'CLOCK_MONOTONIC',
      '-a',
      ...EVENTS.flatMap((e) => ['-e', e]),
      '-o',
      data,
      '--',
      process.execPath,
      fileURLToPath(new URL('../out/node/cli.cjs', import.meta.url)),
      ...cliArgs,
      '--out',
      trace,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`perf record failed (exit ${r.status})`);
  const text = execFileSync('perf', ['script', '-i', data, '-F', 'cpu,time,trace', '--ns'], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const out = { trace: JSON.parse(readFileSync(trace, 'utf8')), perf: text };
  if (keep === undefined) rmSync(dir, { recursive: true, force: true });
  else writeFileSync(join(dir, 'sched.txt'), text);
  return out;
}

const SWITCH = /\[(\d+)\]\s+([\d.]+):.*?prev_pid=(\d+).*?prev_state=(\S+).*?next_pid=(\d+)/;
const WAKEUP = /\[(\d+)\]\s+([\d.]+):.*?\bpid=(\d+).*?target_cpu=/;
const RUNTIME = /\[(\d+)\]\s+([\d.]+):.*?\bpid=(\d+) runtime=(\d+)/;

/**
 * Per tid: on-CPU intervals [start, end, cpu] and runnable-waiting intervals [start, end], in µs.
 *
 * A switch-out whose switch-in is missing is rebuilt. On the Firecracker VMs this was written on,
 * the kernel never reports CPU 1 leaving its idle task (0 of ~400 such switches per second of an
 * idle-ish run, while CPU 0 reports all of them), so a thread woken onto an idle CPU 1 would seem
 * to have been off every CPU until its next switch-out. Its start is then its switch-out minus
 * the CPU time sched_stat_runtime credited to it since its last switch event (those updates run
 * in the thread's own context and are not lost), bounded by that CPU's previous switch.
 * `rebuilt` counts those intervals; `unbounded` counts the ones without runtime updates (their
 * start is the CPU's previous switch, so they may overstate on-CPU time).
 */
export function kernelIntervals(text) {
  const on = new Map();
  const ready = new Map();
  const openOn = new Map(); // tid -> [start, cpu]
  const openReady = new Map(); // tid -> start
  const lastOnCpu = new Map(); // cpu -> time of its last recorded switch
  const ran = new Map(); // tid -> µs of sched_stat_runtime since its last switch event
  const stats = { rebuilt: 0, rebuiltUs: 0, unbounded: 0 };
  const push = (m, tid, v) => (m.get(tid) ?? m.set(tid, []).get(tid)).push(v);
  const closeReady = (tid, t) => {
    const r = openReady.get(tid);
    if (r === undefined) return;
    if (t > r) push(ready, tid, [r, t]);
    openReady.delete(tid);
  };
  for (const line of text.split('\n')) {
    if (!line.includes('prev_pid=')) {
      const rt = RUNTIME.exec(line);
      if (rt) {
        const tid = Number(rt[3]);
        ran.set(tid, (ran.get(tid) ?? 0) + Number(rt[4]) / 1000);
        continue;
      }
      const w = WAKEUP.exec(line);
      if (w) {
        const tid = Number(w[3]);
        if (!openOn.has(tid) && !openReady.has(tid)) openReady.set(tid, Number(w[2]) * 1e6);
      }
      continue;
    }
    const m = SWITCH.exec(line);
    if (!m) continue;
    const cpu = Number(m[1]);
    const t = Number(m[2]) * 1e6;
    const prev = Number(m[3]);
    const state = m[4];
    const next = Number(m[5]);
    const o = openOn.get(prev);
    if (o && o[1] === cpu) push(on, prev, [o[0], t, cpu]);
    else if (prev !== 0) {
      // Before the trace's first switch on this CPU, only the credited runtime says when.
      const floor = lastOnCpu.get(cpu) ?? -Infinity;
      const credited = ran.get(prev) ?? 0;
      const start = credited > 0 ? Math.max(floor, t - credited) : floor;
      if (Number.isFinite(start) && start < t) {
        if (credited === 0) stats.unbounded++;
        stats.rebuilt++;
        stats.rebuiltUs += t - start;
        closeReady(prev, start);
        push(on, prev, [start, t, cpu]);
      }
    }
    openOn.delete(prev);
    ran.set(prev, 0);
    if (state.startsWith('R') && prev !== 0) openReady.set(prev, t);
    openOn.set(next, [t, cpu]);
    ran.set(next, 0);
    closeReady(next, t);
    lastOnCpu.set(cpu, t);
  }
  return { on, ready, stats };
}

function overlap(a0, a1, b0, b1) {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** The trace's zero on CLOCK_MONOTONIC, µs: models record it in µs, Python runs in ns. */
function zeroUs(trace) {
  const other = trace.otherData ?? {};
  if (typeof other.clock?.zeroMonotonicUs === 'number') return other.clock.zeroMonotonicUs;
  if (typeof other.python?.originNs === 'string')
    return Number(BigInt(other.python.originNs)) / 1000;
  throw new Error('the trace has no clock.zeroMonotonicUs or python.originNs');
}

/** Drawn running, preempted and spawning slices per real OS thread (actor lanes only), in µs. */
function drawnSlices(trace, zero) {
  // Real threads are named with their OS tid; per-CPU summary tracks and task lanes are not.
  const real = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && typeof e.args?.osTid === 'number')
      .map((e) => e.args.osTid),
  );
  const byTid = new Map();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !real.has(e.tid) || e.args?.lane === 'cpu') continue;
    if (e.cat !== 'running' && e.cat !== 'preempted' && e.cat !== 'spawning') continue;
    const list = byTid.get(e.tid) ?? byTid.set(e.tid, []).get(e.tid);
    list.push({ cat: e.cat, s: zero + e.ts, e: zero + e.ts + e.dur, cpu: e.args?.cpu ?? -1 });
  }
  return byTid;
}

/**
 * The same question at a sampler's resolution: per window of `w` µs, per thread and CPU, the
 * smaller of (drawn running, kernel on-CPU), summed, over all drawn running time. Exact overlap
 * also asks where inside a window a thread ran, which a 5 ms sampler cannot know when a busy
 * machine interleaves it with other programs at sub-millisecond grain.
 */
function windowed(byTid, on, w) {
  const spread = (map, key, s, t) => {
    for (let b = Math.floor(s / w); b * w < t; b++) {
      const ov = overlap(s, t, b * w, (b + 1) * w);
      if (ov > 0) map.set(`${key}/${b}`, (map.get(`${key}/${b}`) ?? 0) + ov);
    }
  };
  const drawnW = new Map();
  const kernelW = new Map();
  let drawn = 0;
  for (const [tid, slices] of byTid) {
    for (const sl of slices) {
      if (sl.cat !== 'running') continue;
      drawn += sl.e - sl.s;
      if (sl.cpu >= 0) spread(drawnW, `${tid}/${sl.cpu}`, sl.s, sl.e);
    }
    for (const [a, b, cpu] of on.get(tid) ?? []) spread(kernelW, `${tid}/${cpu}`, a, b);
  }
  let agree = 0;
  for (const [k, v] of drawnW) agree += Math.min(v, kernelW.get(k) ?? 0);
  return drawn > 0 ? agree / drawn : 0;
}

export function compare(trace, perfText) {
  const zero = zeroUs(trace);
  const wall = trace.otherData.wallMs * 1000;
  const { on, ready, stats } = kernelIntervals(perfText);
  const byTid = drawnSlices(trace, zero);
  const inRun = (list) =>
    (list ?? []).reduce((t, [a, b]) => t + overlap(a, b, zero, zero + wall), 0);
  const rows = [];
  for (const [tid, slices] of byTid) {
    const k = on.get(tid) ?? [];
    let drawn = 0;
    let same = 0;
    let other = 0;
    let noCore = 0;
    let drawnPre = 0;
    // A thread's start-up is drawn as one `spawning` slice by design: the kernel's run-queue
    // time inside it is not missing from the drawing.
    const spawning = slices.filter((sl) => sl.cat === 'spawning');
    const readyInSpawn = (ready.get(tid) ?? []).reduce(
      (t, [a, b]) => t + spawning.reduce((u, sl) => u + overlap(a, b, sl.s, sl.e), 0),
      0,
    );
    for (const sl of slices) {
      if (sl.cat === 'spawning') continue;
      if (sl.cat === 'preempted') {
        drawnPre += sl.e - sl.s;
        continue;
      }
      drawn += sl.e - sl.s;
      if (sl.cpu < 0) noCore += sl.e - sl.s;
      for (const [a, b, cpu] of k) {
        const ov = overlap(sl.s, sl.e, a, b);
        if (ov === 0) continue;
        if (cpu === sl.cpu) same += ov;
        else other += ov;
      }
    }
    // Recall: of the kernel's on-CPU time in the run, the share drawn running on that core.
    const kernelOn = inRun(k);
    rows.push({
      tid,
      drawnRunningMs: drawn / 1000,
      kernelOnCpuMs: kernelOn / 1000,
      sameCoreShare: drawn > 0 ? same / drawn : 0,
      otherCoreShare: drawn > 0 ? other / drawn : 0,
      offCpuShare: drawn > 0 ? 1 - (same + other) / drawn : 0,
      noCoreShare: drawn > 0 ? noCore / drawn : 0,
      kernelDrawnShare: kernelOn > 0 ? same / kernelOn : 0,
      drawnPreemptedMs: drawnPre / 1000,
      kernelRunnableMs: (inRun(ready.get(tid)) - readyInSpawn) / 1000,
      kernelRunnableInSpawningMs: readyInSpawn / 1000,
    });
  }
  const sum = (f) => rows.reduce((t, r) => t + f(r), 0);
  const drawnAll = sum((r) => r.drawnRunningMs);
  const kernelAll = sum((r) => r.kernelOnCpuMs);
  const weighted = (f) => (drawnAll > 0 ? sum((r) => f(r) * r.drawnRunningMs) / drawnAll : 0);
  const sameMs = sum((r) => r.sameCoreShare * r.drawnRunningMs);
  const onSomeMs = sum((r) => (r.sameCoreShare + r.otherCoreShare) * r.drawnRunningMs);
  return {
    wallMs: wall / 1000,
    threads: rows,
    drawnRunningMs: drawnAll,
    kernelOnCpuMs: kernelAll,
    sameCoreShare: weighted((r) => r.sameCoreShare),
    offCpuShare: weighted((r) => r.offCpuShare),
    noCoreShare: weighted((r) => r.noCoreShare),
    rightCoreWhenOnShare: onSomeMs > 0 ? sameMs / onSomeMs : 0,
    kernelDrawnShare: kernelAll > 0 ? sameMs / kernelAll : 0,
    windowShares: Object.fromEntries(
      [5, 20, 100].map((ms) => [`${ms}ms`, windowed(byTid, on, ms * 1000)]),
    ),
    drawnPreemptedMs: sum((r) => r.drawnPreemptedMs),
    kernelRunnableMs: sum((r) => r.kernelRunnableMs),
    kernelRunnableInSpawningMs: sum((r) => r.kernelRunnableInSpawningMs),
    kernelTrace: {
      rebuiltSwitchIns: stats.rebuilt,
      rebuiltMs: stats.rebuiltUs / 1000,
      unboundedSwitchIns: stats.unbounded,
    },
  };
}
