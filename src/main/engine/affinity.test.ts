// The cores limit: /proc list parsing, pinning a real process (checked in /proc), and runs
// limited to one core whose every running slice is on that core while two workers compete.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RunStore } from '../../shared/run-store';
import {
  affinitySupport,
  coresLimitError,
  limitedCores,
  parseAllowedList,
  parseCpuList,
  pinActor,
  threadAllowed,
} from './affinity';
import { machineInfo } from './machine';
import { runToEnd, slicesOf } from './test-support';

const support = affinitySupport();
const multiCore = support.supported && support.allowed.length >= 2;

function runningCores(store: RunStore): Map<number, number> {
  const cores = new Map<number, number>();
  for (const { core } of slicesOf(store, { state: 'running' }))
    cores.set(core, (cores.get(core) ?? 0) + 1);
  return cores;
}

describe('cpu lists', () => {
  it('parses kernel cpu lists and rejects junk', () => {
    expect(parseCpuList('0-3,6,8-9')).toEqual([0, 1, 2, 3, 6, 8, 9]);
    expect(parseCpuList('1')).toEqual([1]);
    expect(parseCpuList('3-1')).toEqual([]);
    expect(parseCpuList('a')).toEqual([]);
    expect(parseAllowedList('Name:\tx\nCpus_allowed_list:\t0-1\nMems: 0\n')).toEqual([0, 1]);
    expect(parseAllowedList('Name: x\n')).toEqual([]);
  });

  it('says whether the limit is available, in MachineInfo too', () => {
    const m = machineInfo();
    expect(m.coresLimitable).toBe(support.supported);
    expect(m.coresLimitNote).toBe(support.note);
    expect(support.note.length).toBeGreaterThan(10);
    expect(coresLimitError(undefined)).toBeUndefined();
    if (support.supported) {
      expect(coresLimitError(1)).toBeUndefined();
      expect(coresLimitError(support.allowed.length + 1)).toMatch(/cores must be from 1 to/);
    } else {
      expect(coresLimitError(1)).toMatch(/unavailable/);
    }
  });
});

describe.runIf(multiCore)('pinning (Linux, taskset)', () => {
  it('pins a child process with all its threads, as /proc confirms', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], {
      stdio: 'ignore',
    });
    const pid = child.pid ?? -1;
    try {
      const one = limitedCores(1);
      await pinActor({ kind: 'process', pid, tid: pid }, one);
      expect(threadAllowed(pid, pid)).toEqual(one);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.each(['threads', 'processes'] as const)(
    'a %s run limited to 1 core runs only on that core',
    async (model) => {
      const { store, summary } = await runToEnd({
        scenario: 'cpu-bound',
        model,
        workers: 2,
        tasks: 4,
        size: 40,
        cores: 1,
      });
      expect(summary.status).toBe('completed');
      const cores = runningCores(store);
      expect([...cores.keys()]).toEqual(limitedCores(1));
      // Two workers on one core: they queue, so wall ≈ CPU time (no parallelism).
      expect(summary.cpuMs / summary.wallMs).toBeLessThan(1.2);
    },
  );
});
