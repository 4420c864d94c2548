// Playwright runs the built app (`npm run build` first): the browser-host tests drive Debian's
// Chromium against `node out/node/serve.cjs`, never a Playwright-downloaded browser. One worker:
// runs use real cores, and a 2-core machine cannot host two at once without skewing them.
import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './e2e/support/electron-binary';

// The list reporter does not print skip reasons: say once, in one line, why the Electron test
// will skip (only in the runner process, not in each worker that loads this file too).
const electron = findElectronBinary();
if (!electron.found && process.env['TEST_WORKER_INDEX'] === undefined) {
  process.stdout.write(`Electron e2e will skip: ${electron.reason}\n`);
}

export default defineConfig({
  testDir: 'e2e',
  // Screenshots and artifacts of each test land here (kept out of git).
  outputDir: 'e2e/output',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
