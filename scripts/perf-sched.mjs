// The kernel's scheduler trace of a run, held against what CoreScope drew for it. Needs root for
// perf's sched tracepoints; a checking tool for developers and tests, never part of the product.
// `record(cliArgs)` runs the trace CLI under `perf record` and returns both recordings;
// `compare(trace, perfText)` says, for the run's threads, how much drawn running time the kernel
// had on the same core, on another core or on none, and drawn vs kernel runnable time.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function record(cliArgs) {
  if (process.getuid?.() !== 0) throw new Error('perf needs root: run this as root');
  const dir = mkdtempSync(join(tmpdir(), 'corescope-perfcheck-'));
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
      '-e',
      'sched:sched_switch',
      '-e',
      'sched:sched_wakeup',
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
  });
  const out = { trace: JSON.parse(readFileSync(trace, 'utf8')), perf: text };
  rmSync(dir, { recursive: true, force: true });
  return out;
}

/** Per tid: on-CPU intervals [start, end, cpu] and runnable-waiting intervals, in µs. */
export function kernelIntervals(text) {
  const on = new Map();
  const ready = new Map();
  const openOn = new Map(); // tid -> [start, cpu]
  const openReady = new Map(); // tid -> start
  const push = (m, tid, v) => (m.get(tid) ?? m.set(tid, []).get(tid)).push(v);
  const re = /\[(\d+)\]\s+([\d.]+):.*?prev_pid=(\d+).*?prev_state=(\S+).*?next_pid=(\d+)/;
  // A woken thread is runnable from its wake-up until it is switched in.
  const wake = /\[(\d+)\]\s+([\d.]+):.*?\bpid=(\d+).*?target_cpu=/;
  for (const line of text.split('\n')) {
    const w = line.includes('prev_pid=') ? null : wake.exec(line);
    if (w) {
      const tid = Number(w[3]);
      if (!openOn.has(tid) && !openReady.has(tid)) openReady.set(tid, Number(w[2]) * 1e6);
      continue;
    }
    const m = re.exec(line);
    if (!m) continue;
    const cpu = Number(m[1]);
    const t = Number(m[2]) * 1e6;
    const prev = Number(m[3]);
    const state = m[4];
    const next = Number(m[5]);
    const o = openOn.get(prev);
    if (o) {
      push(on, prev, [o[0], t, o[1]]);
      openOn.delete(prev);
    }
    if (state.startsWith('R')) openReady.set(prev, t);
    openOn.set(next, [t, cpu]);
    const r = openReady.get(next);
    if (r !== undefined) {
      push(ready, next, [r, t]);
      openReady.delete(next);
    }
  }
  return { on, ready };
}

function overlap(a0, a1, b0, b1) {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function compare(trace, perfText) {
  const zero = trace.otherData?.clock?.zeroMonotonicUs;
  if (typeof zero !== 'number') throw new Error('the trace has no clock.zeroMonotonicUs');
  const wall = trace.otherData.wallMs * 1000;
  const { on, ready } = kernelIntervals(perfText);
  // Only the run's real threads: those named with their OS tid (not the per-CPU summary tracks).
  const real = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && typeof e.args?.osTid === 'number')
      .map((e) => e.args.osTid),
  );
  const byTid = new Map();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !real.has(e.tid)) continue;
    if (e.cat !== 'running' && e.cat !== 'preempted') continue;
    if (typeof e.args?.task === 'number' && e.args?.actor === undefined) continue;
    const list = byTid.get(e.tid) ?? byTid.set(e.tid, []).get(e.tid);
    list.push({ cat: e.cat, s: zero + e.ts, e: zero + e.ts + e.dur, cpu: e.args?.cpu ?? -1 });
  }
  const rows = [];
  for (const [tid, slices] of byTid) {
    const k = on.get(tid) ?? [];
    let drawn = 0;
    let same = 0;
    let other = 0;
    let drawnPre = 0;
    for (const sl of slices) {
      if (sl.cat === 'preempted') {
        drawnPre += sl.e - sl.s;
        continue;
      }
      drawn += sl.e - sl.s;
      for (const [a, b, cpu] of k) {
        const ov = overlap(sl.s, sl.e, a, b);
        if (ov === 0) continue;
        if (cpu === sl.cpu) same += ov;
        else other += ov;
      }
    }
    const kernelOn = k.reduce((t, [a, b]) => t + overlap(a, b, zero, zero + wall), 0);
    const kernelReady = (ready.get(tid) ?? []).reduce(
      (t, [a, b]) => t + overlap(a, b, zero, zero + wall),
      0,
    );
    rows.push({
      tid,
      drawnRunningMs: drawn / 1000,
      kernelOnCpuMs: kernelOn / 1000,
      sameCoreShare: drawn > 0 ? same / drawn : 0,
      otherCoreShare: drawn > 0 ? other / drawn : 0,
      offCpuShare: drawn > 0 ? 1 - (same + other) / drawn : 0,
      drawnPreemptedMs: drawnPre / 1000,
      kernelRunnableMs: kernelReady / 1000,
    });
  }
  const sum = (f) => rows.reduce((t, r) => t + f(r), 0);
  const drawnAll = sum((r) => r.drawnRunningMs);
  return {
    wallMs: wall / 1000,
    threads: rows,
    drawnRunningMs: drawnAll,
    kernelOnCpuMs: sum((r) => r.kernelOnCpuMs),
    sameCoreShare: drawnAll > 0 ? sum((r) => r.sameCoreShare * r.drawnRunningMs) / drawnAll : 0,
    offCpuShare: drawnAll > 0 ? sum((r) => r.offCpuShare * r.drawnRunningMs) / drawnAll : 0,
    drawnPreemptedMs: sum((r) => r.drawnPreemptedMs),
    kernelRunnableMs: sum((r) => r.kernelRunnableMs),
  };
}
