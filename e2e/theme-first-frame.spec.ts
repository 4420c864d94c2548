// No white flash before the app mounts. While the page's script is still loading (held back
// here until the look is taken) the page already has the dark background where the system
// prefers dark, and a saved dark theme on a light system (the boot script in <head> puts it on
// the page before the first paint); a saved dark theme is on the page before the app's first
// element is, so the first frame the app draws is dark too.
import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { startHostProcess } from './support/host-process';

const DARK_PAGE = 'rgb(14, 16, 19)'; // #0E1013, lib/themes.ts's dark page colour

/**
 * Runs in the page before its own scripts (an init script): records, in one observer and so in
 * the order they happened, when <html> got its data-theme and when #app got its first child.
 */
const RECORD_ORDER = `(() => {
  window.__themeOrder = [];
  const seen = new Set();
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target === document.documentElement && !seen.has('theme')) {
        seen.add('theme');
        window.__themeOrder.push('theme:' + document.documentElement.dataset.theme + ':' +
          getComputedStyle(document.documentElement).backgroundColor);
      }
      if (r.type === 'childList' && r.target instanceof Element && r.target.id === 'app' &&
          r.addedNodes.length > 0 && !seen.has('mount')) {
        seen.add('mount');
        window.__themeOrder.push('mount');
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-theme'] });
})()`;

const background = (page: Page): Promise<string> =>
  page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');

/** Holds the page's script requests until `release` is called. */
function holdScripts(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let open = false;
  return page
    .route(/\/assets\/.*\.js(\?.*)?$/, (route) => {
      if (open) return route.continue();
      held.push(route);
      return undefined;
    })
    .then(() => async () => {
      open = true;
      await Promise.all(held.map((r) => r.continue()));
    });
}

test.describe('system prefers dark', () => {
  test.use({ colorScheme: 'dark' });

  test('the page is dark before its script has run, and stays dark once the app mounts', async ({
    browser,
  }, testInfo) => {
    // Its own host and page: the app fixture would load the page (and its script) at once.
    const host = await startHostProcess(['--port', '0']);
    const page = await browser.newPage({ colorScheme: 'dark' });
    try {
      const release = await holdScripts(page);
      // 'commit': DOMContentLoaded itself waits for the held module script.
      await page.goto(host.url, { waitUntil: 'commit' });
      // The script is held: what shows now is the HTML and app.css alone.
      await expect(page.locator('#app')).toBeEmpty();
      await expect.poll(() => background(page)).toBe(DARK_PAGE);
      await page.screenshot({ path: testInfo.outputPath('before-script.png') });
      await release();
      await expect(page.getByTestId('core-lanes')).toBeVisible();
      expect(await background(page)).toBe(DARK_PAGE);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    } finally {
      await page.close();
      await host.stop();
    }
  });
});

test('a saved dark theme shows before the page script has run (light system)', async ({
  browser,
}, testInfo) => {
  const host = await startHostProcess(['--port', '0']);
  const page = await browser.newPage({ colorScheme: 'light' });
  try {
    // A first visit saves the theme in the page's own storage, as the theme menu does.
    await page.goto(host.url);
    await expect(page.getByTestId('core-lanes')).toBeVisible();
    await page.evaluate(`localStorage.setItem('corescope.theme', 'dark')`);
    const release = await holdScripts(page);
    await page.goto(host.url, { waitUntil: 'commit' });
    await expect(page.locator('#app')).toBeEmpty();
    await expect.poll(() => background(page)).toBe(DARK_PAGE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: testInfo.outputPath('saved-dark-before-script.png') });
    // Where nothing is saved, the light system's light page shows: the boot script adds nothing.
    await page.evaluate(`localStorage.removeItem('corescope.theme')`);
    await page.goto(host.url, { waitUntil: 'commit' });
    await expect(page.locator('#app')).toBeEmpty();
    await expect.poll(() => background(page)).not.toBe(DARK_PAGE);
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    await release();
    await expect(page.getByTestId('core-lanes')).toBeVisible();
  } finally {
    await page.close();
    await host.stop();
  }
});

test('a saved dark theme is on the page before the app mounts (light system)', async ({
  app,
  host,
}, testInfo) => {
  const page = app.page;
  await page.evaluate(`localStorage.setItem('corescope.theme', 'dark')`);
  await page.addInitScript(RECORD_ORDER);
  await page.goto(host.url);
  await expect(page.getByTestId('core-lanes')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('saved-dark.png') });
  const order = await page.evaluate<string[]>('window.__themeOrder');
  expect(order).toEqual([`theme:dark:${DARK_PAGE}`, 'mount']);
});
