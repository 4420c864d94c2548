// The run form and the Run key as a lecturer meets them in the browser host: sequential and
// async runs are not labelled with a worker count; opening a saved run (a file or a library
// entry) sets the form to that run, so Run runs it again; a number field holding letters or
// nothing is marked invalid and Run waits; Space pressed twice starts the demo once and does
// not cancel it, while the Cancel button still cancels at once. Waits on the page's own
// signals (data-run-state, data-activity, the summary), never on sleeps.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app-page';

/** A short async run (about a quarter of a second of sleeps). */
const SHORT_ASYNC = { Scenario: 'say-after', Model: 'async', Scale: 0.05 } as const;

const field = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });
const runButton = (page: Page): Locator => page.getByRole('button', { name: 'Run', exact: true });

async function finishedRun(app: AppPage, form: Parameters<AppPage['fill']>[0]): Promise<void> {
  await app.fill(form);
  await app.run();
  await app.expectState('finished', 60_000);
}

/** What the form would run now, read off its controls. */
async function formValues(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const label of ['Scenario', 'Model', 'Workers', 'Tasks', 'Size', 'Scale'])
    out[label] = await field(page, label).inputValue();
  return out;
}

test('sequential and async runs name one thread, not a worker count', async ({ app }) => {
  for (const model of ['sequential', 'async']) {
    await finishedRun(app, { ...SHORT_ASYNC, Model: model, Workers: 2 });
    const what = app.summary.locator('.what');
    await expect(what).toHaveText(new RegExp(`^say-after · ${model} · one thread · \\d+ tasks$`));
    await expect(what).not.toContainText('worker');
  }
  // A pool still shows its size.
  await finishedRun(app, {
    Scenario: 'cpu-bound',
    Model: 'threads',
    Workers: 2,
    Tasks: 2,
    Size: 20,
  });
  await expect(app.summary.locator('.what')).toHaveText(
    'cpu-bound · threads · 2 workers · 2 tasks',
  );
});

test('opening a saved run file sets the form to that run, so Run runs it again', async ({
  app,
}, testInfo) => {
  await finishedRun(app, { ...SHORT_ASYNC, Workers: 1 });
  const ran = await formValues(app.page);
  const download = app.page.waitForEvent('download');
  await app.page.getByRole('button', { name: 'Save run', exact: true }).click();
  const path = testInfo.outputPath((await download).suggestedFilename());
  await (await download).saveAs(path);

  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 2, Tasks: 3, Size: 20 });
  expect(await formValues(app.page)).not.toEqual(ran);
  await app.page.getByTestId('open-file').setInputFiles(path);
  await expect(app.page.getByTestId('opened-name')).toContainText('.corescope.json');
  await expect.poll(() => formValues(app.page)).toEqual(ran);

  await app.run();
  // The opened file already shows 'finished' and the same summary line: wait for the second run
  // (the page's record of its states) before reading them, or a look before the run began, or
  // after a short run ended, could pass without Run having run anything.
  await expect
    .poll(async () => (await app.statesSeen()).filter((s) => s === 'running').length, {
      timeout: 30_000,
    })
    .toBe(2);
  await expect(app.root).toHaveAttribute('data-activity', 'idle', { timeout: 60_000 });
  await app.expectState('finished');
  await expect(app.summary.locator('.what')).toContainText('say-after · async · one thread');
});

test('opening a library entry sets the form to that run', async ({ app }) => {
  await finishedRun(app, {
    Scenario: 'cpu-bound',
    Model: 'threads',
    Workers: 1,
    Tasks: 2,
    Size: 20,
  });
  const ran = await formValues(app.page);
  const entry = app.page.getByTestId('library-entry').filter({ hasText: 'threads × 1' });
  await expect(entry).toHaveCount(1, { timeout: 15_000 });

  await app.fill({ ...SHORT_ASYNC, Workers: 2 });
  await entry.getByRole('button', { name: /^Open / }).click();
  await expect(app.page.getByTestId('opened-name')).toContainText('cpu-bound · threads × 1');
  await expect.poll(() => formValues(app.page)).toEqual(ran);
});

test('letters or an empty number field are marked invalid and Run waits', async ({
  app,
}, testInfo) => {
  const workers = field(app.page, 'Workers');
  const tasks = field(app.page, 'Tasks');
  await expect(runButton(app.page)).toBeEnabled();

  await workers.fill('two');
  await expect(workers).toHaveAttribute('aria-invalid', 'true');
  await expect(app.page.locator('#p-workers-note')).toHaveText(
    'Workers must be a whole number (got "two")',
  );
  await expect(runButton(app.page)).toBeDisabled();

  await tasks.fill('');
  await expect(tasks).toHaveAttribute('aria-invalid', 'true');
  await expect(app.page.locator('#p-tasks-note')).toHaveText('Tasks is empty: type a number');
  await app.page.screenshot({ path: testInfo.outputPath('invalid-fields.png'), fullPage: true });

  // Enter in a field submits the form: still nothing runs.
  await tasks.press('Enter');
  await expect(app.root).toHaveAttribute('data-activity', 'idle');
  expect(await app.statesSeen()).toEqual([]);

  await workers.fill('1');
  await expect(workers).toHaveAttribute('aria-invalid', 'false');
  await expect(runButton(app.page)).toBeDisabled();
  await tasks.fill('2');
  await expect(tasks).toHaveAttribute('aria-invalid', 'false');
  await expect(app.page.getByTestId('field-error')).toHaveCount(0);
  await finishedRun(app, { Size: 20 });
  await expect(app.summary.locator('.what')).toContainText('1 worker · 2 tasks');
});

test('Space twice starts the demo once and does not cancel it', async ({ app }) => {
  await app.fill(SHORT_ASYNC);
  await app.page.locator('h1').first().click();
  await app.page.keyboard.press('Space');
  await app.page.keyboard.press('Space');
  await app.expectState('finished', 60_000);
  await expect(app.summary).toContainText('Completed');
  expect((await app.statesSeen()).filter((s) => s === 'running')).toHaveLength(1);
});

test('after Space started a run, the Cancel button cancels it at once', async ({ app }) => {
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 2, Tasks: 200, Size: 2000 });
  await app.page.locator('h1').first().click();
  await app.page.keyboard.press('Space');
  await app.expectState('running');
  await app.cancelNow();
  await app.expectState('finished', 30_000);
  await expect(app.summary).toContainText('Cancelled');
});
