// Real CPython from the page: pick a shipped example, run it, see its threads on the cores and
// its text beside the chart (below it in a narrow window); open a script of one's own; compare two examples on one axis.
// Needs the machine's python3 (the test skips with the reason the app gives where it is missing).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test, expect } from './fixtures';
import { LabPage } from './pages/lab-page';

/** `path` becomes another name for the machine's python3 (what a venv or a custom build looks like). */
function linkMachinePython(path: string): void {
  const real = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  }).trim();
  symlinkSync(real, path);
}
test('runs cpu_threads.py on real CPython: two threads on the cores, GIL waits, the script shown', async ({
  app,
}, testInfo) => {
  await app.pythonSource();
  await app.page.getByLabel('Script', { exact: true }).selectOption('cpu_threads.py');
  await expect(app.page.getByTestId('python-note')).toContainText('your own privileges');
  await app.fill({ Scale: 1 });
  await app.run();
  await app.expectState('finished', 90_000);
  await expect(app.alert).toHaveCount(0);
  // The script's text beside the chart, as it ran: to its right at desktop widths (the two
  // boxes side by side, sharing rows), below it in a narrow window.
  const view = app.page.getByTestId('script-view');
  await expect(view).toContainText('cpu_threads.py');
  await expect(view.locator('pre')).toContainText('Thread');
  const chart = app.page.locator('#panel-chart');
  const boxes = async () => {
    const c = await chart.boundingBox();
    const v = await view.boundingBox();
    if (c === null || v === null) throw new Error('chart or script not laid out');
    return { c, v };
  };
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await expect(async () => {
    const { c, v } = await boxes();
    expect(v.x).toBeGreaterThanOrEqual(c.x + c.width);
    expect(v.y).toBeLessThan(c.y + c.height);
    expect(v.width).toBeGreaterThan(250);
  }).toPass();
  await app.page.screenshot({ path: testInfo.outputPath('python-beside-1440x900.png') });
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await expect(async () => {
    const { c, v } = await boxes();
    expect(v.y).toBeGreaterThanOrEqual(c.y + c.height);
    expect(v.width).toBeGreaterThanOrEqual(c.width * 0.9);
  }).toPass();
  await app.page.screenshot({
    path: testInfo.outputPath('python-below-1024x700.png'),
    fullPage: true,
  });
  // Both cores got running slices from the interpreter's threads.
  const perCore = await app.coreSlices();
  expect(perCore.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  await expect(app.summary).toContainText('Completed');
  await app.page.screenshot({
    path: testInfo.outputPath('python-cpu-threads.png'),
    fullPage: true,
  });
});

test('a script the student opens runs as uploaded text', async ({ app }) => {
  await app.pythonSource();
  await app.page.getByLabel('Python script file').setInputFiles({
    name: 'mine.py',
    mimeType: 'text/x-python',
    buffer: Buffer.from('import time\nfor i in range(3):\n    time.sleep(0.02)\nprint("done")\n'),
  });
  await expect(app.page.getByLabel('Script', { exact: true })).toHaveValue('opened');
  await app.run();
  await app.expectState('finished', 60_000);
  await expect(app.page.getByTestId('script-view')).toContainText('mine.py');
  await expect(app.alert).toHaveCount(0);
});

test('the interpreter setting: a bad pick is one message and changes nothing; a good one is used', async ({
  app,
}, testInfo) => {
  const shown = app.page.getByTestId('python-interpreter');
  await expect(shown).toContainText(/CPython 3\.\d+\.\d+/);
  const before = await shown.textContent();
  const field = app.page.getByLabel('Interpreter path');
  const use = app.page.getByRole('button', { name: 'Use', exact: true });
  const error = app.page.getByTestId('python-interpreter-error');

  await field.fill('/no/such/python3');
  await use.click();
  await expect(error).toHaveText('python: /no/such/python3 was not found');
  await expect(shown).toHaveText(before ?? '');

  // An interpreter older than 3.9 (a real executable file answering as Python 3.8 would).
  const old = testInfo.outputPath('python3.8');
  mkdirSync(dirname(old), { recursive: true });
  writeFileSync(old, `#!/bin/sh\necho '["cpython", [3, 8, 10], true, "${old}"]'\n`, {
    mode: 0o755,
  });
  await field.fill(old);
  await use.click();
  await expect(error).toHaveText(`python: ${old} is Python 3.8; CoreScope needs 3.9 or newer`);
  await expect(shown).toHaveText(before ?? '');
  await expect(app.alert).toHaveCount(1); // that one message, nothing else

  // The machine's python3 under another name: taken, shown with its version, and runs use it.
  const mine = testInfo.outputPath('my-python');
  linkMachinePython(mine);
  await field.fill(mine);
  await use.click();
  await expect(shown).toContainText(mine);
  await expect(shown).toContainText(/CPython 3\.\d+\.\d+/);
  await expect(error).toHaveCount(0);
  await app.pythonSource();
  await app.page.getByLabel('Python script file').setInputFiles({
    name: 'which.py',
    mimeType: 'text/x-python',
    buffer: Buffer.from('import sys\nprint(sys.executable)\n'),
  });
  await app.run();
  await app.expectState('finished', 60_000);
  await expect(app.summary).toContainText('Completed');
  await app.page.getByRole('button', { name: 'Default', exact: true }).click();
  await expect(shown).toHaveText(before ?? '');
});

test('the interpreter pick is remembered across visits; one that no longer works falls back with the reason', async ({
  app,
}, testInfo) => {
  const shown = app.page.getByTestId('python-interpreter');
  await expect(shown).toContainText(/CPython 3\.\d+\.\d+/);
  const before = (await shown.textContent()) ?? '';
  const field = app.page.getByLabel('Interpreter path');
  const error = app.page.getByTestId('python-interpreter-error');
  const saved = (): Promise<string | null> =>
    app.page.evaluate<string | null>(`localStorage.getItem('corescope.python')`);
  const save = (value: string): Promise<void> =>
    app.page.evaluate<void>(`localStorage.setItem('corescope.python', ${JSON.stringify(value)})`);
  const useDefault = async (): Promise<void> => {
    await app.page.getByRole('button', { name: 'Default', exact: true }).click();
    await expect(shown).toHaveText(before);
  };

  // A pick the engine takes is saved; Default forgets it.
  const mine = testInfo.outputPath('saved-python');
  mkdirSync(dirname(mine), { recursive: true });
  linkMachinePython(mine);
  await field.fill(mine);
  await app.page.getByRole('button', { name: 'Use', exact: true }).click();
  await expect(shown).toContainText(mine);
  expect(await saved()).toBe(JSON.stringify(mine));
  await useDefault();
  expect(await saved()).toBeNull();

  // A later visit (the engine back on its default) gives the engine the saved pick.
  await save(JSON.stringify(mine));
  await app.page.reload();
  await expect(shown).toContainText(mine);
  await expect(shown).toContainText(/CPython 3\.\d+\.\d+/);
  await expect(error).toHaveCount(0);
  await useDefault();

  // A saved pick that no longer works: the default stays, the reason is shown, the pick forgotten.
  // The path is one long unbroken word: the message wraps inside the panel, as does the field.
  const gone = `/no/such/${'d'.repeat(120)}/python3`;
  await save(JSON.stringify(gone));
  await app.page.reload();
  await expect(error).toHaveText(
    `The interpreter picked before no longer works (${gone} was not found); Python runs use ${(await shown.locator('code').textContent()) ?? ''}.`,
  );
  await expect(shown).toHaveText(before);
  expect(await saved()).toBeNull();
  const panel = await app.page.locator('section.interp').boundingBox();
  for (const part of [
    error,
    field,
    app.page.getByRole('button', { name: 'Default', exact: true }),
  ]) {
    const box = await part.boundingBox();
    expect(box !== null && panel !== null && box.x + box.width <= panel.x + panel.width + 0.5).toBe(
      true,
    );
  }
  expect(await error.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  // A malformed saved value is refused by the same rules as a typed path, before the engine.
  await save(JSON.stringify('relative/python3'));
  await app.page.reload();
  await expect(error).toContainText('The saved interpreter setting was not used');
  await expect(shown).toHaveText(before);
  expect(await saved()).toBeNull();
});

test('compares cpu_sequential.py with cpu_processes.py on one axis, named by script', async ({
  app,
}, testInfo) => {
  await app.pythonSource();
  const lab = new LabPage(app.page);
  for (const name of ['cpu_threads.py'])
    await lab.compare.getByLabel(name, { exact: true }).uncheck();
  await lab.startCompare();
  await lab.expectCompare('finished', 120_000);
  await expect(lab.compareRuns).toHaveCount(2);
  await expect(lab.compareTable.locator('tbody tr')).toHaveCount(2);
  await expect(lab.compareTable.locator('tbody th')).toHaveText([
    'cpu_sequential.py',
    'cpu_processes.py',
  ]);
  await expect(lab.compareExplanation).toContainText('cpu_processes.py');
  await lab.compare.screenshot({ path: testInfo.outputPath('python-compare.png') });
});
