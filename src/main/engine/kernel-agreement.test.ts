// What CoreScope draws, held against the kernel's own scheduler trace of the same run (perf's
// sched_switch, sched_wakeup and sched_stat_runtime tracepoints, root only). Agreement, not
// timing: the share of drawn running time the kernel had on the same core, and drawn preempted
// time against the kernel's runnable-but-waiting time. Skips with its reason where perf or root
// is missing.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, record } from '../../../scripts/perf-sched.mjs';
import { probePython } from './python/interpreter';

function perfMissing(): string | undefined {
  if (process.platform !== 'linux') return 'the kernel scheduler trace needs Linux';
  if (process.getuid?.() !== 0) return 'perf sched tracepoints need root';
  const r = spawnSync('perf', ['list', 'sched:sched_switch'], { encoding: 'utf8' });
  if (r.error || r.status !== 0 || !r.stdout.includes('sched_switch'))
    return 'perf (linux-perf) with sched tracepoints is not installed';
  return undefined;
}

const missing = perfMissing();
if (missing !== undefined) process.stdout.write(`kernel agreement tests skip: ${missing}\n`);

type Model = 'gil-threads' | 'threads' | 'processes';

function agreesWithKernel(model: Model): void {
  const { trace, perf } = record([
    '--scenario',
    'cpu-bound',
    '--model',
    model,
    '--workers',
    '2',
    '--tasks',
    '4',
    '--size',
    '120',
  ]);
  const a = compare(trace, perf);
  expect(a.threads.length).toBe(2);
  // The kernel's core for at least 90 % of drawn running time (95 % is the product's bar, held
  // on a quiet machine; test machines are shared).
  expect(a.sameCoreShare).toBeGreaterThanOrEqual(0.9);
  // Drawn running is never much more than the kernel had on a CPU.
  expect(a.drawnRunningMs).toBeLessThanOrEqual(a.kernelOnCpuMs * 1.1 + 5);
  // Run-queue waits are shown as preempted, not hidden inside running or gil-wait.
  if (a.kernelRunnableMs > 50) {
    expect(a.drawnPreemptedMs / a.kernelRunnableMs).toBeGreaterThanOrEqual(0.6);
    expect(a.drawnPreemptedMs / a.kernelRunnableMs).toBeLessThanOrEqual(1.4);
  }
}

describe.skipIf(missing !== undefined)('cores drawn vs the kernel scheduler trace', () => {
  for (const model of ['gil-threads', 'threads', 'processes'] as const) {
    it(`${model}: running slices sit on the kernel's core; preempted matches its run-queue wait`, () =>
      agreesWithKernel(model));
  }
});

const noPython = missing ?? (probePython().ok ? undefined : 'no usable python3');
describe.skipIf(noPython !== undefined)(
  'Python threads: cores drawn vs the kernel scheduler trace',
  () => {
    it('cpu_threads.py: the core drawn is the kernel core for the running time', () => {
      const script = resolve(__dirname, '../../../examples/python/cpu_threads.py');
      const { trace, perf } = record(['--script', script]);
      const a = compare(trace, perf);
      // MainThread and the two workers.
      expect(a.threads.length).toBeGreaterThanOrEqual(2);
      // How much each thread ran comes from schedstat, so it matches the kernel's total.
      expect(a.drawnRunningMs).toBeLessThanOrEqual(a.kernelOnCpuMs * 1.1 + 5);
      expect(a.drawnRunningMs).toBeGreaterThanOrEqual(a.kernelOnCpuMs * 0.8);
      // Wherever the kernel had a thread on a CPU while it was drawn running, it is the CPU drawn.
      expect(a.rightCoreWhenOnShare).toBeGreaterThanOrEqual(0.95);
      // How closely each slice is placed in time (the 100 ms window share) is an accuracy figure
      // that falls with the machine's load (a late 5 ms sample widens the slice it closes): it is
      // reported by `node scripts/check-cores.mjs -- --script FILE`, not held here.
    });
  },
);
