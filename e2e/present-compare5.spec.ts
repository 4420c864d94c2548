// Presentation mode at 1080p: a Compare of all five models shows every run on the screen at once
// (stacked they ran to about 1,500 px; more than three go in two columns), names still 48 px.
// Measured as element boxes against the 1920×1080 viewport once the comparison has finished.
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { LabPage } from './pages/lab-page';
import { CORES } from './support/machine';

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (b === null) throw new Error('element has no box (not rendered)');
  return b;
}

// On this machine's cores, and on 4 faked ones (the core lanes then shrink to make room).
for (const fake of [undefined, 4]) {
  test.describe(() => {
    test.use({ fakeCores: fake });
    test(`1080p presentation with ${fake ?? CORES} cores: Compare of five runs puts every run inside the screen`, async ({
      app,
    }, testInfo) => {
      // Sixteen core lanes a run are 416 px even at the 24 px floor: five runs cannot fit.
      test.skip(
        (fake ?? CORES) > 4,
        'more than 4 core lanes a run do not fit five runs at the floor',
      );
      const page = app.page;
      await page.setViewportSize({ width: 1920, height: 1080 });
      const lab = new LabPage(page);
      // A short say-after: each of the five runs takes a few tens of ms of sleeps.
      await app.fill({ Scenario: 'say-after', Workers: 2, Scale: 0.02 });
      await lab.compare.getByRole('heading', { name: 'Compare' }).click();
      await page.keyboard.press('p');
      await expect(page.getByTestId('wall-clock')).toBeVisible();
      await page.keyboard.press('c');
      await lab.expectCompare('finished', 90_000);
      await expect(lab.compareRuns).toHaveCount(5);
      // The C key brought the comparison to the top of the screen; the page is still there.
      await expect
        .poll(async () => (await box(lab.compare)).y, { timeout: 5_000 })
        .toBeLessThan(540);
      await page.screenshot({ path: testInfo.outputPath('present-compare5.png') });
      for (const run of await lab.compareRuns.all()) {
        const b = await box(run);
        const name = (await run.getAttribute('data-model')) ?? '?';
        expect(b.y, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height, `${name} ends above the fold`).toBeLessThanOrEqual(1080);
        expect(b.x, `${name} left edge on screen`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `${name} right edge on screen`).toBeLessThanOrEqual(1920);
      }
      // Still hall-sized: run titles and actor names at 48 px, "CPU k" at 24 px or more.
      const px = async (l: Locator): Promise<number> =>
        Number(
          await l.evaluate((el) =>
            el.ownerDocument.defaultView?.getComputedStyle(el).fontSize.replace('px', ''),
          ),
        );
      const first = lab.compareRuns.first();
      expect(await px(first.locator('h4'))).toBeGreaterThanOrEqual(48);
      const [cores, actors] = [first.locator('.mini').nth(0), first.locator('.mini').nth(1)];
      expect(await px(cores.locator('.name').first())).toBeGreaterThanOrEqual(24);
      expect(await px(actors.locator('.name').first())).toBeGreaterThanOrEqual(48);
    });
  });
}
