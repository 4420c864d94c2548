// The desktop shell end to end: launches out/main/index.js in a real Electron, checks the
// security surface the page sees, runs the default scenario (what `npm start` opens on) and
// checks its lanes. `npm run test:e2e` runs it under xvfb-run on a Linux machine without a
// display; it skips (one line) where no Electron binary exists.
import { _electron as electron, test, expect } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { findElectronBinary } from './support/electron-binary';
import { CORES } from './support/machine';
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
test('the Electron window runs the default scenario and draws it on its core lanes', async ({}, testInfo) => {
  if (!binary.found) return;
  requireBuilt(ELECTRON_MAIN);
  // Chromium refuses to start as root with its sandbox on (a container, a CI job).
  const root = process.platform === 'linux' && process.getuid?.() === 0;
  const app = await electron.launch({
    executablePath: binary.path,
    args: root ? ['--no-sandbox', ROOT] : [ROOT],
    cwd: ROOT,
  });
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

    const cores = CORES;
    await expect(ui.laneLabels()).toHaveCount(cores);
    // The form as the app opens it: cpu-bound under processes, one worker per core.
    await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('cpu-bound');
    await expect(page.getByLabel('Model', { exact: true })).toHaveValue('processes');
    await ui.run();
    await ui.expectState('finished', 60_000);
    await expect(ui.summary).toBeVisible();
    // Where cores are observable (Linux), a lane per core, and the run's running slices drawn
    // on them. Not asserted: that every core got some. Which cores the kernel gives the workers
    // is its business (with the cores busy elsewhere it time-slices several on one core); the
    // cores drawn are held against the kernel's own trace in kernel-agreement.test.
    if (process.platform === 'linux') {
      const perCore = await ui.coreSlices();
      expect(perCore).toHaveLength(cores);
      expect(perCore.filter((n) => n > 0).length).toBeGreaterThanOrEqual(1);
    }
    await page.screenshot({ path: testInfo.outputPath('electron-run.png') });
  } finally {
    await app.close();
  }
});
