// The page survives its host going away: a live run ends with a clear error (not 'running'
// forever), no worker outlives the host, and once a host is back on the same port the page
// reconnects by itself and runs again.
import { existsSync } from 'node:fs';
import { test, expect } from './fixtures';
import { startHostProcess } from './support/host-process';
import { descendants } from './support/proc';

test('a lost host ends the run with an error and the page recovers', async ({
  app,
  host,
}, testInfo) => {
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 2, Tasks: 200, Size: 2000 });
  await app.run();
  await app.expectState('running');
  await expect.poll(() => descendants(host.pid).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const pids = descendants(host.pid).map((p) => p.pid);

  await host.stop();
  await app.expectState('error', 5_000);
  await expect(app.alert.filter({ hasText: /lost the connection/i })).toBeVisible();
  expect(pids.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  await app.page.screenshot({ path: testInfo.outputPath('host-lost.png'), fullPage: true });

  // Same port and token: the page still holds this token (a fresh host would print a new one).
  const again = await startHostProcess(['--port', String(host.port), '--token', host.token]);
  try {
    await app.fill({ Scenario: 'say-after', Model: 'async', Scale: 0.05 });
    await app.run();
    await app.expectState('finished', 30_000);
    await expect(app.summary).toContainText('Completed');
    await app.page.screenshot({ path: testInfo.outputPath('host-back.png'), fullPage: true });
  } finally {
    await again.stop();
  }
});

test('a page reloaded during a run sees the run, can cancel it, and runs again', async ({
  app,
  host,
}) => {
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 2, Tasks: 200, Size: 2000 });
  await app.run();
  await app.expectState('running');
  await expect.poll(() => descendants(host.pid).length, { timeout: 15_000 }).toBeGreaterThan(0);

  await app.page.reload();
  // The reloaded page adopts the host's run: running, with Cancel, and its lanes drawn so far.
  await app.expectState('running', 15_000);
  const cancel = app.page.getByRole('button', { name: /cancel/i }).first();
  await expect(cancel).toBeEnabled();
  await cancel.click();
  await app.expectState('finished', 30_000);
  await expect.poll(() => descendants(host.pid), { timeout: 30_000 }).toEqual([]);

  // The cancelled run left 'finished' and a summary behind: only a completed summary says that
  // this run happened (a look at the state alone could pass before it began).
  await expect(app.summary).toContainText('Cancelled');
  await app.fill({ Scenario: 'say-after', Model: 'async', Scale: 0.05 });
  await app.run();
  await expect(app.summary).toContainText('Completed', { timeout: 30_000 });
  await app.expectState('finished');
});
