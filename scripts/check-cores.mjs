#!/usr/bin/env node
// Holds what a CoreScope trace drew against the kernel's own scheduler trace of the same run (root).
//   node scripts/check-cores.mjs [--json] -- <arguments of out/node/cli.cjs, without --out>
//   node scripts/check-cores.mjs --trace run.json --perf sched.txt   (perf script -F cpu,time,trace --ns)
import { readFileSync } from 'node:fs';
import { compare, record } from './perf-sched.mjs';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

const sep = argv.indexOf('--');
const input =
  sep >= 0
    ? record(argv.slice(sep + 1))
    : {
        trace: JSON.parse(readFileSync(opt('--trace') ?? '', 'utf8')),
        perf: readFileSync(opt('--perf') ?? '', 'utf8'),
      };
const result = compare(input.trace, input.perf);
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const f = (x) => x.toFixed(1);
  const p = (x) => `${(x * 100).toFixed(1)} %`;
  for (const r of result.threads)
    process.stdout.write(
      `tid ${r.tid}: drawn running ${f(r.drawnRunningMs)} ms, kernel on-CPU ${f(r.kernelOnCpuMs)} ms; ` +
        `same core ${p(r.sameCoreShare)}, other core ${p(r.otherCoreShare)}, off CPU ${p(r.offCpuShare)}; ` +
        `preempted drawn ${f(r.drawnPreemptedMs)} ms vs kernel runnable ${f(r.kernelRunnableMs)} ms\n`,
    );
  process.stdout.write(
    `all: wall ${f(result.wallMs)} ms, drawn running ${f(result.drawnRunningMs)} ms, kernel on-CPU ${f(result.kernelOnCpuMs)} ms, ` +
      `same core ${p(result.sameCoreShare)}, off CPU ${p(result.offCpuShare)}, preempted ${f(result.drawnPreemptedMs)} vs ${f(result.kernelRunnableMs)} ms\n`,
  );
}
