// The green "good" lines read in every theme: the Machine panel's "per-core placement is
// observed" and the chart's "Following the live edge". Measured in the page: the computed text
// colour against the first opaque background behind it, at 4.5:1 or more (WCAG AA).
import { z } from 'zod';
import { test, expect } from './fixtures';

const Colours = z.object({ ink: z.string(), bg: z.string() });

/**
 * The text colour of the element `selector` picks and the first non-transparent background of it
 * or an ancestor. A string: this Node-typed file has no DOM types, and evaluate() runs it over CDP.
 */
function coloursScript(selector: string): string {
  return `(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    let node = el;
    let bg = 'rgb(255, 255, 255)';
    while (node !== null) {
      const b = getComputedStyle(node).backgroundColor;
      if (b !== 'transparent' && !b.startsWith('rgba(0, 0, 0, 0')) {
        bg = b;
        break;
      }
      node = node.parentElement;
    }
    return { ink: getComputedStyle(el).color, bg };
  })()`;
}

function luminance(rgb: string): number {
  const m = /^rgba?\((\d+), (\d+), (\d+)/.exec(rgb);
  if (m === null) throw new Error(`not an rgb colour: ${rgb}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

for (const theme of ['Light', 'Dark', 'High contrast']) {
  test(`${theme} theme: the green "observed" and "following" lines read at 4.5:1`, async ({
    app,
  }) => {
    const page = app.page;
    await page.getByLabel('Theme').selectOption({ label: theme });
    // "Following the live edge" shows only while a run is drawn live: a run too large to end by
    // itself within the test (ended by Cancel after the look), so the line is still there when
    // it is measured, however fast the machine.
    await app.fill({
      Scenario: 'cpu-bound',
      Model: 'processes',
      Workers: 2,
      Tasks: 4,
      Size: 20000,
    });
    await app.run();
    const lines = [
      ['.machine .yes', 'per-core placement is observed'],
      ['.toolbar .follow.on', 'Following the live edge'],
    ] as const;
    for (const [selector, text] of lines) {
      await expect(page.locator(selector)).toContainText(text, { timeout: 30_000 });
      const c = Colours.parse(await page.evaluate(coloursScript(selector)));
      const ratio = contrast(c.ink, c.bg);
      expect(ratio, `${theme}: ${c.ink} on ${c.bg}`).toBeGreaterThanOrEqual(4.5);
    }
    await app.cancelNow();
    await expect(app.root).not.toHaveAttribute('data-run-state', 'running', { timeout: 60_000 });
    await test.info().attach(`machine-${theme}`, {
      body: await page.locator('.machine').screenshot(),
      contentType: 'image/png',
    });
  });
}
