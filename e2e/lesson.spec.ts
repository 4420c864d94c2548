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

/** Counts of canvas pixels (RGB hex) inside the core lanes, read from the drawn canvas. */
async function corePixels(app: {
  page: import('@playwright/test').Page;
}): Promise<Map<string, number>> {
  const counts = await app.page
    .getByTestId('core-lanes')
    .locator('canvas')
    .first()
    .evaluate((el) => {
      if (!(el instanceof HTMLCanvasElement)) return {};
      const ctx = el.getContext('2d');
      if (ctx === null) return {};
      const { data } = ctx.getImageData(0, 0, el.width, el.height);
      const out: Record<string, number> = {};
      for (let i = 0; i < data.length; i += 4) {
        const hex = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
        const key = `#${hex.toString(16).padStart(6, '0').toUpperCase()}`;
        out[key] = (out[key] ?? 0) + 1;
      }
      return out;
    });
  return new Map(Object.entries(counts));
}

test('core lanes paint actors in colours no state uses', async ({ app }, testInfo) => {
  await app.fill({ Scenario: 'cpu-bound', Model: 'threads', Workers: 2, Tasks: 4, Size: 60 });
  await app.run();
  await app.expectState('finished', 60_000);
  const px = await corePixels(app);
  const total = [...px.values()].reduce((a, b) => a + b, 0);
  // The first two actors' colours cover the busy cores...
  const actors = (px.get('#009E73') ?? 0) + (px.get('#6A3D9A') ?? 0);
  expect(actors / total).toBeGreaterThan(0.05);
  // ...and no state colour (running blue, GIL orange, blocked vermillion) is painted there.
  for (const state of ['#0072B2', '#E69F00', '#D55E00'])
    expect((px.get(state) ?? 0) / total, state).toBeLessThan(0.001);
  await app.coreLanes.screenshot({ path: testInfo.outputPath('core-lanes-actors.png') });
});
