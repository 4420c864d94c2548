#!/usr/bin/env node
// Holds what a CoreScope trace drew against the kernel's own scheduler trace of the same run
// (root, perf). One tool for model runs and Python scripts; the analysis is scripts/perf-sched.mjs.
//   node scripts/check-cores.mjs [--json] [--keep DIR] -- <flags of out/node/cli.cjs, without --out>
//       e.g. -- --scenario cpu-bound --model gil-threads --workers 2 --tasks 4
//            -- --script examples/python/cpu_threads.py
//   node scripts/check-cores.mjs [--json] --trace run.json --perf sched.txt
//       (sched.txt: perf script -F cpu,time,trace --ns of sched_switch, sched_wakeup and
//        sched_stat_runtime recorded with -k CLOCK_MONOTONIC -a)
import { readFileSync } from 'node:fs';
import { compare, record } from './perf-sched.mjs';

const USAGE =
  'usage: node scripts/check-cores.mjs [--json] [--keep DIR] -- <trace flags>\n' +
  '       node scripts/check-cores.mjs [--json] --trace run.json --perf sched.txt';
const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const own = sep >= 0 ? argv.slice(0, sep) : argv;
const opt = (name) => {
  const i = own.indexOf(name);
  return i >= 0 ? own[i + 1] : undefined;
};
const json = own.includes('--json');
const known = new Set(['--json', '--keep', '--trace', '--perf']);
const bad = own.find((a, i) => a.startsWith('--') && !known.has(a) && own[i - 1] !== '--keep');
if (
  bad !== undefined ||
  (sep < 0 && (opt('--trace') === undefined || opt('--perf') === undefined))
) {
  process.stderr.write(`${bad !== undefined ? `unknown flag ${bad}\n` : ''}${USAGE}\n`);
  process.exit(2);
}

let input;
try {
  input =
    sep >= 0
      ? record(argv.slice(sep + 1), opt('--keep'))
      : {
          trace: JSON.parse(readFileSync(opt('--trace') ?? '', 'utf8')),
          perf: readFileSync(opt('--perf') ?? '', 'utf8'),
        };
} catch (e) {
  process.stderr.write(`check-cores: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
const r = compare(input.trace, input.perf);
if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
else {
  const f = (x) => x.toFixed(1);
  const p = (x) => `${(x * 100).toFixed(1)} %`;
  for (const t of r.threads)
    process.stdout.write(
      `tid ${t.tid}: drawn running ${f(t.drawnRunningMs)} ms, kernel on-CPU ${f(t.kernelOnCpuMs)} ms; ` +
        `same core ${p(t.sameCoreShare)}, other core ${p(t.otherCoreShare)}, off CPU ${p(t.offCpuShare)}; ` +
        `preempted drawn ${f(t.drawnPreemptedMs)} ms vs kernel runnable ${f(t.kernelRunnableMs)} ms\n`,
    );
  const w = Object.entries(r.windowShares)
    .map(([k, v]) => `${k} ${p(v)}`)
    .join(', ');
  const k = r.kernelTrace;
  process.stdout.write(
    `all: wall ${f(r.wallMs)} ms, drawn running ${f(r.drawnRunningMs)} ms, kernel on-CPU ${f(r.kernelOnCpuMs)} ms\n` +
      `  drawn running on the kernel's core at that instant: ${p(r.sameCoreShare)} (off every CPU ${p(r.offCpuShare)}, no core drawn ${p(r.noCoreShare)})\n` +
      `  right core while the kernel had it on one: ${p(r.rightCoreWhenOnShare)}; kernel on-CPU time drawn on that core: ${p(r.kernelDrawnShare)}\n` +
      `  per window, same thread and core: ${w}\n` +
      `  preempted drawn ${f(r.drawnPreemptedMs)} ms vs kernel runnable ${f(r.kernelRunnableMs)} ms (${r.kernelRunnableMs > 0 ? (r.drawnPreemptedMs / r.kernelRunnableMs).toFixed(2) : '-'}; ` +
      `${f(r.kernelRunnableInSpawningMs)} ms more inside drawn spawning)\n` +
      `  kernel trace: ${k.rebuiltSwitchIns} lost switch-ins rebuilt (${f(k.rebuiltMs)} ms, ${k.unboundedSwitchIns} without runtime updates)\n`,
  );
}
