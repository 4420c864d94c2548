// The library of recent runs in the browser host (each test's host has its own temporary
// --library folder): a finished run appears by itself and reopens to the same per-core slice
// counts; rename (a taken name refused), delete with confirmation; a corrupt file dropped in the
// folder is listed as unreadable; an unusable folder stops the host with one line.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app-page';
import { runHostExpectingExit } from './support/host-process';

function library(app: AppPage): Locator {
  return app.page.getByTestId('library');
}

function rows(app: AppPage): Locator {
  return library(app).getByTestId('library-entry');
}

async function expectCount(app: AppPage, n: number): Promise<void> {
  await expect(library(app)).toHaveAttribute('data-library-count', String(n), { timeout: 15_000 });
}

async function finishedRun(app: AppPage, model: string, workers: number): Promise<number[]> {
  await app.fill({ Scenario: 'cpu-bound', Model: model, Workers: workers, Tasks: 4, Size: 30 });
  await app.run();
  await app.expectState('finished', 60_000);
  return app.coreSlices();
}

test('a finished run is kept by itself and reopens to the same per-core slices', async ({
  app,
  host,
}, testInfo) => {
  await expectCount(app, 0);
  const first = await finishedRun(app, 'threads', 2);
  await expectCount(app, 1);
  const row = rows(app).first();
  await expect(row).toHaveAttribute('data-status', 'ok');
  await expect(row).toContainText('cpu-bound · threads × 2');
  await expect(row).toContainText('recent');
  // The folder holds the run file and its sidecar, and no temporary file.
  const files = readdirSync(host.libraryDir).sort();
  expect(files).toHaveLength(2);
  expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  await expect(library(app).getByRole('button', { name: 'Keep current run' })).toBeDisabled();

  await finishedRun(app, 'sequential', 1);
  await expectCount(app, 2);
  const firstRow = rows(app).filter({ hasText: 'threads × 2' });
  await firstRow.getByRole('button', { name: /^Open / }).click();
  await expect(app.page.getByTestId('opened-name')).toContainText('cpu-bound · threads × 2');
  await app.expectState('finished');
  expect(await app.coreSlices()).toEqual(first);
  await expect(firstRow).toHaveAttribute('aria-current', 'true');
  await expect(rows(app).filter({ hasText: 'sequential' })).not.toHaveAttribute('aria-current');
  await library(app).scrollIntoViewIfNeeded();
  await library(app).screenshot({ path: testInfo.outputPath('library.png') });
  for (const theme of ['dark', 'contrast']) {
    await app.page.locator('h1').first().click();
    await app.page.keyboard.press('t');
    await library(app).screenshot({ path: testInfo.outputPath(`library-${theme}.png`) });
  }
});

test('rename keeps a run, refuses a taken name; delete asks first', async ({
  app,
  host,
}, testInfo) => {
  await finishedRun(app, 'threads', 2);
  await finishedRun(app, 'processes', 2);
  await expectCount(app, 2);
  const threads = rows(app).filter({ hasText: 'threads × 2' });
  const processes = rows(app).filter({ hasText: 'processes × 2' });

  // Keyboard only: focus Rename, type, Enter.
  await threads.getByRole('button', { name: /^Rename / }).focus();
  await app.page.keyboard.press('Enter');
  const field = threads.getByRole('textbox');
  await expect(field).toBeFocused();
  await field.fill('Lecture demo');
  await app.page.keyboard.press('Enter');
  await expect(threads.or(rows(app).filter({ hasText: 'Lecture demo' }))).toHaveCount(1);
  const demo = rows(app).filter({ hasText: 'Lecture demo' });
  await expect(demo).not.toContainText('recent');

  await processes.getByRole('button', { name: /^Rename / }).click();
  await processes.getByRole('textbox').fill('lecture DEMO');
  await processes.getByRole('button', { name: 'Save name' }).click();
  await expect(processes.getByRole('alert')).toContainText('already in the library');
  await library(app).screenshot({ path: testInfo.outputPath('library-rename-refused.png') });
  await processes.getByRole('textbox').press('Escape');
  await expect(processes.getByRole('textbox')).toHaveCount(0);
  await expect(processes).toContainText('cpu-bound · processes × 2');

  await demo.getByRole('button', { name: /^Delete / }).click();
  const cancel = demo.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await expect(demo).toContainText('Delete “Lecture demo”?');
  await library(app).screenshot({ path: testInfo.outputPath('library-delete-confirm.png') });
  await cancel.click();
  await expectCount(app, 2);
  await demo.getByRole('button', { name: /^Delete / }).click();
  await demo.getByRole('button', { name: 'Delete', exact: true }).click();
  await expectCount(app, 1);
  await expect(rows(app)).toContainText('processes × 2');
  expect(readdirSync(host.libraryDir)).toHaveLength(2);
});

test('a corrupt file dropped in the library folder is listed as unreadable', async ({
  app,
  host,
}, testInfo) => {
  await finishedRun(app, 'threads', 2);
  await expectCount(app, 1);
  writeFileSync(join(host.libraryDir, 'broken.corescope.json'), '{"format":"corescope-run","ver');
  await library(app).getByRole('button', { name: 'Refresh' }).click();
  await expectCount(app, 2);
  const broken = rows(app).and(app.page.locator('[data-entry-id="broken"]'));
  await expect(broken).toHaveAttribute('data-status', 'unreadable');
  await expect(broken).toContainText('Unreadable: not valid JSON');
  await expect(broken.getByRole('button', { name: /^Open / })).toHaveCount(0);
  await expect(app.root).toHaveAttribute('data-run-state', 'finished');
  await library(app).screenshot({ path: testInfo.outputPath('library-unreadable.png') });
  await broken.getByRole('button', { name: /^Delete / }).click();
  await broken.getByRole('button', { name: 'Delete', exact: true }).click();
  await expectCount(app, 1);
});

test('a library folder that cannot be used stops the host with one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corescope-e2e-badlib-'));
  try {
    writeFileSync(join(dir, 'file'), 'x');
    const { code, stderr } = await runHostExpectingExit([
      '--port',
      '0',
      '--library',
      join(dir, 'file', 'runs'),
    ]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--library: cannot use .* as the run library/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
