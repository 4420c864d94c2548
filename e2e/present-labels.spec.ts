// Presentation mode's lane names keep their descenders: "say_after(1)" shows its underscore, a
// "g" or "y" its tail. Measured in the page: each name's line box must hold the font's whole
// ascent and descent (canvas font metrics of the same computed font), and the line box must lie
// inside the lane label that clips it. A screenshot of the tasks is attached for a look.
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { test, expect } from './fixtures';

const NameFit = z.object({
  text: z.string(),
  line: z.number(),
  ink: z.number(),
  top: z.number(),
  bottom: z.number(),
  clipTop: z.number(),
  clipBottom: z.number(),
});

/**
 * For every drawn actor and task name: its line box, the font's full height (canvas metrics of
 * its computed font) and the box of the lane label that clips it. A string: this Node-typed file
 * has no DOM types, and evaluate() runs it over CDP, outside the page's CSP.
 */
const NAME_FITS = `(() => {
  const ctx = document.createElement('canvas').getContext('2d');
  const out = [];
  for (const el of document.querySelectorAll('.label .task-name, .label .actor-name .name')) {
    const s = getComputedStyle(el);
    ctx.font = s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
    const m = ctx.measureText(el.textContent || '');
    const b = el.getBoundingClientRect();
    const clip = el.closest('.label').getBoundingClientRect();
    out.push({
      text: el.textContent || '',
      line: b.height,
      ink: m.fontBoundingBoxAscent + m.fontBoundingBoxDescent,
      top: b.top,
      bottom: b.bottom,
      clipTop: clip.top,
      clipBottom: clip.bottom,
    });
  }
  return out;
})()`;

async function nameFits(page: Page): Promise<z.infer<typeof NameFit>[]> {
  return z.array(NameFit).parse(await page.evaluate(NAME_FITS));
}

for (const [w, h] of [
  [1920, 1080],
  [1024, 700],
] as const) {
  test(`presentation ${w}×${h}: task and actor names show their descenders whole`, async ({
    app,
  }) => {
    const page = app.page;
    await page.setViewportSize({ width: w, height: h });
    await app.fill({ Scenario: 'say-after', Model: 'async', Scale: 0.02 });
    await app.run();
    await app.expectState('finished', 60_000);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    const tasks = page.locator('section[aria-labelledby="h-tasks"]');
    await expect(tasks.locator('.task-name', { hasText: 'say_after(1)' })).toBeVisible();
    await tasks.scrollIntoViewIfNeeded();
    await test.info().attach('tasks', { body: await tasks.screenshot(), contentType: 'image/png' });
    const fits = await nameFits(page);
    expect(fits.some((f) => f.text.includes('_'))).toBe(true);
    for (const f of fits) {
      expect(f.line, `"${f.text}": line box holds ascent + descent`).toBeGreaterThanOrEqual(
        f.ink - 0.5,
      );
      expect(f.top, `"${f.text}": top inside its lane`).toBeGreaterThanOrEqual(f.clipTop - 0.5);
      expect(f.bottom, `"${f.text}": bottom inside its lane`).toBeLessThanOrEqual(
        f.clipBottom + 0.5,
      );
    }
  });
}
