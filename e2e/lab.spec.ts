// Compare, Sweep and the Cores limit in Chromium against the real browser host and engine.
// Waits on data-compare-state / data-sweep-state / data-run-state, never on fixed sleeps.
import { test, expect } from './fixtures';
import { LabPage } from './pages/lab-page';

const SMALL_CPU = { Scenario: 'cpu-bound', Workers: 2, Tasks: 4, Size: 60 } as const;

test('Compare runs cpu-bound under all five models, stacked on one axis, with the table filled', async ({
  app,
}, testInfo) => {
  const lab = new LabPage(app.page);
  await app.fill(SMALL_CPU);
  await lab.recordStates();
  await lab.startCompare();
  await lab.expectCompare('finished', 80_000);
  // It ran first: seen in the page as it changed (a short Compare ends between two polls).
  expect(await lab.statesSeen('compare')).toEqual(['idle', 'running', 'finished']);
  await expect(lab.compareRuns).toHaveCount(5);
  for (const model of ['sequential', 'async', 'threads', 'gil-threads', 'processes']) {
    await expect(lab.compareRuns.and(app.page.locator(`[data-model="${model}"]`))).toHaveAttribute(
      'data-state',
      'finished',
    );
  }
  await expect(app.page.getByTestId('compare-axis')).toHaveCount(1);
  await expect(lab.compareTable.locator('tbody tr')).toHaveCount(5);
  const cells = await lab.tableCells();
  expect(cells.filter((c) => c.trim() === '' || c === '—')).toEqual([]);

  // Every figure the explanation quotes is a number the table shows.
  await expect(lab.compareExplanation).toBeVisible();
  const figures = await lab.compareExplanation.locator('strong').allInnerTexts();
  expect(figures.length).toBeGreaterThan(0);
  for (const f of figures) expect(cells).toContain(f);

  // Linked highlighting: hovering a running slice on a core lane of the processes run names
  // its actor and highlights it.
  const procRun = lab.compareRuns.and(app.page.locator('[data-model="processes"]'));
  const canvas = procRun.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('no canvas');
  const spots = [11, 36].flatMap((y) => [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.2].map((fx) => [fx, y]));
  for (const [fx = 0.5, y = 11] of spots) {
    await app.page.mouse.move(box.x + box.width * fx, box.y + y);
    if ((await procRun.getByText(/highlighting process \d/).count()) > 0) break;
  }
  await expect(procRun.getByText(/highlighting process \d/)).toBeVisible();
  await lab.compare.screenshot({ path: testInfo.outputPath('compare.png') });
  await app.page.screenshot({ path: testInfo.outputPath('compare-page.png'), fullPage: true });

  // Sortable: by wall time, the fastest first.
  await lab.compareTable.getByRole('button', { name: /^Wall/ }).click();
  const walls = await lab.compareTable.locator('tbody td[data-col="wall"]').allInnerTexts();
  const ms = walls.map((w) => (w.endsWith(' s') ? parseFloat(w) * 1000 : parseFloat(w)));
  expect([...ms].sort((a, b) => a - b)).toEqual(ms);
});

test('Sweep plots measured points, the ideal line and an Amdahl fit', async ({ app }, testInfo) => {
  const lab = new LabPage(app.page);
  await app.fill({ ...SMALL_CPU, Model: 'processes' });
  await lab.startSweep('1, 2, 4');
  await lab.expectSweep('finished', 80_000);
  await expect(lab.sweepChart.locator('circle.measured')).toHaveCount(3);
  await expect(lab.sweepChart.locator('path.ideal').first()).toBeVisible();
  // The fit may be flat (serial fraction 1 on a busy machine), so check its path, not its box.
  await expect(lab.sweepChart.locator('path.fit').first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
  // A fit, or (the machine busy with other work) why the fit is not to be trusted.
  await expect(lab.sweepFit).toContainText(
    /Amdahl fit: serial fraction \d\.\d{3}|No trustworthy Amdahl fit: the machine was busy/,
  );
  // The curve says what the sentence says: dotted grey and "not to trust" after a busy sweep.
  const busy = ((await lab.sweepFit.textContent()) ?? '').includes('No trustworthy');
  await expect(lab.sweepChart).toHaveAttribute('data-fit', busy ? 'untrusted' : 'trusted');
  await expect(lab.sweepChart.locator('path.fit.untrusted')).toHaveCount(busy ? 2 : 0);
  await expect(lab.sweepChart.locator('.legend')).toContainText(
    busy ? 'Amdahl fit: busy machine, not to trust' : /Amdahl fit(?!:)/,
  );
  await lab.sweep.screenshot({ path: testInfo.outputPath('sweep.png') });
});

test('a Sweep of the async model draws its ideal flat at 1× and fits nothing', async ({
  app,
}, testInfo) => {
  const lab = new LabPage(app.page);
  await app.fill({ ...SMALL_CPU, Model: 'async' });
  await lab.startSweep('1, 2');
  await lab.expectSweep('finished', 80_000);
  await expect(lab.sweepChart.locator('.legend')).toContainText('ideal 1× (one core computes)');
  // The ideal line is flat: every point of its path at the same height.
  const d = (await lab.sweepChart.locator('path.ideal').first().getAttribute('d')) ?? '';
  const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => m[1]);
  expect(ys.length).toBeGreaterThan(1);
  expect(new Set(ys).size).toBe(1);
  await expect(lab.sweepChart.locator('path.fit')).toHaveCount(0);
  await expect(lab.sweepFit).toContainText(
    'No Amdahl fit: async runs every task on one event loop thread',
  );
  await lab.sweep.screenshot({ path: testInfo.outputPath('sweep-async.png') });
});

test('a run limited to 1 core has all its running slices on one core', async ({
  app,
}, testInfo) => {
  const lab = new LabPage(app.page);
  const limitable = await lab.cores.isEnabled();
  test.skip(!limitable, 'this host cannot restrict CPU affinity (the control says why)');
  await app.fill({ ...SMALL_CPU, Model: 'threads' });
  await lab.cores.selectOption('1');
  await app.run();
  await app.expectState('finished', 60_000);
  await expect(app.alert).toHaveCount(0);
  const perCore = await app.coreSlices();
  expect(perCore.filter((n) => n > 0)).toHaveLength(1);
  await expect(app.page.getByTestId('run-explanation')).toBeVisible();
  await app.page.screenshot({ path: testInfo.outputPath('cores-1.png'), fullPage: true });
});

test('the C key starts Compare with the chosen models', async ({ app }) => {
  const lab = new LabPage(app.page);
  await app.fill({ Scenario: 'say-after', Scale: 0.02 });
  for (const model of ['async', 'threads', 'gil-threads', 'processes'])
    await lab.compare.getByLabel(model, { exact: true }).uncheck();
  // Focus leaves the checkboxes (a key typed into a field is not a shortcut).
  await lab.compare.getByRole('heading', { name: 'Compare' }).click();
  await app.page.keyboard.press('c');
  await lab.expectCompare('finished', 30_000);
  await expect(lab.compareRuns).toHaveCount(1);
  await expect(lab.compareTable.locator('tbody tr')).toHaveCount(1);
});
