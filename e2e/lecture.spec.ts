// Lecture mode in the browser host: presentation mode in every theme (screenshots), shortcuts,
// slow-motion replay at 0.1×, PNG and SVG snapshots, saving a run and reopening it, importing a
// foreign Chrome trace, and refusing a corrupt file. Waits on data-* hooks and page signals,
// never fixed sleeps.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { test, expect } from './fixtures';
import { THREADS_RUN } from './pages/app-page';
import { lanesFor } from './support/machine';

/** PNG width and height, and whether its pixels hold more than one value (not blank). */
function pngInfo(bytes: Buffer): { width: number; height: number; varied: boolean } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const idat: Buffer[] = [];
  for (let o = 8; o < bytes.length;) {
    const len = bytes.readUInt32BE(o);
    const type = bytes.toString('latin1', o + 4, o + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const seen = new Set<number>();
  for (let i = 0; i < raw.length && seen.size < 8; i += 97) seen.add(raw[i] ?? 0);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), varied: seen.size > 3 };
}

test('presentation mode in each theme: large type, big clock, reduced controls', async ({
  app,
}, testInfo) => {
  await app.page.setViewportSize({ width: 1920, height: 1080 });
  await app.finishedRun(THREADS_RUN);
  await app.page.keyboard.press('p');
  await expect(app.page.getByTestId('wall-clock')).toBeVisible();
  await expect(app.page.getByLabel('Scenario', { exact: true })).toBeHidden();
  // Strings run in the page (this file is typed for Node, without DOM globals).
  const px = async (selector: string): Promise<number> =>
    Number(
      await app.page.evaluate(
        `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize)`,
      ),
    );
  expect(await px('[data-testid="core-lanes"] .core-name')).toBeGreaterThanOrEqual(48);
  expect(await px('.legend li span')).toBeGreaterThanOrEqual(48);
  expect(await px('svg.axis .tick text')).toBeGreaterThanOrEqual(36);
  // The header's choices are the title: what runs, at 64 px.
  expect(await px('[data-testid="present-head"] select')).toBeGreaterThanOrEqual(64);
  for (const theme of ['light', 'dark', 'contrast']) {
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', theme);
    await app.page.screenshot({ path: testInfo.outputPath(`presentation-${theme}.png`) });
    await app.page.keyboard.press('t');
  }
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByLabel('Scenario', { exact: true })).toBeVisible();
});

test('shortcuts: ? lists them, 1–5 choose the model, Space runs, Esc closes', async ({ app }) => {
  await app.fill({ Scenario: 'say-after', Scale: 0.02 });
  await app.page.locator('body').click({ position: { x: 5, y: 5 } });
  await app.page.keyboard.press('?');
  const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await app.page.locator('body').click({ position: { x: 5, y: 5 } });
  await app.page.keyboard.press('2');
  await expect(app.page.getByLabel('Model', { exact: true })).toHaveValue('async');
  await app.page.keyboard.press('5');
  await expect(app.page.getByLabel('Model', { exact: true })).toHaveValue('processes');
  await app.page.keyboard.press('Space');
  await app.expectState('finished', 30_000);
  expect(await app.statesSeen()).toContain('running');
});

test('replay at 0.1× draws progressively, pauses and steps', async ({ app }, testInfo) => {
  // Two seconds of sleeps, however busy the machine: at 0.1× the cursor needs 20 s to reach the
  // end, so the test finds it mid-way and Pause is there to press (a short compute run can end
  // its replay before a loaded browser has clicked).
  await app.finishedRun({ Scenario: 'say-after', Model: 'async', Scale: 1 });
  const bar = app.page.getByTestId('replay');
  await bar.getByLabel('Speed').selectOption('0.1');
  const cursor = async (): Promise<number> => Number(await bar.getAttribute('data-replay-us'));
  const t0 = Date.now();
  await bar.getByRole('button', { name: 'Replay' }).click();
  await expect(bar).toHaveAttribute('data-replay-state', 'playing');
  await expect.poll(cursor).toBeGreaterThan(10_000);
  const c1 = await cursor();
  const wallMs = Date.now() - t0;
  // 0.1×: the cursor cannot be ahead of a tenth of the wall time since Replay was pressed (µs
  // per ms ⇒ 100). A causal bound: a busy machine only makes wallMs larger.
  expect(c1).toBeLessThanOrEqual(wallMs * 100);
  const endUs = Number(await bar.getByLabel('Replay position').getAttribute('max'));
  expect(c1).toBeLessThan(endUs);
  await app.page.screenshot({ path: testInfo.outputPath('replay-playing.png') });
  await bar.getByRole('button', { name: 'Pause' }).click();
  await expect(bar).toHaveAttribute('data-replay-state', 'paused');
  const paused = await cursor();
  // The replay moves once per animation frame: after two more frames a paused cursor must not
  // have moved (a string: evaluated in the page, this file has no DOM types).
  await app.page.evaluate(
    'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))',
  );
  expect(await cursor()).toBe(paused);
  await app.page.locator('body').click({ position: { x: 5, y: 5 } });
  await app.page.keyboard.press('ArrowRight');
  await expect.poll(cursor).toBeGreaterThan(paused);
  const stepped = await cursor();
  await app.page.keyboard.press('ArrowLeft');
  await expect.poll(cursor).toBeLessThan(stepped);
});

test('PNG and SVG snapshots of the chart', async ({ app }, testInfo) => {
  await app.finishedRun(THREADS_RUN);
  const png = await app.download('Save PNG');
  const pngPath = testInfo.outputPath('snapshot.png');
  await png.saveAs(pngPath);
  const info = pngInfo(readFileSync(pngPath));
  const chartWidth = await app.coreLanes.locator('canvas').evaluate((c) => c.clientWidth);
  expect(info.width).toBeGreaterThanOrEqual(2 * chartWidth);
  expect(info.varied).toBe(true);

  const svg = await app.download('Save SVG');
  const svgPath = testInfo.outputPath('snapshot.svg');
  await svg.saveAs(svgPath);
  const text = readFileSync(svgPath, 'utf8');
  const parsed: unknown = await app.page.evaluate(`(() => {
    const doc = new DOMParser().parseFromString(${JSON.stringify(text)}, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror') !== null,
      lanes: doc.querySelectorAll('g.lane').length,
      hasCpu0: [...doc.querySelectorAll('g.lane text')].some((t) => t.textContent === 'CPU 0'),
    };
  })()`);
  expect(parsed).toMatchObject({ error: false, hasCpu0: true });
  const lanes = await app.page.locator('#panel-chart .labels > .label').count();
  expect(parsed).toHaveProperty('lanes', lanes);
});

test('save a run and reopen it to the same view; save its trace', async ({ app }, testInfo) => {
  await app.finishedRun(THREADS_RUN);
  const before = await app.coreSlices();
  const summary = await app.summary.innerText();
  const run = await app.download('Save run');
  expect(run.suggestedFilename()).toMatch(/\.corescope\.json$/);
  const runPath = testInfo.outputPath(run.suggestedFilename());
  await run.saveAs(runPath);
  const trace = await app.download('Save trace');
  const tracePath = testInfo.outputPath(trace.suggestedFilename());
  await trace.saveAs(tracePath);
  const json: unknown = JSON.parse(readFileSync(tracePath, 'utf8'));
  expect(JSON.stringify(json)).toContain('"CPUs"');

  await app.page.reload();
  await app.ready();
  await app.page.getByTestId('open-file').setInputFiles(runPath);
  await app.expectState('finished');
  await expect(app.page.getByTestId('opened-name')).toContainText('.corescope.json');
  expect(await app.coreSlices()).toEqual(before);
  expect(await app.summary.innerText()).toBe(summary);

  await app.page.getByTestId('open-file').setInputFiles(tracePath);
  await expect(app.page.getByTestId('opened-name')).toContainText('.trace.json');
  expect(await app.coreSlices()).toEqual(before);
  await app.page.screenshot({ path: testInfo.outputPath('reopened.png'), fullPage: true });
});

test('imports a foreign Chrome trace and refuses a corrupt file', async ({ app }, testInfo) => {
  const foreign = {
    traceEvents: [
      { ph: 'M', name: 'thread_name', pid: 7, tid: 70, args: { name: 'renderer main' } },
      { ph: 'X', name: 'layout', ts: 5000, dur: 4000, pid: 7, tid: 70, args: { cpu: 0 } },
      { ph: 'B', name: 'paint', ts: 10000, pid: 7, tid: 70, args: { cpu: 1 } },
      { ph: 'E', ts: 16000, pid: 7, tid: 70 },
      { ph: 'X', name: 'decode', ts: 6000, dur: 9000, pid: 7, tid: 71 },
    ],
  };
  await app.page.getByTestId('open-file').setInputFiles({
    name: 'other-tool.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(foreign)),
  });
  await app.expectState('finished');
  await expect(app.page.getByTestId('opened-name')).toContainText(
    'imported trace: other-tool.json',
  );
  expect(await app.coreSlices()).toEqual(lanesFor([1, 1]));
  // A foreign trace has no scenario or model of ours: the summary must not invent one.
  await expect(app.summary).toContainText('imported trace · 2 threads · 3 tasks');
  await expect(app.page.getByText('renderer main').first()).toBeVisible();
  await app.page.screenshot({ path: testInfo.outputPath('foreign.png'), fullPage: true });

  await app.page.getByTestId('open-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"traceEvents": [{"ph": "X", "ts": 1'),
  });
  await expect(app.alert).toContainText(/broken\.json is not valid JSON/);
  // Nothing changed: the imported trace is still shown.
  await expect(app.page.getByTestId('opened-name')).toContainText('other-tool.json');
  expect(await app.coreSlices()).toEqual(lanesFor([1, 1]));
});
