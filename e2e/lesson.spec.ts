// The lessons Compare teaches, read as a student reads them: the sentences and the table cells on
// the page, after real runs in the browser host. Waits on data-compare-state, never on sleeps.
import { test, expect } from './fixtures';
import { LabPage } from './pages/lab-page';

async function compareOnly(lab: LabPage, keep: readonly string[]): Promise<void> {
  for (const model of ['sequential', 'async', 'threads', 'gil-threads', 'processes']) {
    const box = lab.compare.getByLabel(model, { exact: true });
    if (keep.includes(model)) await box.check();
    else await box.uncheck();
  }
}

test('Compare explains async on waiting work as overlapped waits, not noise', async ({
  app,
}, testInfo) => {
  const lab = new LabPage(app.page);
  await app.fill({ Scenario: 'fib-sleep', Variant: 'nonblocking', Scale: 0.05 });
  await compareOnly(lab, ['sequential', 'async']);
  await lab.startCompare();
  await lab.expectCompare('finished', 80_000);
  const text = await lab.compareExplanation.innerText();
  expect(text).toMatch(/async reached [\d.]+× on 1 core without more cores/);
  expect(text).toContain('overlapped those waits');
  expect(text).not.toMatch(/noisy/i);
  // The speedup cell is not flagged, and efficiency (speedup ÷ cores) is not printed for waiting work.
  const asyncRow = lab.compareTable.locator('tbody tr[data-model="async"]');
  await expect(asyncRow.locator('td[data-col="speedup"]')).not.toHaveClass(/noisy/);
  await expect(asyncRow.locator('td[data-col="efficiency"]')).toHaveText('—');
  await expect(lab.compareTable.locator('caption')).toContainText('this work mostly waits');
  await lab.compare.screenshot({ path: testInfo.outputPath('compare-fib-nonblocking.png') });
});

test('Compare names the blocking sleep as why async fib was no faster', async ({ app }) => {
  const lab = new LabPage(app.page);
  await app.fill({ Scenario: 'fib-sleep', Variant: 'blocking', Scale: 0.02 });
  await compareOnly(lab, ['sequential', 'async']);
  await lab.startCompare();
  await lab.expectCompare('finished', 80_000);
  const text = await lab.compareExplanation.innerText();
  expect(text).toMatch(
    /async took about as long as sequential .*a blocking sleep held the event loop/,
  );
  expect(text).not.toContain('the event loop ran every task');
});
