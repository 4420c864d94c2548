// The live edge while a run is drawn live: the marker sits at the newest data's time, i.e. at
// the right end of the newest slices on the core lanes, in every frame (the marker and the
// canvas change in the same frame, so one never trails the other).
import { expect, test } from './fixtures';

/**
 * In one synchronous look at the page (so both come from the same frame): the core lanes' live
 * marker centre and the right end of the rightmost slice pixel of every panel (a saturated
 * colour: slices are coloured by actor or state; backgrounds and the OS strip are grey), in CSS
 * px from the canvas' left edge, as "marker,newest,width"; empty while there is nothing yet.
 */
const EDGES = `(() => {
  const lanes = document.querySelector('[data-testid="core-lanes"]');
  const marker = lanes && lanes.querySelector('.live-edge');
  const canvases = [...document.querySelectorAll('#panel-chart canvas')];
  const first = canvases[0];
  if (!marker || !first || first.width === 0) return '';
  const box = first.getBoundingClientRect();
  const m = marker.getBoundingClientRect();
  let newest = -1;
  for (const canvas of canvases) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let right = -1;
    for (let y = 0; y < height; y++)
      for (let x = width - 1; x > right; x--) {
        const i = 4 * (y * width + x);
        const hi = Math.max(data[i], data[i + 1], data[i + 2]);
        const lo = Math.min(data[i], data[i + 1], data[i + 2]);
        if (hi - lo > 60) { right = x; break; }
      }
    const at = canvas.getBoundingClientRect();
    if (right >= 0) newest = Math.max(newest, at.left - box.left + ((right + 1) * at.width) / canvas.width);
  }
  if (newest < 0) return '';
  return [m.left + m.width / 2 - box.left, newest, box.width].join(',');
})()`;

interface Edges {
  readonly marker: number;
  readonly newest: number;
  readonly width: number;
}

test('the live-edge marker sits at the right end of the newest slices while a run is drawn', async ({
  app,
}) => {
  // Too large to end by itself within the test (it ends by Cancel after the looks): a run sized
  // to last here (Size 400, about 1.5 s) ended before the first look when made 4× shorter, as on
  // a faster machine.
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 2, Tasks: 4, Size: 20000 });
  await app.run();
  await app.expectState('running');
  const seen: Edges[] = [];
  // Several looks during the run, each once more slices are on the canvas than at the last one.
  let drawn = 0;
  for (let look = 0; look < 3; look++) {
    await expect
      .poll(async () => Number(await app.coreLanes.getAttribute('data-drawn-slices')), {
        timeout: 60_000,
      })
      .toBeGreaterThan(drawn + 10);
    drawn = Number(await app.coreLanes.getAttribute('data-drawn-slices'));
    if ((await app.state()) !== 'running') break;
    const [marker, newest, width] = String(await app.page.evaluate(EDGES))
      .split(',')
      .map(Number);
    if (marker !== undefined && newest !== undefined && width !== undefined && width > 0)
      seen.push({ marker, newest, width });
  }
  expect(seen.length).toBeGreaterThan(0);
  for (const e of seen) {
    expect(e.marker).toBeGreaterThan(0);
    expect(e.marker).toBeLessThanOrEqual(e.width);
    // Within 3 px: the newest slice's end rounds to a device pixel, the marker to a CSS pixel.
    expect(Math.abs(e.marker - e.newest), JSON.stringify(e)).toBeLessThanOrEqual(3);
  }
  await app.cancelNow();
  await app.expectState('finished', 60_000);
  await expect(app.coreLanes.locator('.live-edge')).toHaveCount(0);
  // Nothing is followed once the run is over: the label goes with the marker.
  await expect(app.page.getByText('Following the live edge')).toHaveCount(0);
});

test('"Following the live edge" shows while a run is drawn live and goes when it ends', async ({
  app,
}) => {
  // Too large to end by itself within the test: it ends by Cancel, once the label was seen.
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 2, Tasks: 4, Size: 20000 });
  await app.run();
  await expect(app.page.getByText('Following the live edge')).toBeVisible({ timeout: 30_000 });
  await app.cancel();
  await expect(app.root).not.toHaveAttribute('data-run-state', 'running', { timeout: 60_000 });
  await expect(app.page.getByText('Following the live edge')).toHaveCount(0);
});

/**
 * The task panel in one synchronous look: its live marker's centre and the right end of its
 * rightmost bar pixel (saturated colour), CSS px from the canvas' left edge, and how many rows of
 * device pixels hold bar pixels; "" while there is no marker or no bar.
 */
const TASK_BARS = `(() => {
  const section = document.querySelector('section[aria-labelledby="h-tasks"]');
  const canvas = section && section.querySelector('canvas');
  const marker = section && section.querySelector('.live-edge');
  if (!canvas || !marker || canvas.width === 0) return '';
  const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let right = -1;
  let rows = 0;
  for (let y = 0; y < height; y++) {
    let found = false;
    for (let x = width - 1; x >= 0; x--) {
      const i = 4 * (y * width + x);
      const hi = Math.max(data[i], data[i + 1], data[i + 2]);
      const lo = Math.min(data[i], data[i + 1], data[i + 2]);
      if (hi - lo > 60) { right = Math.max(right, x); found = true; break; }
    }
    if (found) rows++;
  }
  if (right < 0) return '';
  const box = canvas.getBoundingClientRect();
  const m = marker.getBoundingClientRect();
  return [m.left + m.width / 2 - box.left, ((right + 1) * box.width) / canvas.width, rows].join(',');
})()`;

test('a running task is drawn growing to the live edge before it ends', async ({ app }) => {
  // Tasks too large to end within the test: every bar on the task panel is a running task's.
  await app.fill({ Scenario: 'cpu-bound', Model: 'processes', Workers: 2, Tasks: 2, Size: 20000 });
  await app.run();
  await app.expectState('running');
  let look = '';
  await expect
    .poll(
      async () => {
        look = String(await app.page.evaluate(TASK_BARS));
        return look !== '';
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  // No task has ended (their lanes hold no slice yet), and both bars reach the marker.
  expect(await app.state()).toBe('running');
  const [marker, right, rows] = look.split(',').map(Number);
  expect(rows ?? 0).toBeGreaterThan(0);
  expect(Math.abs((marker ?? 0) - (right ?? -10)), look).toBeLessThanOrEqual(3);
  // One look later (more time gone by) the bars are longer: they grow with the run.
  await expect
    .poll(async () => Number(String(await app.page.evaluate(TASK_BARS)).split(',')[1] ?? 0), {
      timeout: 30_000,
    })
    .toBeGreaterThan((right ?? 0) + 2);
  await app.cancel();
  await expect(app.root).not.toHaveAttribute('data-run-state', 'running', { timeout: 60_000 });
});
