// Process hygiene of the browser host with the real engine: Cancel over the protocol stops a
// process pool within a second, and stopping the host mid-run leaves no orphaned worker.
import { existsSync } from 'node:fs';
import { test, expect } from './fixtures';
import { descendants } from './support/proc';
import { mustConnect, type Conn } from './support/ws-client';

const LONG_RUN = { scenario: 'cpu-bound', model: 'processes', workers: 2, tasks: 200, size: 2000 };

function isEnd(m: Record<string, unknown>): boolean {
  const msg = m['message'];
  return (
    m['kind'] === 'run' &&
    typeof msg === 'object' &&
    msg !== null &&
    'kind' in msg &&
    msg.kind === 'end'
  );
}

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

test('cancelRun over the protocol stops the pool within a second', async ({ host }, testInfo) => {
  const c = await mustConnect(host.wsUrl, host.origin);
  const runId = await startLongRun(c, host.pid);
  const t0 = Date.now();
  c.send(JSON.stringify({ id: 2, op: 'cancelRun', args: [runId] }));
  await expect.poll(() => descendants(host.pid), { timeout: 2_000, intervals: [20] }).toEqual([]);
  const goneMs = Date.now() - t0;
  const end = await c.next(isEnd, 2_000);
  const endMs = Date.now() - t0;
  testInfo.annotations.push({
    type: 'cancel',
    description: `children gone ${goneMs} ms, end message ${endMs} ms`,
  });
  expect(end).toMatchObject({ message: { runId, summary: { status: 'cancelled' } } });
  expect(goneMs).toBeLessThan(1_000);
  expect(endMs).toBeLessThan(1_000);
  c.close();
});

test('stopping the host mid-run leaves no worker process behind', async ({ host }) => {
  const c = await mustConnect(host.wsUrl, host.origin);
  await startLongRun(c, host.pid);
  const pids = descendants(host.pid).map((p) => p.pid);
  const code = await host.stop();
  expect(code).toBe(0);
  await expect
    .poll(() => pids.filter((pid) => existsSync(`/proc/${pid}`)), {
      timeout: 2_000,
      intervals: [20],
    })
    .toEqual([]);
});
