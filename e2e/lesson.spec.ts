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
  await app.fill({ Scenario: 'fib-sleep', Variant: 'blocking', Scale: 0.05 });
  await compareOnly(lab, ['sequential', 'async']);
  await lab.startCompare();
  await lab.expectCompare('finished', 80_000);
  const text = await lab.compareExplanation.innerText();
  expect(text).toMatch(
    /async (took about as long as|was slower than) sequential .*a blocking sleep held the event loop/,
  );
  expect(text).not.toContain('the event loop ran every task');
});

/** Runs in the page (this file is typed for Node): the core lanes' canvas pixels, as RGB hex counts. */
const CORE_PIXELS = `(() => {
  const el = document.querySelector('[data-testid="core-lanes"] canvas');
  const ctx = el && el.getContext('2d');
  if (!ctx) return {};
  const { data } = ctx.getImageData(0, 0, el.width, el.height);
  const out = {};
  for (let i = 0; i < data.length; i += 4) {
    const hex = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    const key = '#' + hex.toString(16).padStart(6, '0').toUpperCase();
    out[key] = (out[key] || 0) + 1;
  }
  return out;
})()`;

async function corePixels(app: {
  page: import('@playwright/test').Page;
}): Promise<Map<string, number>> {
  const counts: Record<string, number> = await app.page.evaluate(CORE_PIXELS);
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

/**
 * Runs in the page: a digest of every chart canvas's pixels (core, actor and task lanes: the
 * first part of a run may be all spawning, with nothing yet on the cores).
 */
const CORE_DIGEST = `(() => {
  let h = 0;
  for (const el of document.querySelectorAll('#panel-chart canvas')) {
    const ctx = el.getContext('2d');
    if (!ctx || el.width === 0 || el.height === 0) continue;
    const { data } = ctx.getImageData(0, 0, el.width, el.height);
    for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i] + data[i + 2]) | 0;
  }
  return h;
})()`;

async function coreDigest(app: { page: import('@playwright/test').Page }): Promise<number> {
  return Number(await app.page.evaluate(CORE_DIGEST));
}

test('replay draws while it plays, not only when paused', async ({ app }) => {
  // Two seconds of sleeps, on any machine (a compute run's length is the machine's speed): at
  // 0.1× its replay lasts 20 s, so the four moves of 50 ms of the run below (2 s and the polls)
  // are all seen while it still plays, and each grows the sleeping bars by tens of pixels.
  await app.finishedRun({ Scenario: 'say-after', Model: 'async', Scale: 1 });
  const bar = app.page.getByTestId('replay');
  await bar.getByLabel('Speed').selectOption('0.1');
  const cursor = async (): Promise<number> => Number(await bar.getAttribute('data-replay-us'));
  await bar.getByRole('button', { name: 'Replay' }).click();
  await expect(bar).toHaveAttribute('data-replay-state', 'playing');
  // Each time the replay position has moved on, the pixels must have changed too.
  const seen = new Set<number>();
  let last = await cursor();
  for (let i = 0; i < 4; i++) {
    await expect.poll(cursor).toBeGreaterThan(last + 50_000);
    last = await cursor();
    seen.add(await coreDigest(app));
  }
  await expect(bar).toHaveAttribute('data-replay-state', 'playing');
  expect(seen.size).toBeGreaterThanOrEqual(3);
});

/** "1.83 ms", "4.39 s", "850 µs" as ms. */
function parseMs(text: string): number {
  const m = /^([\d.]+)\s*(µs|ms|s)$/.exec(text.trim());
  if (m === null) throw new Error(`not a duration: ${text}`);
  const v = Number(m[1]);
  return m[2] === 's' ? v * 1000 : m[2] === 'µs' ? v / 1000 : v;
}

test('a sleeping run that used the CPU never reads "0.00 cores busy"', async ({ app }) => {
  await app.fill({ Scenario: 'say-after', Model: 'processes', Workers: 2, Tasks: 2, Scale: 0.2 });
  await app.run();
  await app.expectState('finished', 60_000);
  const figure = (label: string) =>
    app.summary.locator('.figures div', { hasText: label }).locator('dd');
  const cpuMs = parseMs(await figure('Total CPU time').innerText());
  const wallMs = parseMs(await figure('Wall time').innerText());
  const busy = (await app.summary.getByTestId('cores-busy').innerText()).trim();
  expect(cpuMs).toBeGreaterThan(0);
  // The figure is CPU time ÷ wall time, read from the two figures beside it.
  const ratio = cpuMs / wallMs;
  if (ratio < 0.005) expect(busy).toBe('<0.01');
  else expect(Math.abs(Number(busy) - ratio)).toBeLessThan(0.02);
  expect(busy).not.toBe('0.00');
});

test('the OS busy strip stands out from its background in every theme', async ({
  app,
}, testInfo) => {
  // Two busy threads: the OS sees the cores they ran on mostly busy, so the strip is dark on
  // light themes and light on the dark one. The OS is sampled every 100 ms: the run is sized to
  // last several samples on a machine a few times faster than this one (about 1.5 s of
  // computing here), or a sample straddling its start and end would be the busiest one drawn.
  await app.fill({ Scenario: 'cpu-bound', Model: 'threads', Workers: 2, Tasks: 4, Size: 400 });
  await app.run();
  await app.expectState('finished', 60_000);
  const busiest: Record<string, readonly string[]> = {
    Light: ['#505050', '#262626'],
    Dark: ['#BCC2CA', '#E6E9ED'],
    'High contrast': ['#262626', '#000000'],
  };
  const THEME_OF: Record<string, string> = {
    Light: 'light',
    Dark: 'dark',
    'High contrast': 'contrast',
  };
  for (const [label, shades] of Object.entries(busiest)) {
    await app.page.getByRole('combobox', { name: /^Theme/ }).selectOption({ label });
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', THEME_OF[label] ?? '');
    await expect
      .poll(async () => {
        const px = await corePixels(app);
        return shades.reduce((n, s) => n + (px.get(s) ?? 0), 0);
      }, label)
      .toBeGreaterThan(200);
    await app.coreLanes.screenshot({ path: testInfo.outputPath(`os-strip-${label}.png`) });
  }
});

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: import('@playwright/test').Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (b === null) throw new Error('element has no box (not rendered)');
  return b;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('presentation mode: a three-run Compare fits a 1080p screen, nothing under the axis', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await page.setViewportSize({ width: 1920, height: 1080 });
  const lab = new LabPage(page);
  await app.fill({ Scenario: 'fib-sleep', Variant: 'nonblocking', Scale: 0.02, Workers: 2 });
  await compareOnly(lab, ['sequential', 'async', 'threads']);
  await lab.compare.getByRole('heading', { name: 'Compare' }).click();
  await page.keyboard.press('p');
  await expect(page.getByTestId('wall-clock')).toBeVisible();
  await page.keyboard.press('c');
  await lab.expectCompare('finished', 90_000);
  await expect(lab.compareTable.locator('tbody tr')).toHaveCount(3);
  await lab.compare.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect.poll(async () => Math.round((await boxOf(lab.compare)).y)).toBeLessThan(2);

  // One screen holds the axis, the three runs (title and every lane) and the whole table.
  const axis = await boxOf(lab.compare.getByTestId('compare-axis'));
  const titles = await lab.compareRuns.locator('h4').all();
  expect(titles).toHaveLength(3);
  const runs = await lab.compareRuns.all();
  const table = await boxOf(lab.compareTable);
  expect(axis.y).toBeGreaterThanOrEqual(0);
  expect(table.y + table.height).toBeLessThanOrEqual(1080);
  for (const run of runs) {
    const b = await boxOf(run);
    expect(b.y).toBeGreaterThanOrEqual(axis.y + axis.height - 1);
    expect(b.y + b.height).toBeLessThanOrEqual(table.y + 1);
  }
  for (const t of titles) expect(overlaps(await boxOf(t), axis)).toBe(false);
  expect(overlaps(table, axis)).toBe(false);
  await page.screenshot({ path: testInfo.outputPath('compare-present-1080p.png') });

  // Scrolled down to the explanation, the axis has not followed to cover the titles or the table.
  const explanation = lab.compareExplanation;
  await explanation.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await expect(explanation).toBeInViewport();
  const axisNow = await boxOf(lab.compare.getByTestId('compare-axis'));
  for (const t of titles) expect(overlaps(await boxOf(t), axisNow)).toBe(false);
  expect(overlaps(await boxOf(lab.compareTable), axisNow)).toBe(false);
  expect(overlaps(await boxOf(explanation), axisNow)).toBe(false);
});

/** Runs in the page: records every text the sweep's progress line shows, in order. */
const RECORD_SWEEP_PROGRESS = `(() => {
  const seen = [];
  window.__sweepProgress = seen;
  const note = () => {
    const el = document.querySelector('[data-testid="sweep-progress"]');
    const t = el ? el.textContent.trim() : '';
    if (t && seen[seen.length - 1] !== t) seen.push(t);
  };
  new MutationObserver(note).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
  });
})()`;

test('a sweep says which run of how many, at which worker count, and how far it has got', async ({
  app,
}) => {
  const lab = new LabPage(app.page);
  await app.fill({ Scenario: 'say-after', Model: 'async', Tasks: 2, Scale: 0.3 });
  await app.page.getByLabel('Repeat', { exact: true }).fill('2');
  await app.page.evaluate(RECORD_SWEEP_PROGRESS);
  await lab.startSweep('1, 2');
  await lab.expectSweep('finished', 80_000);
  await expect(lab.sweep.getByTestId('sweep-progress')).toHaveCount(0);
  const seen: string[] = await app.page.evaluate('window.__sweepProgress');
  // Every run, in the loop's order (each worker count once, then again), with its repeat.
  // (Read from the page's record: the line shows only while the sweep goes on.)
  expect(seen[0]).toMatch(/^Run 1 of 4: /);
  const runs = [...new Set(seen.map((t) => t.split(' · ')[0]))];
  expect(runs).toEqual([
    'Run 1 of 4: 1 worker (repeat 1 of 2)',
    'Run 2 of 4: 2 workers (repeat 1 of 2)',
    'Run 3 of 4: 1 worker (repeat 2 of 2)',
    'Run 4 of 4: 2 workers (repeat 2 of 2)',
  ]);
  // The clock of a run ticks while it goes on, and its tasks are counted.
  const clocks = seen
    .filter((t) => t.startsWith('Run 1 of 4'))
    .map((t) => /· ([\d.]+ (?:µs|ms|s)) so far/.exec(t)?.[1])
    .filter((c): c is string => c !== undefined)
    .map(parseMs);
  expect(new Set(clocks).size).toBeGreaterThanOrEqual(2);
  expect(seen.some((t) => /of 2 tasks done$/.test(t))).toBe(true);
});
