// A real CPython run is named by what ran (its script and runtime), never by the model form's
// fields it is filed under: in the Run summary and in the Library's Workload column. Reopening a
// saved Python run (Library Open, a run file, a trace file) sets the form to the Python source
// with that script chosen; a model run file still sets the model form as before.
// Needs the machine's python3 (the test skips with the reason the app gives where it is missing).
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app-page';

function library(app: AppPage): Locator {
  return app.page.getByTestId('library');
}

async function saved(app: AppPage, button: string, path: string): Promise<string> {
  const file = await app.download(button);
  await file.saveAs(path);
  return path;
}

/** The form back on the model source, so an opening has something to change. */
async function modelsSource(app: AppPage): Promise<void> {
  await app.page.getByLabel('Source', { exact: true }).selectOption('models');
  await expect(app.page.getByLabel('Model', { exact: true })).toBeVisible();
}

async function expectPythonForm(app: AppPage, script: string, shown: string): Promise<void> {
  await expect(app.page.getByLabel('Source', { exact: true })).toHaveValue('python');
  const pick = app.page.getByLabel('Script', { exact: true });
  await expect(pick).toHaveValue(script);
  await expect(pick.locator('option:checked')).toContainText(shown);
  await expect(app.page.getByLabel('Model', { exact: true })).toHaveCount(0);
}

test('a Python run is named by script and runtime, and reopens onto the Python form', async ({
  app,
}, testInfo) => {
  // A model run first: its file must keep opening onto the model form.
  await app.finishedRun({
    Scenario: 'cpu-bound',
    Model: 'threads',
    Workers: 2,
    Tasks: 2,
    Size: 20,
  });
  const modelRun = await saved(app, 'Save run', testInfo.outputPath('model.corescope.json'));

  await app.pythonSource();
  await app.page.getByLabel('Script', { exact: true }).selectOption('cpu_threads.py');
  await app.fill({ Scale: 0.2 });
  await app.run();
  await app.expectState('finished', 90_000);
  await expect(app.alert).toHaveCount(0);

  // The summary names the script and runtime and what the trace holds, not the form's model.
  const what = app.page.getByTestId('run-what');
  await expect(what).toHaveText(
    /^cpu_threads\.py · CPython 3\.\d+\.\d+ · traced: \d+ actors?, \d+ tasks?$/,
  );
  await expect(what).not.toContainText('gil-threads');
  await expect(what).not.toContainText('workers');
  await app.summary.screenshot({ path: testInfo.outputPath('python-summary.png') });

  // The library says what each row ran in one Workload column.
  const heads = library(app).locator('thead th');
  await expect(heads).toHaveText(['Name', 'Workload', 'Saved', 'Size', 'Actions']);
  await expect(library(app)).toHaveAttribute('data-library-count', '2', { timeout: 15_000 });
  const workloads = library(app).getByTestId('library-workload');
  await expect(workloads).toHaveText([
    /^cpu_threads\.py · CPython 3\.\d+\.\d+$/,
    'cpu-bound · threads × 2',
  ]);
  await library(app).scrollIntoViewIfNeeded();
  await library(app).screenshot({ path: testInfo.outputPath('library-workload.png') });

  const runFile = await saved(app, 'Save run', testInfo.outputPath('python.corescope.json'));
  const traceFile = await saved(app, 'Save trace', testInfo.outputPath('python.trace.json'));

  // Library Open: the form switches to the Python source with the script chosen.
  await modelsSource(app);
  const row = library(app).getByTestId('library-entry').filter({ hasText: 'cpu_threads.py' });
  await row.getByRole('button', { name: /^Open / }).click();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expectPythonForm(app, 'cpu_threads.py', 'cpu_threads.py');
  await expect(app.page.getByTestId('script-view')).toContainText('cpu_threads.py');
  await expect(app.page.getByLabel('Scale', { exact: true })).toHaveValue('0.2');
  await app.page.screenshot({ path: testInfo.outputPath('library-open.png'), fullPage: true });

  // A run file and a trace file do the same.
  for (const file of [runFile, traceFile]) {
    await modelsSource(app);
    await app.page.getByTestId('open-file').setInputFiles(file);
    await expect(app.page.getByTestId('opened-name')).toContainText(
      file.endsWith('.trace.json') ? '.trace.json' : '.corescope.json',
    );
    await expectPythonForm(app, 'cpu_threads.py', 'cpu_threads.py');
  }

  // A model run file opens onto the model form, with its fields, as before.
  await app.page.getByTestId('open-file').setInputFiles(modelRun);
  await expect(app.page.getByTestId('opened-name')).toContainText('model.corescope.json');
  await expect(app.page.getByLabel('Source', { exact: true })).toHaveValue('models');
  await expect(app.page.getByLabel('Model', { exact: true })).toHaveValue('threads');
  await expect(app.page.getByLabel('Workers', { exact: true })).toHaveValue('2');
  await expect(app.page.getByTestId('run-what')).toHaveText(
    'cpu-bound · threads · 2 workers · 2 tasks',
  );
});

test("a saved run of the student's own script reopens with that script, and Run runs it again", async ({
  app,
}, testInfo) => {
  await app.pythonSource();
  await app.page.getByLabel('Python script file').setInputFiles({
    name: 'mine.py',
    mimeType: 'text/x-python',
    buffer: Buffer.from('import time\nfor i in range(3):\n    time.sleep(0.02)\nprint("mine")\n'),
  });
  await app.run();
  await app.expectState('finished', 60_000);
  await expect(app.page.getByTestId('run-what')).toHaveText(/^mine\.py · CPython 3\.\d+\.\d+ · /);
  const runFile = await saved(app, 'Save run', testInfo.outputPath('mine.corescope.json'));

  // A fresh page: the form knows nothing of mine.py until the file is opened.
  await app.page.reload();
  await app.ready();
  await expect(app.page.getByLabel('Source', { exact: true })).toHaveValue('models');
  await app.page.getByTestId('open-file').setInputFiles(runFile);
  await expect(app.page.getByTestId('opened-name')).toContainText('mine.corescope.json');
  await expectPythonForm(app, 'opened', 'mine.py');
  await app.page.screenshot({ path: testInfo.outputPath('mine-reopened.png'), fullPage: true });

  await app.run();
  await app.expectState('finished', 60_000);
  await expect(app.alert).toHaveCount(0);
  await expect(app.page.getByTestId('script-view')).toContainText('mine.py');
  await expect(app.page.getByTestId('script-view').locator('pre')).toContainText('print("mine")');
});
