// The kernel-trace side of the perf check, on `perf script -F cpu,time,trace --ns` lines in the
// format this machine's perf prints: on-CPU and runnable intervals per thread, and a lost
// switch-in rebuilt from sched_stat_runtime.
import { describe, expect, it } from 'vitest';
import { kernelIntervals } from '../../../scripts/perf-sched.mjs';

const sw = (cpu: number, s: string, prev: number, state: string, next: number): string =>
  `[00${cpu}] ${s}: prev_comm=node prev_pid=${prev} prev_prio=120 prev_state=${state} ==> next_comm=node next_pid=${next} next_prio=120`;
const wake = (cpu: number, s: string, pid: number, target: number): string =>
  `[00${cpu}] ${s}: comm=node pid=${pid} prio=120 target_cpu=00${target}`;
const runtime = (cpu: number, s: string, pid: number, ns: number): string =>
  `[00${cpu}] ${s}: comm=node pid=${pid} runtime=${ns} [ns]`;

/** Whole µs: perf's decimal seconds do not all have exact binary forms. */
const us = (list: readonly (readonly number[])[] | undefined): number[][] =>
  (list ?? []).map((i) => i.map((x) => Math.round(x)));

describe('kernelIntervals', () => {
  it('pairs switch-ins and switch-outs; a preempted or woken thread is runnable until its switch-in', () => {
    const k = kernelIntervals(
      [
        sw(0, '10.000100000', 0, 'R', 7),
        sw(0, '10.000500000', 7, 'R', 8), // 7 preempted by 8
        sw(0, '10.000900000', 8, 'S', 7),
        wake(0, '10.001000000', 8, 1),
        sw(1, '10.001020000', 0, 'R', 8),
        sw(0, '10.001200000', 7, 'S', 0),
        sw(1, '10.001300000', 8, 'S', 0),
      ].join('\n'),
    );
    expect(us(k.on.get(7))).toEqual([
      [10_000_100, 10_000_500, 0],
      [10_000_900, 10_001_200, 0],
    ]);
    expect(us(k.on.get(8))).toEqual([
      [10_000_500, 10_000_900, 0],
      [10_001_020, 10_001_300, 1],
    ]);
    expect(us(k.ready.get(7))).toEqual([[10_000_500, 10_000_900]]);
    expect(us(k.ready.get(8))).toEqual([[10_001_000, 10_001_020]]);
    expect(k.stats.rebuilt).toBe(0);
  });

  it('rebuilds a switch-in the kernel did not report from the runtime it credited since', () => {
    // CPU 1 goes idle at 10.000 s; thread 9 is woken onto it and runs, but the switch from idle
    // is missing (as on CPU 1 of a Firecracker VM); sched_stat_runtime says it ran 0.3 + 0.2 ms.
    const k = kernelIntervals(
      [
        sw(1, '10.000000000', 9, 'S', 0),
        wake(0, '10.002000000', 9, 1),
        runtime(1, '10.002500000', 9, 300_000),
        runtime(1, '10.002700000', 9, 200_000),
        sw(1, '10.002700000', 9, 'S', 0),
      ].join('\n'),
    );
    expect(us(k.on.get(9))).toEqual([[10_002_200, 10_002_700, 1]]);
    // Runnable from its wake-up until the rebuilt switch-in.
    expect(us(k.ready.get(9))).toEqual([[10_002_000, 10_002_200]]);
    expect(k.stats).toMatchObject({ rebuilt: 1, unbounded: 0 });
  });

  it('without runtime updates, a rebuilt interval starts at the CPU previous switch (counted as unbounded)', () => {
    const k = kernelIntervals(
      [sw(1, '10.000000000', 5, 'S', 0), sw(1, '10.001000000', 9, 'S', 0)].join('\n'),
    );
    expect(us(k.on.get(9))).toEqual([[10_000_000, 10_001_000, 1]]);
    expect(k.stats).toMatchObject({ rebuilt: 1, unbounded: 1 });
  });
});
