// "Draw after the run": while such a run goes on, nothing is drawn (after the start clears the
// chart, its pixels stay as they are) and only the clock and progress move; at the end the run is
// drawn in full.
// Defaults: single runs live, Compare and Sweep runs drawn after; the choice survives a reload.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './pages/lab-page';

/** A digest of every canvas under `selector`, and how many there are (runs in the page). */
async function digest(page: Page, selector: string): Promise<string> {
  const script = `(() => {
    let h = 0;
    let n = 0;
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      const ctx = el.getContext('2d');
      if (!ctx || el.width === 0 || el.height === 0) continue;
      const { data } = ctx.getImageData(0, 0, el.width, el.height);
      for (let i = 0; i < data.length; i += 4)
        h = (h * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
      n++;
    }
    return n + ':' + h;
  })()`;
  return String(await page.evaluate(script));
}

const switches = (page: Page) => ({
  run: page.getByRole('checkbox', { name: 'Single runs' }),
  lab: page.getByRole('checkbox', { name: 'Compare and Sweep runs' }),
});

test('defaults: single runs live, Compare and Sweep drawn after; the choice is remembered', async ({
  app,
}) => {
  const s = switches(app.page);
  await expect(s.run).not.toBeChecked();
  await expect(s.lab).toBeChecked();
  await s.run.check();
  await s.lab.uncheck();
  await app.page.reload();
  await app.ready();
  await expect(s.run).toBeChecked();
  await expect(s.lab).not.toBeChecked();
});

test('a single run drawn after it ends: canvas unchanged while it runs, drawn at the end', async ({
  app,
}) => {
  await switches(app.page).run.check();
  await app.fill({ Scenario: 'cpu-bound', Model: 'threads', Workers: 2, Tasks: 4, Size: 400 });
  const chart = '#panel-chart canvas';
  await app.run();
  await app.expectState('running');
  const progress = app.page.getByTestId('run-progress');
  // The run's start clears the chart once; from then on nothing is drawn until it ends.
  await expect(progress).toContainText('0 of 4 tasks done');
  await expect.poll(() => digest(app.page, chart)).not.toBe('0:0');
  const early = await digest(app.page, chart);
  // The progress line ticks: wait until some task is done, well into the run.
  await expect(progress).toContainText(/[1-9]\d* of 4 tasks done/, { timeout: 60_000 });
  expect(await app.coreLanes.getAttribute('data-drawn-slices')).toBe('0');
  expect(await digest(app.page, chart)).toBe(early);
  await app.expectState('finished', 60_000);
  await expect(progress).toHaveCount(0);
  await expect
    .poll(async () => Number(await app.coreLanes.getAttribute('data-drawn-slices')))
    .toBeGreaterThan(0);
  expect(await digest(app.page, chart)).not.toBe(early);
  const perCore = await app.coreSlices();
  expect(perCore.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
});

test('a single run with the switch off draws while it runs', async ({ app }) => {
  await app.fill({ Scenario: 'cpu-bound', Model: 'threads', Workers: 2, Tasks: 4, Size: 400 });
  await app.run();
  await app.expectState('running');
  await expect(app.page.getByTestId('run-progress')).toHaveCount(0);
  await expect
    .poll(async () => Number(await app.coreLanes.getAttribute('data-drawn-slices')), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  expect(await app.state()).toBe('running');
  await app.expectState('finished', 60_000);
});

test('Compare runs are drawn after each ends by default', async ({ app }) => {
  const lab = new LabPage(app.page);
  await app.fill({ Scenario: 'cpu-bound', Workers: 2, Tasks: 4, Size: 300 });
  for (const m of ['sequential', 'async', 'gil-threads', 'processes'])
    await lab.compare.getByRole('checkbox', { name: m, exact: true }).uncheck();
  await lab.startCompare();
  await lab.expectCompare('running');
  const run = lab.compareRuns.first();
  await expect(run).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  const canvases = '[data-testid="compare-run"] canvas';
  const early = await digest(app.page, canvases);
  // Still running, some time later: the first slices have long arrived, none were drawn.
  await expect(app.page.getByTestId('compare-progress').first()).toContainText(/[1-9]\d* of 4/, {
    timeout: 60_000,
  });
  expect(await run.getAttribute('data-state')).toBe('running');
  expect(await run.getAttribute('data-core-slices')).toMatch(/^[0,]*$/);
  expect(await digest(app.page, canvases)).toBe(early);
  await lab.expectCompare('finished', 120_000);
  expect((await run.getAttribute('data-core-slices')) ?? '').toMatch(/[1-9]/);
  expect(await digest(app.page, canvases)).not.toBe(early);
});
