// The Library's Workload column reads on one line in a 1280 px window (it wrapped "× 2" onto a
// line of its own), and stays readable at 1024 px: measured as element boxes against the
// cell's own line height, with the full text in each cell's title.
import { z } from 'zod';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app-page';

/**
 * Each Workload cell: its text box's height in lines of its own line height, whether any of it is
 * cut (an ellipsis) instead of shown whole, its text and its title. A string: this Node-typed
 * file has no DOM types, and evaluate() runs it over CDP, outside the page's CSP.
 */
const MEASURE = `(() => [...document.querySelectorAll('[data-testid="library-workload"]')].map((td) => {
  const text = td.querySelector('.parts') || td;
  const lineHeight = parseFloat(getComputedStyle(text).lineHeight);
  const parts = [...td.querySelectorAll('.part')];
  return {
    lines: text.getBoundingClientRect().height / lineHeight,
    cut: [text, ...parts].some((el) => el.scrollWidth > el.clientWidth + 1),
    text: (td.textContent || '').trim(),
    title: td.getAttribute('title'),
  };
}))()`;

const Cells = z.array(
  z.object({ lines: z.number(), cut: z.boolean(), text: z.string(), title: z.string().nullable() }),
);

async function measure(app: AppPage): Promise<z.infer<typeof Cells>> {
  return Cells.parse(await app.page.evaluate(MEASURE));
}

async function keep(app: AppPage, count: number): Promise<void> {
  const library = app.page.getByTestId('library');
  await expect(library).toHaveAttribute('data-library-count', String(count), { timeout: 15_000 });
}

test('Library Workload on one line at 1280 px, readable at 1024 px', async ({ app }, testInfo) => {
  const page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.finishedRun({
    Scenario: 'cpu-bound',
    Model: 'threads',
    Workers: 2,
    Tasks: 4,
    Size: 30,
  });
  await app.finishedRun({ Scenario: 'say-after', Model: 'processes', Workers: 2, Scale: 0.02 });
  await keep(app, 2);
  const library = page.getByTestId('library');
  await library.scrollIntoViewIfNeeded();
  await library.screenshot({ path: testInfo.outputPath('library-1280.png') });
  const wide = await measure(app);
  expect(wide.map((c) => c.text)).toEqual(['say-after · processes × 2', 'cpu-bound · threads × 2']);
  for (const c of wide) {
    expect(c.lines, `${c.text} on one line`).toBeLessThan(1.5);
    expect(c.cut, `${c.text} shown whole`).toBe(false);
    expect(c.title).toBe(c.text);
  }

  await page.setViewportSize({ width: 1024, height: 700 });
  await library.scrollIntoViewIfNeeded();
  await library.screenshot({ path: testInfo.outputPath('library-1024.png') });
  for (const c of await measure(app)) {
    // At most a line each for the scenario and the pool, never a word cut in two.
    expect(c.lines, `${c.text} in at most two lines`).toBeLessThan(2.5);
    expect(c.cut, `${c.text} shown whole`).toBe(false);
  }
});
