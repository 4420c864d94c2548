// The packaged shell end to end: launches out/main/index.js in a real Electron, checks the
// security surface the page sees, the CPU lanes, and a completed run. Skips (one line) where no
// Electron binary exists, as on the build machine, which cannot download one.
import { _electron as electron, test, expect } from '@playwright/test';
import { availableParallelism } from 'node:os';
import { AppPage } from './pages/app-page';
import { findElectronBinary } from './support/electron-binary';
import { ELECTRON_MAIN, ROOT, requireBuilt } from './support/paths';

const binary = findElectronBinary();
const display = process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY'];

const skipReason = !binary.found
  ? binary.reason
  : display === undefined
    ? 'no display for Electron: run under `xvfb-run -a npx playwright test`'
    : undefined;
test.skip(skipReason !== undefined, skipReason ?? '');

// eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from this pattern
test('the Electron window shows CPU lanes and completes a run', async ({}, testInfo) => {
  if (!binary.found) return;
  requireBuilt(ELECTRON_MAIN);
  const app = await electron.launch({ executablePath: binary.path, args: [ROOT], cwd: ROOT });
  try {
    const page = await app.firstWindow();
    const ui = new AppPage(page);
    await ui.ready();

    // The page gets the preload's methods (one per operation) and nothing of Node or ipcRenderer.
    const surface = await page.evaluate(
      `({ api: Object.keys(window.corescope ?? {}).sort(), require: typeof require, process: typeof process })`,
    );
    expect(surface).toEqual({
      api: [
        'cancelRun',
        'deleteFromLibrary',
        'listLibrary',
        'listScenarios',
        'machineInfo',
        'openFromLibrary',
        'renameInLibrary',
        'saveFile',
        'saveToLibrary',
        'setFullScreen',
        'startRun',
        'subscribeRuns',
      ],
      require: 'undefined',
      process: 'undefined',
    });

    await expect(ui.laneLabels()).toHaveCount(availableParallelism());
    await ui.fill({ Scenario: 'say-after', Model: 'async', Scale: 0.05 });
    await ui.run();
    await ui.expectState('finished', 30_000);
    await expect(ui.summary).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('electron-run.png') });
  } finally {
    await app.close();
  }
});
