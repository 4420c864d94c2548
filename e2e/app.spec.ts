// The app in Chromium against the real browser host and engine: lanes per core, a parallel run
// drawn on the cores it ran on, Cancel, bad input, and back-to-back runs. Waits on
// data-run-state, never on fixed sleeps.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { CORES } from './support/machine';
import { descendants } from './support/proc';
import { LANE_ACTOR } from '../src/shared/events';
import { parseRunFile, RUN_FILE_EXTENSION } from '../src/shared/run-file';
import { STATE_CODE } from '../src/shared/states';
import { sliceRows } from '../src/shared/test-figures';

/** Running slices per core in the one run the host's library holds, or undefined before it is kept. */
function recordedRunningPerCore(libraryDir: string): number[] | undefined {
  const files = readdirSync(libraryDir).filter((f) => f.endsWith(RUN_FILE_EXTENSION));
  const [file] = files;
  if (file === undefined || files.length !== 1) return undefined;
  const opened = parseRunFile(JSON.parse(readFileSync(join(libraryDir, file), 'utf8')), file);
  if (!opened.ok) throw new Error(opened.error);
  const counts: number[] = [];
  for (const r of sliceRows(opened.run.store.slices))
    if (r.lane === LANE_ACTOR && r.state === STATE_CODE.running && r.core >= 0)
      counts[r.core] = (counts[r.core] ?? 0) + 1;
  return counts;
}

test('shows one lane per logical core', async ({ app }, testInfo) => {
  await expect(app.laneLabels()).toHaveCount(CORES);
  for (let k = 0; k < CORES; k++) {
    await expect(app.coreLanes.getByText(`CPU ${k}`, { exact: true })).toBeVisible();
  }
  await app.page.screenshot({ path: testInfo.outputPath('idle.png'), fullPage: true });
});

test('a cpu-bound run under processes draws the cores it ran on and fills the table', async ({
  app,
  host,
}, testInfo) => {
  const workers = Math.min(CORES, 2);
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: workers, Tasks: 4 });
  await app.run();
  await app.expectState('finished', 60_000);
  expect(await app.statesSeen()).toContain('running');
  await expect(app.alert).toHaveCount(0);

  // The core lanes draw exactly the running slices the recorded run placed on each core (the
  // run the page kept in the host's library). Which cores the kernel chose is its business: with
  // both cores busy elsewhere it may time-slice the two processes on one, and the chart must then
  // show one; the cores themselves are held against the kernel's trace in kernel-agreement.test.
  await expect
    .poll(() => recordedRunningPerCore(host.libraryDir), { timeout: 15_000 })
    .not.toBeUndefined();
  const recorded = recordedRunningPerCore(host.libraryDir) ?? [];
  const perCore = await app.coreSlices();
  expect(perCore).toHaveLength(CORES);
  expect(perCore).toEqual(Array.from({ length: CORES }, (_, c) => recorded[c] ?? 0));
  expect(perCore.filter((n) => n > 0).length).toBeGreaterThanOrEqual(1);
  await expect(app.summary).toBeVisible();
  await app.page.screenshot({
    path: testInfo.outputPath('cpu-bound-processes.png'),
    fullPage: true,
  });

  await app.showTable();
  await expect(app.sliceTable).toBeVisible();
  await expect(app.sliceTable.locator('tbody tr').first()).toBeVisible();
  expect(await app.sliceTable.locator('tbody tr').count()).toBeGreaterThan(0);
  await app.page.screenshot({ path: testInfo.outputPath('slice-table.png'), fullPage: true });
});

test('Cancel stops a long run and leaves no process behind', async ({ app, host }, testInfo) => {
  expect(descendants(host.pid)).toEqual([]);
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 2, Tasks: 200, Size: 2000 });
  await app.run();
  await app.expectState('running');
  // Wait until the pool's child processes really exist, so Cancel has something to stop.
  await expect.poll(() => descendants(host.pid).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await app.page.screenshot({ path: testInfo.outputPath('running.png'), fullPage: true });

  const t0 = Date.now();
  await app.cancelNow();
  // Uncancelled, this run takes minutes: the bounds only end a broken build. How fast Cancel is
  // is a figure of `npm run bench`.
  await expect.poll(() => descendants(host.pid), { timeout: 30_000, intervals: [25] }).toEqual([]);
  const goneMs = Date.now() - t0;
  await expect(app.root).not.toHaveAttribute('data-run-state', 'running', { timeout: 30_000 });
  testInfo.annotations.push({
    type: 'cancel',
    description: `children gone ${goneMs} ms, UI settled ${Date.now() - t0} ms`,
  });
  await expect(app.summary).toContainText(/cancelled/i);
  await app.page.screenshot({ path: testInfo.outputPath('cancelled.png'), fullPage: true });
});

test('an invalid parameter shows an error and starts nothing', async ({ app, host }, testInfo) => {
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 0 });
  await app.run();
  await expect(app.alert).toBeVisible();
  await expect(app.alert).toContainText(/workers/i);
  // The UI may show 'running' while the start request is in flight; it must end in 'error'
  // with nothing recorded and no process started.
  await app.expectState('error');
  expect(await app.statesSeen()).not.toContain('finished');
  await expect(app.coreLanes).toHaveAttribute('data-slice-count', '0');
  await expect(app.summary).toHaveCount(0);
  expect(descendants(host.pid)).toEqual([]);
  await app.page.screenshot({ path: testInfo.outputPath('invalid-workers.png'), fullPage: true });
});

test('a second run after the first works', async ({ app }, testInfo) => {
  await app.fill({ Scenario: 'say-after', Model: 'async', Scale: 0.05 });
  await app.run();
  await app.expectState('finished', 30_000);
  const firstSummary = await app.summary.innerText();

  await app.fill({ Model: 'sequential' });
  await app.run();
  await expect
    .poll(async () => (await app.statesSeen()).filter((s) => s === 'running').length)
    .toBe(2);
  await app.expectState('finished', 30_000);
  await expect(app.alert).toHaveCount(0);
  await expect(app.summary).toBeVisible();
  expect(await app.summary.innerText()).not.toBe(firstSummary);
  await app.page.screenshot({ path: testInfo.outputPath('second-run.png'), fullPage: true });
});
