// Playwright runs the built app (`npm run build` first): the browser-host tests drive a system
// Chromium (or Playwright's own) against `node out/node/serve.cjs`. `npm run test:e2e` finds or
// gets one and passes it as CORESCOPE_CHROMIUM; a bare `npx playwright test` uses the same finder.
// One worker: runs use real cores, and a 2-core machine cannot host two at once without skewing
// them.
import { defineConfig } from '@playwright/test';
import { findChromium, installAdvice, realProbes } from './scripts/lib/chromium.mjs';
import { findElectronBinary } from './e2e/support/electron-binary';
import { HEADLESS_CHROMIUM_ARGS } from './src/bench/bench-browser';
import { ROOT } from './e2e/support/paths';

// Said once, in the runner process, not in each worker that loads this file too.
const runner = process.env['TEST_WORKER_INDEX'] === undefined;

// The list reporter does not print skip reasons: say in one line why the Electron test skips.
const electron = findElectronBinary();
if (!electron.found && runner) {
  process.stdout.write(`Electron e2e will skip: ${electron.reason}\n`);
}

const chromium = findChromium(realProbes(ROOT));
if (chromium.kind !== 'found' && runner) {
  const why = chromium.kind === 'bad-env' ? chromium.message : installAdvice(process.platform);
  process.stderr.write(`CoreScope: ${why} (\`npm run test:e2e\` tries to get one)\n`);
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
      ...(chromium.kind === 'found' ? { executablePath: chromium.path } : {}),
      args: [...HEADLESS_CHROMIUM_ARGS],
    },
  },
});
