// Process hygiene of the browser host with the real engine: Cancel over the protocol stops a
// process pool, and stopping the host mid-run (SIGTERM, or SIGKILL, which runs no handler) leaves
// no orphaned worker. How fast Cancel is belongs to `npm run bench`, not to a pass/fail here.
import { readFileSync } from 'node:fs';
import { parseStat, type StatLine } from '../src/shared/proc-parse';
import { test, expect } from './fixtures';
import { descendants } from './support/proc';
import { isRunEnd as isEnd, mustConnect, type Conn } from './support/ws-client';

const LONG_RUN = { scenario: 'cpu-bound', model: 'processes', workers: 2, tasks: 200, size: 2000 };

async function startLongRun(c: Conn, hostPid: number): Promise<string> {
  c.send(JSON.stringify({ id: 1, op: 'startRun', args: [LONG_RUN] }));
  const reply = await c.next((m) => m['kind'] === 'reply');
  expect(reply).toMatchObject({ ok: true, value: { runId: expect.any(String) } });
  const meta = reply['value'];
  const runId =
    typeof meta === 'object' && meta !== null && 'runId' in meta ? meta.runId : undefined;
  if (typeof runId !== 'string') throw new Error('no runId in the startRun reply');
  await expect
    .poll(() => descendants(hostPid).length, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(2);
  return runId;
}

/** A process's stat line, or undefined once it is gone. */
function stat(pid: number): StatLine | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return undefined;
  }
}

/** CPU time a process has used (utime + stime, fields 14 and 15), in clock ticks (10 ms). */
const cpuTicks = (pid: number): number => {
  const f = stat(pid)?.rest;
  return f ? Number(f[14 - 3]) + Number(f[15 - 3]) : 0;
};

/** Those of `pids` still running (a zombie has exited; it only waits to be reaped). */
const living = (pids: readonly number[]): number[] =>
  pids.filter((pid) => {
    const state = stat(pid)?.state;
    return state !== undefined && state !== 'Z';
  });

test('cancelRun over the protocol stops the pool and ends the run as cancelled', async ({
  host,
}, testInfo) => {
  const c = await mustConnect(host.wsUrl, host.origin);
  const runId = await startLongRun(c, host.pid);
  const t0 = Date.now();
  c.send(JSON.stringify({ id: 2, op: 'cancelRun', args: [runId] }));
  // Without Cancel the run would go on for minutes: these bounds only stop a broken build.
  const end = await c.next(isEnd, 30_000);
  expect(end).toMatchObject({ message: { runId, summary: { status: 'cancelled' } } });
  await expect.poll(() => descendants(host.pid), { timeout: 30_000, intervals: [20] }).toEqual([]);
  testInfo.annotations.push({ type: 'cancel', description: `settled in ${Date.now() - t0} ms` });
  c.close();
});

test('SIGKILL of the host mid-run leaves no worker process alive 2 s later', async ({ host }) => {
  const c = await mustConnect(host.wsUrl, host.origin);
  await startLongRun(c, host.pid);
  // Mid-run: both workers have spent CPU time in their kernels, so neither event loop turns.
  const pids = descendants(host.pid).map((p) => p.pid);
  await expect.poll(() => pids.every((pid) => cpuTicks(pid) >= 5), { timeout: 30_000 }).toBe(true);
  process.kill(host.pid, 'SIGKILL');
  await expect.poll(() => living(pids), { timeout: 2_000, intervals: [20] }).toEqual([]);
});

test('stopping the host mid-run leaves no worker process behind', async ({ host }) => {
  const c = await mustConnect(host.wsUrl, host.origin);
  await startLongRun(c, host.pid);
  const pids = descendants(host.pid).map((p) => p.pid);
  const code = await host.stop();
  expect(code).toBe(0);
  await expect.poll(() => living(pids), { timeout: 2_000, intervals: [20] }).toEqual([]);
});
