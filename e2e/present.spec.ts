// Presentation mode at projection sizes, measured in the browser: computed font sizes and element
// boxes (what the hall sees), not attributes. docs/design.md: lane labels and legend ≥ 48 px, ticks
// ≥ 36 px. Also the narrow-window (1024 px) layouts, where nothing may fall off the right edge.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app-page';
import { LabPage } from './pages/lab-page';
import { CORES } from './support/machine';

/** The smallest "CPU k" presentation mode shrinks core lanes to before they scroll. */
const FLOOR = 24;

/** Computed font size in px of the first element matching `selector` (runs in the page). */
async function fontPx(page: Page, selector: string): Promise<number> {
  return Number(
    await page.evaluate(
      `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize)`,
    ),
  );
}

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (b === null) throw new Error('element has no box (not rendered)');
  return b;
}

/** Compare of sequential and threads on a short say-after, in presentation mode. */
async function presentedCompare(app: AppPage): Promise<LabPage> {
  const lab = new LabPage(app.page);
  await app.fill({ Scenario: 'say-after', Scale: 0.02 });
  for (const model of ['async', 'gil-threads', 'processes'])
    await lab.compare.getByLabel(model, { exact: true }).uncheck();
  // Focus leaves the checkboxes (a key typed into a field is not a shortcut).
  await lab.compare.getByRole('heading', { name: 'Compare' }).click();
  await app.page.keyboard.press('p');
  await expect(app.page.getByTestId('wall-clock')).toBeVisible();
  await app.page.keyboard.press('c');
  await lab.expectCompare('finished', 60_000);
  await expect(lab.compareTable.locator('tbody tr')).toHaveCount(2);
  return lab;
}

test('presentation mode: Compare at projection sizes, and C brings it into view', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1920, height: 1080 });
  const lab = await presentedCompare(app);
  // The C key scrolled the comparison to the top of the screen.
  await expect
    .poll(async () => (await box(lab.compare)).y, { timeout: 5_000 })
    .toBeLessThan(1080 / 2);
  expect((await box(lab.compare)).y).toBeGreaterThanOrEqual(-1);
  const c = '[data-testid="compare"]';
  expect(await fontPx(page, `${c} h2`)).toBeGreaterThanOrEqual(48);
  expect(await fontPx(page, `${c} [data-testid="compare-run"] h4`)).toBeGreaterThanOrEqual(48);
  expect(await fontPx(page, `${c} .names .name`)).toBeGreaterThanOrEqual(48);
  expect(await fontPx(page, `${c} svg.axis .tick text`)).toBeGreaterThanOrEqual(36);
  expect(await fontPx(page, `${c} [data-testid="compare-table"] td`)).toBeGreaterThanOrEqual(36);
  // A 48 px name must fit its lane: each name's box is at least as tall as its font.
  const name = lab.compare.locator('.names .name').first();
  expect((await box(name)).height).toBeGreaterThanOrEqual(48);
  // Every tick label lies within the axis (none cut at the right end).
  const axis = await box(lab.compare.getByTestId('compare-axis'));
  for (const t of await lab.compare.locator('svg.axis .tick text').all()) {
    if (!(await t.isVisible())) continue;
    const b = await box(t);
    expect(b.x + b.width).toBeLessThanOrEqual(axis.x + axis.width + 1);
  }
});

test('presentation mode: actor swatches in proportion to their 48 px names', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.fill({ Scenario: 'cpu-bound', Model: 'threads', Workers: 2, Tasks: 2, Size: 20 });
  await app.run();
  await app.expectState('finished', 60_000);
  await page.keyboard.press('p');
  const chip = page.locator('.chip').first();
  const name = page.locator('.actor-name .name').first();
  expect(await fontPx(page, '.actor-name .name')).toBeGreaterThanOrEqual(48);
  const c = await box(chip);
  expect(c.width).toBeGreaterThanOrEqual(30);
  expect(c.height).toBeGreaterThanOrEqual(30);
  // Swatch and name stay side by side, the name not pushed out of the label column.
  expect((await box(name)).x).toBeGreaterThanOrEqual(c.x + c.width);
});

test('the ? dialog opens at its top: title and the Space row in view', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const d = await box(dialog);
  const title = await box(dialog.getByRole('heading', { name: 'Keyboard shortcuts' }));
  expect(title.y).toBeGreaterThanOrEqual(d.y);
  expect(title.y).toBeGreaterThanOrEqual(0);
  const space = await box(dialog.locator('kbd', { hasText: 'Space' }));
  expect(space.y).toBeGreaterThanOrEqual(d.y);
  expect(space.y + space.height).toBeLessThanOrEqual(d.y + d.height);
});

/** Asserts `inner` lies within `outer` horizontally (1 px of rounding allowed). */
function within(
  inner: { x: number; width: number },
  outer: { x: number; width: number },
  what: string,
): void {
  expect(inner.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x - 1);
  expect(inner.x + inner.width, `${what}: right edge`).toBeLessThanOrEqual(
    outer.x + outer.width + 1,
  );
}

/** Whether the element scrolls sideways (its content is wider than its box). */
async function scrollsSideways(l: Locator): Promise<boolean> {
  return l.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
}

test('1024 px window: the Library keeps Open, Rename and Delete inside the window', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  await app.fill({ Scenario: 'say-after', Scale: 0.02 });
  await app.run();
  await app.expectState('finished', 60_000);
  const library = page.getByTestId('library');
  const entry = library.getByTestId('library-entry').first();
  await expect(entry).toBeVisible();
  await entry.scrollIntoViewIfNeeded();
  const card = await box(library);
  const screen = { x: 0, width: 1024 };
  for (const name of [/^Open /, /^Rename /, /^Delete /]) {
    const b = await box(entry.getByRole('button', { name }));
    within(b, screen, `${String(name)} in the window`);
    within(b, card, `${String(name)} in the Library`);
  }
  expect(await scrollsSideways(library.locator('.scroll'))).toBe(false);
  // Asking to delete keeps its two buttons in view too.
  await entry.getByRole('button', { name: /^Delete / }).click();
  for (const name of ['Delete', 'Cancel']) {
    const b = await box(entry.getByRole('button', { name, exact: true }));
    within(b, screen, `${name} (confirm) in the window`);
  }
});

test('1024 px window: every Compare column, GIL wait included, fits without scrolling', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  const lab = new LabPage(page);
  // Tasks long enough (about 0.7 s of computing each here, a few tenths of a second on a
  // machine a few times faster) that the second thread has started while the first still has
  // work: with tiny tasks the first thread may take them all before the other is up (seen: one
  // 536 ms run, no wait), no thread waits for the GIL and the column is rightly left out.
  await app.fill({ Scenario: 'cpu-bound', Workers: 2, Tasks: 4, Size: 400 });
  for (const model of ['async', 'threads', 'processes'])
    await lab.compare.getByLabel(model, { exact: true }).uncheck();
  await lab.startCompare();
  await lab.expectCompare('finished', 60_000);
  const table = lab.compareTable;
  // Two CPU-bound threads on one lock wait for it: the GIL column is there to be seen.
  await expect(table.getByRole('columnheader', { name: 'GIL wait' })).toBeVisible();
  await table.scrollIntoViewIfNeeded();
  expect(await scrollsSideways(lab.compare.locator('.wrap'))).toBe(false);
  const wrap = await box(lab.compare.locator('.wrap'));
  const cells = await table.locator('thead th, tbody td, tbody th').all();
  expect(cells.length).toBeGreaterThan(10);
  for (const c of cells) {
    const b = await box(c);
    within(b, wrap, `cell "${await c.innerText()}"`);
    within(b, { x: 0, width: 1024 }, `cell "${await c.innerText()}" in the window`);
  }
});

/** Asserts `b` lies wholly on a `width`×`height` screen. */
function onScreen(
  b: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
  what: string,
): void {
  expect(b.y, `${what}: top`).toBeGreaterThanOrEqual(-1);
  expect(b.y + b.height, `${what}: bottom`).toBeLessThanOrEqual(height + 1);
  within(b, { x: 0, width }, what);
}

/** The default run (cpu-bound under processes, 2 workers), shortened, then presentation mode. */
async function presentedDefaultRun(app: AppPage, width: number, height: number): Promise<void> {
  await app.page.setViewportSize({ width, height });
  await app.fill({ Workers: 2, Size: 40 });
  await app.run();
  await app.expectState('finished', 60_000);
  await app.page.keyboard.press('p');
  await expect(app.page.getByTestId('present-summary')).toBeVisible();
  // The page itself is not scrolled: what is measured is the first view.
  await app.page.evaluate('window.scrollTo(0, 0)');
}

test('1080p presentation: axis, every CPU and actor lane, legend and summary on one screen', async ({
  app,
}) => {
  const page = app.page;
  await presentedDefaultRun(app, 1920, 1080);
  onScreen(await box(page.locator('svg.axis').first()), 1920, 1080, 'time axis');
  expect(await fontPx(page, 'svg.axis .tick text')).toBeGreaterThanOrEqual(36);
  const cores = page.locator('[data-testid="core-lanes"] .label');
  const actors = page.locator('section[aria-labelledby="h-actors"] .label');
  // A lane per logical core of this machine, however many it has.
  await expect(cores).toHaveCount(CORES);
  await expect(actors).toHaveCount(2);
  for (const l of [...(await cores.all()), ...(await actors.all())]) {
    onScreen(await box(l), 1920, 1080, `lane "${await l.innerText()}"`);
  }
  // Each lane's canvas, not only its name, is on screen.
  for (const section of ['h-cores', 'h-actors']) {
    const canvas = page.locator(`section[aria-labelledby="${section}"] canvas`);
    onScreen(await box(canvas), 1920, 1080, `${section} canvas`);
  }
  // 48 px "CPU k" while up to 4 cores fit 1080p at that size; more cores shrink to fit (below).
  expect(await fontPx(page, '[data-testid="core-lanes"] .core-name')).toBeGreaterThanOrEqual(
    CORES <= 4 ? 48 : FLOOR,
  );
  expect(await fontPx(page, '.actor-name .name')).toBeGreaterThanOrEqual(48);
  const legend = page.getByRole('list', { name: 'Legend' });
  onScreen(await box(legend), 1920, 1080, 'legend');
  expect(await fontPx(page, '.legend li span')).toBeGreaterThanOrEqual(48);
  const summary = page.getByTestId('present-summary');
  onScreen(await box(summary), 1920, 1080, 'summary');
  expect(await fontPx(page, '[data-testid="present-summary"] li')).toBeGreaterThanOrEqual(48);
  await expect(summary.locator('[data-key="cores"]')).toHaveText(/^\d+\.\d\d cores busy/);
  await expect(summary.locator('[data-key="tasks"]')).toHaveText(/^4\/4 tasks/);
  onScreen(await box(page.getByTestId('wall-clock')), 1920, 1080, 'wall clock');
});

test('1024×700 presentation: the axis and the core and actor lanes are on the first screen', async ({
  app,
}) => {
  const page = app.page;
  await presentedDefaultRun(app, 1024, 700);
  onScreen(await box(page.locator('svg.axis').first()), 1024, 700, 'time axis');
  for (const l of await page.locator('[data-testid="core-lanes"] .label').all())
    onScreen(await box(l), 1024, 700, `lane "${await l.innerText()}"`);
  onScreen(
    await box(page.locator('section[aria-labelledby="h-cores"] canvas')),
    1024,
    700,
    'core lanes canvas',
  );
  for (const l of await page.locator('section[aria-labelledby="h-actors"] .label').all())
    onScreen(await box(l), 1024, 700, `lane "${await l.innerText()}"`);
  // 48 px "CPU k" while 2 cores fit 700 px at that size; more cores shrink to fit (below).
  expect(await fontPx(page, '[data-testid="core-lanes"] .core-name')).toBeGreaterThanOrEqual(
    CORES <= 2 ? 48 : FLOOR,
  );
  expect(await fontPx(page, 'svg.axis .tick text')).toBeGreaterThanOrEqual(36);
  // Every tick label ends inside the axis, the last one included (never "1000 m").
  const axis = await box(page.locator('svg.axis').first());
  for (const t of await page.locator('svg.axis').first().locator('.tick text').all()) {
    if (await t.isVisible()) within(await box(t), axis, `tick "${await t.textContent()}"`);
  }
});

// A lecturer's laptop has 8 or 16 logical cores: the host is started with os.cpus() reporting
// that many (e2e/support/fake-cores.cjs; its workers and child processes see the real machine,
// and the run below still finishes on it). Core lanes shrink with the count to fit the window,
// never below the 24 px floor; past the floor the axis and the actor lanes stay on the first
// screen and the remaining core lanes scroll inside their panel, which says so.
for (const fake of [8, 16]) {
  for (const [width, height] of [
    [1920, 1080],
    [1024, 700],
  ] as const) {
    test.describe(`${fake} cores`, () => {
      test.use({ fakeCores: fake });
      test(`${width}×${height} presentation with ${fake} cores: axis, core lanes (or their scroll), actor lanes on the first screen`, async ({
        app,
      }, testInfo) => {
        const page = app.page;
        await presentedDefaultRun(app, width, height);
        onScreen(await box(page.locator('svg.axis').first()), width, height, 'time axis');
        const cores = page.locator('[data-testid="core-lanes"] .label');
        await expect(cores).toHaveCount(fake);
        const actors = page.locator('section[aria-labelledby="h-actors"] .label');
        await expect(actors).toHaveCount(2);
        for (const l of await actors.all())
          onScreen(await box(l), width, height, `lane "${await l.innerText()}"`);
        onScreen(
          await box(page.locator('section[aria-labelledby="h-actors"] canvas')),
          width,
          height,
          'actor lanes canvas',
        );
        const coreFont = await fontPx(page, '[data-testid="core-lanes"] .core-name');
        expect(coreFont).toBeGreaterThanOrEqual(FLOOR);
        // The name follows the bar: "CPU k" at line-height 1 fills its lane's bar.
        const first = await box(cores.first());
        expect(first.height).toBeGreaterThanOrEqual(coreFont);
        const panel = page.locator('[data-testid="core-lanes"] .scroller');
        onScreen(await box(panel), width, height, 'core lanes panel');
        const note = page.getByTestId('cores-scroll-note');
        const scrolls = await panel.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
        if (!scrolls) {
          await expect(note).toHaveCount(0);
          for (const l of await cores.all())
            onScreen(await box(l), width, height, `lane "${await l.innerText()}"`);
        } else {
          // Past the floor: the lanes in view are whole and on screen, the note names the rest.
          expect(coreFont).toBe(FLOOR);
          await expect(note).toBeVisible();
          onScreen(await box(note), width, height, 'scroll note');
          const panelBox = await box(panel);
          let shown = 0;
          for (const l of await cores.all()) {
            const b = await box(l);
            if (b.y + b.height <= panelBox.y + panelBox.height + 1) {
              onScreen(b, width, height, `lane "${await l.innerText()}"`);
              shown++;
            }
          }
          expect(shown).toBeGreaterThan(0);
          expect(shown).toBeLessThan(fake);
          await expect(note).toHaveText(`CPU ${shown}–${fake - 1} below: scroll`);
          // Scrolling the panel brings the last core lane into its view.
          await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
          const last = await box(cores.last());
          expect(last.y + last.height).toBeLessThanOrEqual(panelBox.y + panelBox.height + 1);
          expect(last.y).toBeGreaterThanOrEqual(panelBox.y - 1);
        }
        if (width === 1920) {
          onScreen(await box(page.getByRole('list', { name: 'Legend' })), width, height, 'legend');
          onScreen(await box(page.getByTestId('present-summary')), width, height, 'summary');
        }
        // The run used the real machine: its 4 tasks finished (presentedDefaultRun waited).
        await expect(page.getByTestId('present-summary').locator('[data-key="tasks"]')).toHaveText(
          /^4\/4 tasks/,
        );
        await page.screenshot({
          path: testInfo.outputPath(`present-${fake}-${width}x${height}.png`),
        });
        await testInfo.attach('first-core-lane', {
          body: JSON.stringify({
            first,
            coreFont,
            scrolls,
            note: scrolls ? await note.innerText() : '',
          }),
          contentType: 'application/json',
        });
      });
    });
  }
}

test('presentation mode: choose scenario, variant and model from the keyboard, run, read the speedup', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.fill({ Scale: 0.05 });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  const scenario = page.getByLabel('Scenario to run', { exact: true });
  // Tab reaches the scenario choice (focus starts on the page).
  let reached = false;
  for (let i = 0; i < 6 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached =
      (await page.evaluate('document.activeElement?.getAttribute("aria-label")')) ===
      'Scenario to run';
  }
  expect(reached).toBe(true);
  expect(await fontPx(page, '[data-testid="present-head"] select')).toBeGreaterThanOrEqual(48);
  onScreen(await box(scenario), 1920, 1080, 'scenario choice');
  await scenario.selectOption('fib-sleep');
  const variant = page.getByLabel('Variant to run', { exact: true });
  await variant.selectOption('nonblocking');
  const model = page.getByLabel('Model to run', { exact: true });
  await model.selectOption('sequential');
  // The side form (hidden here) follows: it is the same run form.
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('fib-sleep');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('sequential');
  // The hall's time scale is kept across the change of scenario.
  await expect(page.getByLabel('Scale', { exact: true })).toHaveValue('0.05');
  await page.getByRole('button', { name: 'Run', exact: true }).focus();
  await page.keyboard.press('Enter');
  await app.expectState('finished', 60_000);
  const summary = page.getByTestId('present-summary');
  await expect(summary.locator('[data-key="tasks"]')).toBeVisible();
  await expect(summary.locator('[data-key="speedup"]')).toHaveCount(0);
  // The 2 key and the select agree; the second run is compared with the first.
  await page.locator('body').click({ position: { x: 5, y: 900 } });
  await page.keyboard.press('2');
  await expect(model).toHaveValue('async');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // Figures show only for a finished run: the speedup appears when the async run is done.
  await expect(summary.locator('[data-key="speedup"]')).toHaveText(/^\d+\.\d\d× vs sequential/, {
    timeout: 60_000,
  });
  await app.expectState('finished');
  onScreen(await box(summary), 1920, 1080, 'summary');
});
