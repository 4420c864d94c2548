// The Compare and Sweep panels say what their buttons will run for the run form's source: the
// form's scenario and model, or (source Python) that Sweep cannot run a script and which examples
// Compare runs. Read from the page's text, in both directions of the Source switch.
import { test, expect } from './fixtures';
import { LabPage } from './pages/lab-page';

test('Sweep and Compare hints follow the run form between the models and Python', async ({
  app,
}, testInfo) => {
  const page = app.page;
  const lab = new LabPage(page);
  const sweepHint = lab.sweep.getByTestId('sweep-hint');
  const compareHint = lab.compare.getByTestId('compare-hint');
  const sweepButton = lab.sweep.getByRole('button', { name: 'Sweep', exact: true });
  await app.fill({ Scenario: 'cpu-bound', Model: 'threads' });
  await expect(sweepHint).toHaveText(
    "Runs the form's scenario (CPU-bound: N equal computations) under its model (threads) once per worker count in the list (1 is always included), one run after another.",
  );
  await expect(compareHint).toHaveText(
    "Runs the form's scenario (CPU-bound: N equal computations) under the 5 checked models, one after another.",
  );
  await lab.compare.getByLabel('async', { exact: true }).uncheck();
  await expect(compareHint).toContainText('under the 4 checked models');
  await expect(sweepButton).toBeEnabled();

  await app.pythonSource();
  await expect(sweepHint).toHaveText(
    "Sweep runs CoreScope's models only (a Python script sets its own workers): set Source to CoreScope's models to sweep.",
  );
  await expect(sweepButton).toBeDisabled();
  // The form's cpu_threads.py is among the three examples checked by default.
  await expect(compareHint).toHaveText(
    "Runs the 3 checked Python examples on CPython, one after another, at the form's Scale.",
  );
  await lab.compare.getByLabel('cpu_threads.py', { exact: true }).uncheck();
  await expect(compareHint).toHaveText(
    "Runs the 2 checked Python examples on CPython, one after another, at the form's Scale. The form's script, cpu_threads.py, is not checked, so it is not among them.",
  );
  for (const hint of [sweepHint, compareHint]) {
    await expect(hint).not.toContainText('scenario');
    await expect(hint).not.toContainText('model (');
  }
  await page.locator('main').screenshot({ path: testInfo.outputPath('lab-hints-python.png') });

  await page.getByLabel('Source', { exact: true }).selectOption('models');
  await expect(sweepHint).toContainText(
    "Runs the form's scenario (CPU-bound: N equal computations)",
  );
  await expect(compareHint).toContainText('under the 4 checked models');
  await expect(sweepButton).toBeEnabled();
});

test('Compare with nothing checked says it did not start, and why', async ({ app }) => {
  const lab = new LabPage(app.page);
  for (const model of ['sequential', 'async', 'threads', 'gil-threads', 'processes'])
    await lab.compare.getByLabel(model, { exact: true }).uncheck();
  await expect(lab.compare.getByTestId('compare-hint')).toHaveText(
    'Check at least one model to compare.',
  );
  await lab.startCompare();
  await lab.expectCompare('error');
  await expect(lab.compare.getByTestId('compare-status')).toHaveText(
    'Not started: Check at least one model to compare.',
  );
});
