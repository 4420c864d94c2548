// Presentation mode's text inside bars (drawn on the canvas) sits inside its bar at every lane
// size: the layout maths is unit-tested (src/renderer/src/lib/labels.test.ts); here the real
// page in Chromium, with its own fonts, is drawn at two window sizes, and the pixels of the
// task lanes' sleeping bars (40 % of a lane) are read: the label's ink lies within the bar's
// rows, none above or below it. Screenshots of the chart are kept for a look.
import { z } from 'zod';
import { test, expect } from './fixtures';

const BarInk = z.object({
  top: z.number(),
  bottom: z.number(),
  /** Dark pixels in the label's columns above or below the bar. */
  spilled: z.number(),
  /** Dark pixels of the label inside the bar (its outline rows left out). */
  inked: z.number(),
});

/**
 * Runs in the page (a string: this file has no DOM types; evaluate() runs it over CDP, outside
 * the CSP). For each wide pink (sleeping, #CC79A7) bar of the task lanes' canvas: the bar's rows
 * (the run of non-background pixels in a pink column far right of its label), and the dark
 * pixels in the columns of its label, inside the bar and above or below it (transparent
 * pixels, the gaps between lanes, count as background).
 */
const BAR_INK = `(() => {
  const el = document.querySelector('section[aria-labelledby="h-tasks"] canvas');
  const ctx = el && el.getContext('2d');
  if (!ctx) return [];
  const W = el.width, H = el.height;
  const { data } = ctx.getImageData(0, 0, W, H);
  const at = (x, y) => { const i = (y * W + x) * 4; return [data[i], data[i + 1], data[i + 2], data[i + 3]]; };
  const light = ([r, g, b, a]) => a < 16 || (r > 225 && g > 225 && b > 225);
  const pink = ([r, g, b]) => Math.abs(r - 204) < 24 && Math.abs(g - 121) < 24 && Math.abs(b - 167) < 24;
  const dark = ([r, g, b, a]) => a > 128 && r + g + b < 180;
  // A wide bar's row: pink from one end to the other more than 120 px apart (room for its label),
  // however much of it is hatch. Read by extent, not by count: a busy machine stretches the run
  // and with it the domain, so the same bar comes out narrower.
  const wide = [];
  for (let y = 0; y < H; y++) {
    let n = 0, first = -1, last = -1;
    for (let x = 0; x < W; x++) {
      if (!pink(at(x, y))) continue;
      n++;
      if (first < 0) first = x;
      last = x;
    }
    wide.push(last - first > 120 && n > 40);
  }
  const out = [];
  for (let y = 0; y < H; y++) {
    if (!wide[y]) continue;
    let end = y;
    while (end + 1 < H && wide[end + 1]) end++;
    const mid = Math.round((y + end) / 2);
    let x0 = 0;
    while (x0 < W && !pink(at(x0, mid))) x0++;
    let xc = Math.min(W - 1, x0 + 200);
    while (xc < W - 1 && !pink(at(xc, mid))) xc++;
    let top = mid, bottom = mid;
    while (top > 0 && !light(at(xc, top - 1))) top--;
    while (bottom < H - 1 && !light(at(xc, bottom + 1))) bottom++;
    let spilled = 0, inked = 0;
    for (let x = x0 + 2; x < Math.min(W, x0 + 120); x++)
      for (let yy = Math.max(0, top - 24); yy <= Math.min(H - 1, bottom + 24); yy++) {
        if (!dark(at(x, yy))) continue;
        if (yy < top || yy > bottom) spilled++;
        else if (yy > top + 3 && yy < bottom - 3) inked++;
      }
    out.push({ top, bottom, spilled, inked });
    y = Math.max(end, bottom);
  }
  return out;
})()`;

for (const [w, h] of [
  [1920, 1080],
  [1024, 700],
] as const) {
  test(`presentation ${w}×${h}: bar text inside its bars`, async ({ app }, testInfo) => {
    const page = app.page;
    await page.setViewportSize({ width: w, height: h });
    // Wide sleeping bars (40 % of a lane) on the event loop, wide I/O waits on two threads. The
    // sleeps (0.5 s and 1 s) are long beside the start-up and any wait for a core, so the first
    // bar keeps about half the chart's width on a busy machine too.
    for (const form of [
      { Scenario: 'say-after', Model: 'async', Scale: 0.5 },
      { Scenario: 'downloads', Model: 'threads', Workers: 2, Scale: 0.2 },
    ]) {
      if (await page.locator('.app.presenting').isVisible()) await page.keyboard.press('p');
      await expect(page.locator('.app.presenting')).toHaveCount(0);
      await app.fill(form);
      await app.run();
      await app.expectState('finished', 60_000);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('p');
      await expect(page.locator('.app.presenting')).toBeVisible();
      await page
        .locator('#panel-chart')
        .screenshot({ path: testInfo.outputPath(`${form.Scenario}-${w}x${h}.png`) });
      if (form.Scenario !== 'say-after') continue;
      const bars = z.array(BarInk).parse(await page.evaluate(BAR_INK));
      // say_after(1) and say_after(2) sleep on the event loop: two wide labelled bars.
      expect(bars).toHaveLength(2);
      for (const b of bars) {
        expect(b.inked, 'the label is drawn').toBeGreaterThan(20);
        expect(b.spilled, `no label ink above or below the bar (rows ${b.top}-${b.bottom})`).toBe(
          0,
        );
      }
    }
  });
}
