// "Draw after the run": while such a run goes on, nothing is drawn (the chart keeps the previous
// run's pixels exactly, not even cleared at the start) and only the clock and progress move; at
// the end the run is drawn in full.
// Defaults: single runs live, Compare and Sweep runs drawn after; the choice survives a reload.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './pages/lab-page';

/** Page script: a digest of every canvas under `selector`, and how many there are. */
function digestScript(selector: string): string {
  return `(() => {
    let h = 0;
    let n = 0;
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      const ctx = el.getContext('2d');
      if (!ctx || el.width === 0 || el.height === 0) continue;
      const { data } = ctx.getImageData(0, 0, el.width, el.height);
      for (let i = 0; i < data.length; i += 4)
        h = (h * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
      n++;
    }
    return n + ':' + h;
  })()`;
}

async function digest(page: Page, selector: string): Promise<string> {
  return String(await page.evaluate(digestScript(selector)));
}

/** What the page showed in the first animation frame in which some task of the run was done. */
interface MidRun {
  /** The progress line's text. */
  readonly progress: string;
  /** Each asked attribute's value ('' where the element or attribute is missing). */
  readonly attrs: Record<string, string>;
  readonly digest: string;
}

/**
 * Watches the page for the first moment the progress line `progress` counts a task done, and
 * reads at that moment, in the page, the attributes `attrs` names (name → [selector, attribute])
 * and the digest of the canvases under `canvases`. The look is taken by a MutationObserver, in
 * the same task as the change: a fast machine may end the run soon after, and a look from the
 * test a poll later would find the finished run instead.
 */
async function lookMidRun(
  page: Page,
  progress: string,
  attrs: Record<string, readonly [string, string]>,
  canvases: string,
): Promise<MidRun> {
  await page.evaluate(`(() => {
    window.__midRun = null;
    const look = () => {
      const p = document.querySelector(${JSON.stringify(progress)});
      const text = p ? String(p.textContent) : '';
      if (!/[1-9]\\d* of \\d+ tasks done/.test(text)) return false;
      const attrs = {};
      for (const [name, [selector, attribute]] of Object.entries(${JSON.stringify(attrs)})) {
        const el = document.querySelector(selector);
        attrs[name] = (el && el.getAttribute(attribute)) || '';
      }
      window.__midRun = { progress: text, attrs, digest: ${digestScript(canvases)} };
      return true;
    };
    if (look()) return;
    const watcher = new MutationObserver(() => {
      if (look()) watcher.disconnect();
    });
    watcher.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  })()`);
  await expect
    .poll(() => page.evaluate('window.__midRun !== null'), { timeout: 60_000 })
    .toBe(true);
  return (await page.evaluate('window.__midRun')) as MidRun;
}

const switches = (page: Page) => ({
  run: page.getByRole('checkbox', { name: 'Single runs' }),
  lab: page.getByRole('checkbox', { name: 'Compare and Sweep runs' }),
});

test('defaults: single runs live, Compare and Sweep drawn after; the choice is remembered', async ({
  app,
}) => {
  const s = switches(app.page);
  await expect(s.run).not.toBeChecked();
  await expect(s.lab).toBeChecked();
  await s.run.check();
  await s.lab.uncheck();
  await app.page.reload();
  await app.ready();
  await expect(s.run).toBeChecked();
  await expect(s.lab).not.toBeChecked();
});

test('a single run drawn after it ends: canvas unchanged while it runs, drawn at the end', async ({
  app,
}) => {
  const chart = '#panel-chart canvas';
  // A first run drawn live, so the chart holds something the deferred run must leave alone.
  await app.finishedRun({
    Scenario: 'cpu-bound',
    Model: 'threads',
    Workers: 2,
    Tasks: 2,
    Size: 50,
  });
  await expect
    .poll(async () => Number(await app.coreLanes.getAttribute('data-drawn-slices')))
    .toBeGreaterThan(0);
  // Two frames later the finished run's drawing has settled.
  await app.page.evaluate(
    'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
  );
  const early = await digest(app.page, chart);
  expect(early).not.toBe('0:0');
  const drawnBefore = (await app.coreLanes.getAttribute('data-drawn-slices')) ?? '';
  await switches(app.page).run.check();
  await app.fill({ Scenario: 'cpu-bound', Model: 'threads', Workers: 2, Tasks: 4, Size: 400 });
  await app.run();
  const progress = app.page.getByTestId('run-progress');
  // The progress line ticks: once some task is done, well into the run, nothing was drawn.
  const mid = await lookMidRun(
    app.page,
    '[data-testid="run-progress"]',
    {
      state: ['[data-run-state]:not(body)', 'data-run-state'],
      drawn: ['[data-testid="core-lanes"]', 'data-drawn-slices'],
    },
    chart,
  );
  // The previous run's pixels, unchanged: the start did not clear them and nothing was drawn.
  expect(mid.attrs.state, mid.progress).toBe('running');
  expect(mid.digest, mid.progress).toBe(early);
  expect(mid.attrs.drawn, mid.progress).toBe(drawnBefore);
  await app.expectState('finished', 60_000);
  await expect(progress).toHaveCount(0);
  // At the end the new run is drawn in full: the lanes hold its slices, the pixels changed.
  await expect.poll(() => digest(app.page, chart)).not.toBe(early);
  const perCore = await app.coreSlices();
  expect(perCore.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
});

test('a single run with the switch off draws while it runs', async ({ app }) => {
  await app.fill({ Scenario: 'cpu-bound', Model: 'threads', Workers: 2, Tasks: 4, Size: 400 });
  await app.run();
  await app.expectState('running');
  await expect(app.page.getByTestId('run-progress')).toHaveCount(0);
  // The moment slices are first on the canvas, the run still goes on.
  await app.page.evaluate(`(() => {
    window.__stateWhenDrawn = null;
    const lanes = document.querySelector('[data-testid="core-lanes"]');
    const root = document.querySelector('[data-run-state]:not(body)');
    const look = () => {
      if (Number(lanes.getAttribute('data-drawn-slices')) <= 0) return false;
      window.__stateWhenDrawn = root.getAttribute('data-run-state');
      return true;
    };
    if (look()) return;
    const watcher = new MutationObserver(() => {
      if (look()) watcher.disconnect();
    });
    watcher.observe(lanes, { attributes: true, attributeFilter: ['data-drawn-slices'] });
  })()`);
  await expect
    .poll(() => app.page.evaluate('window.__stateWhenDrawn'), { timeout: 60_000 })
    .not.toBeNull();
  expect(await app.page.evaluate('window.__stateWhenDrawn')).toBe('running');
  await app.expectState('finished', 60_000);
});

test('Compare runs are drawn after each ends by default', async ({ app }) => {
  const lab = new LabPage(app.page);
  await app.fill({ Scenario: 'cpu-bound', Workers: 2, Tasks: 4, Size: 400 });
  for (const m of ['sequential', 'async', 'gil-threads', 'processes'])
    await lab.compare.getByRole('checkbox', { name: m, exact: true }).uncheck();
  await lab.startCompare();
  await lab.expectCompare('running');
  const run = lab.compareRuns.first();
  await expect(run).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  const canvases = '[data-testid="compare-run"] canvas';
  const early = await digest(app.page, canvases);
  // Still running, some time later: the first slices have long arrived, none were drawn.
  const mid = await lookMidRun(
    app.page,
    '[data-testid="compare-progress"]',
    {
      state: ['[data-testid="compare-run"]', 'data-state'],
      slices: ['[data-testid="compare-run"]', 'data-core-slices'],
    },
    canvases,
  );
  expect(mid.attrs.state, mid.progress).toBe('running');
  expect(mid.attrs.slices, mid.progress).toMatch(/^[0,]*$/);
  expect(mid.digest, mid.progress).toBe(early);
  await lab.expectCompare('finished', 120_000);
  expect((await run.getAttribute('data-core-slices')) ?? '').toMatch(/[1-9]/);
  expect(await digest(app.page, canvases)).not.toBe(early);
});
