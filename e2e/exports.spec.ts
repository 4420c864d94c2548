// PNG and SVG exports as a slide: time-axis labels laid out by the browser never overlap, the state
// legend lists the states drawn, and the actor key names every actor whose colour fills a core lane.
// Replay steps: an arrow key moves to the next slice boundary and the chart's pixels change.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { THREADS_RUN } from './pages/app-page';

interface SvgFacts {
  readonly error: boolean;
  /** Laid-out boxes of the axis labels, left to right. */
  readonly ticks: { text: string; left: number; right: number }[];
  readonly legend: string[];
  readonly actorKey: string[];
  readonly actorLanes: string[];
}

/** Lays the exported SVG out in the page (the browser's own fonts) and reads what it shows. */
async function svgFacts(page: Page, svg: string): Promise<SvgFacts> {
  const facts: unknown = await page.evaluate(`(() => {
    const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
    const host = document.createElement('div');
    host.style.position = 'absolute';
    host.style.left = '0';
    host.style.top = '0';
    host.append(document.importNode(doc.documentElement, true));
    document.body.append(host);
    const texts = (sel) => [...host.querySelectorAll(sel)].map((t) => t.textContent ?? '');
    const ticks = [...host.querySelectorAll('g.axis text')]
      .map((t) => { const b = t.getBoundingClientRect(); return { text: t.textContent ?? '', left: b.left, right: b.right }; })
      .sort((a, b) => a.left - b.left);
    const out = {
      error: doc.querySelector('parsererror') !== null,
      ticks,
      legend: texts('g.legend text'),
      actorKey: texts('g.actor-key text'),
      actorLanes: [...host.querySelectorAll('g.lane')].map((g) => g.getAttribute('data-name') ?? ''),
    };
    host.remove();
    return out;
  })()`);
  if (!isSvgFacts(facts)) throw new Error(`unexpected SVG facts: ${JSON.stringify(facts)}`);
  return facts;
}

function isSvgFacts(v: unknown): v is SvgFacts {
  if (typeof v !== 'object' || v === null) return false;
  const strings = (a: unknown): boolean =>
    Array.isArray(a) && a.every((x) => typeof x === 'string');
  return (
    'error' in v &&
    typeof v.error === 'boolean' &&
    'ticks' in v &&
    Array.isArray(v.ticks) &&
    v.ticks.every(
      (t: unknown) =>
        typeof t === 'object' &&
        t !== null &&
        'text' in t &&
        typeof t.text === 'string' &&
        'left' in t &&
        typeof t.left === 'number' &&
        'right' in t &&
        typeof t.right === 'number',
    ) &&
    'legend' in v &&
    strings(v.legend) &&
    'actorKey' in v &&
    strings(v.actorKey) &&
    'actorLanes' in v &&
    strings(v.actorLanes)
  );
}

function expectNoOverlap(ticks: SvgFacts['ticks']): void {
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < ticks.length; i++) {
    const a = ticks[i - 1];
    const b = ticks[i];
    if (a === undefined || b === undefined) continue;
    expect(a.right, `"${a.text}" runs into "${b.text}"`).toBeLessThan(b.left);
  }
}

test('SVG export at 1024 px: ticks apart, state legend and actor key', async ({
  app,
}, testInfo) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.finishedRun(THREADS_RUN);
  const svg = await app.download('Save SVG');
  const svgPath = testInfo.outputPath('export.svg');
  await svg.saveAs(svgPath);
  const facts = await svgFacts(app.page, readFileSync(svgPath, 'utf8'));
  expect(facts.error).toBe(false);
  expectNoOverlap(facts.ticks);
  // A threads run draws running bars: the legend names that state, and only states drawn.
  expect(facts.legend).toContain('running');
  expect(facts.legend).not.toContain('sleeping (awaiting)');
  // Both worker threads ran on the cores: each has a swatch and its name, as its actor lane is.
  const names = facts.actorKey.slice(1);
  expect(names.length).toBeGreaterThanOrEqual(2);
  for (const n of names) expect(facts.actorLanes).toContain(n);
  const png = await app.download('Save PNG');
  await png.saveAs(testInfo.outputPath('export.png'));
});

test('PNG export in presentation mode (S) at 1024 px', async ({ app }, testInfo) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.finishedRun(THREADS_RUN);
  await app.page.locator('body').click({ position: { x: 5, y: 5 } });
  await app.page.keyboard.press('p');
  await expect(app.page.getByTestId('wall-clock')).toBeVisible();
  const wait = app.page.waitForEvent('download');
  await app.page.keyboard.press('s');
  const png = await wait;
  const path = testInfo.outputPath('presentation.png');
  await png.saveAs(path);
  expect(readFileSync(path).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
});

test('replay: the slider arrow steps to the next slice boundary and the chart changes', async ({
  app,
}, testInfo) => {
  await app.finishedRun(THREADS_RUN);
  // The run's own slices, from its saved file: where the events are.
  const file = await app.download('Save run');
  const filePath = testInfo.outputPath('run.corescope.json');
  await file.saveAs(filePath);
  const run: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
  const slices =
    typeof run === 'object' && run !== null && 'slices' in run && Array.isArray(run.slices)
      ? run.slices.map(Number)
      : [];
  const bounds = new Set<number>();
  for (let i = 0; i + 6 < slices.length; i += 7) {
    bounds.add(Math.round(slices[i + 5] ?? -1));
    bounds.add(Math.round(slices[i + 6] ?? -1));
  }
  expect(bounds.size).toBeGreaterThan(4);
  const endUs = Math.max(...bounds);

  const bar = app.page.getByTestId('replay');
  const cursor = async (): Promise<number> => Number(await bar.getAttribute('data-replay-us'));
  await bar.getByRole('button', { name: 'Replay' }).click();
  await expect(bar).not.toHaveAttribute('data-replay-state', 'off');
  // Scrubbing pauses: back to the start, whether or not the short replay has already ended
  // (pressing Pause would race it on a busy machine).
  const slider = bar.getByLabel('Replay position');
  await slider.fill('0');
  await expect(bar).toHaveAttribute('data-replay-state', 'paused');
  await expect(bar).toHaveAttribute('data-replay-us', '0');
  await slider.focus();
  const canvas = app.coreLanes.locator('canvas').first();
  let before = await cursor();
  let pixels = await canvas.screenshot();
  for (let i = 0; i < 3; i++) {
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(cursor).toBeGreaterThan(before);
    const at = await cursor();
    // The next event, not one µs on: a slice starts or ends exactly there (µs, rounded).
    expect(bounds.has(at) || bounds.has(at - 1) || bounds.has(at + 1), `${at} µs`).toBe(true);
    await expect.poll(async () => (await canvas.screenshot()).equals(pixels)).toBe(false);
    pixels = await canvas.screenshot();
    before = at;
  }
  await app.page.keyboard.press('Shift+ArrowRight');
  await expect.poll(cursor).toBeGreaterThanOrEqual(Math.min(endUs, before + 0.05 * endUs - 1));
  const far = await cursor();
  await app.page.keyboard.press('ArrowLeft');
  await expect.poll(cursor).toBeLessThan(far);
});
