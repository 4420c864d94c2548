// `npm run test:e2e -- [playwright flags]`: finds a Chromium for the browser tests (or gets one,
// see lib/chromium.mjs) and runs Playwright with it. On Linux without a display, where an
// Electron binary is present, the run goes under xvfb-run so the `_electron` test opens its
// window instead of skipping.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ROOT } from './lib/build.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { exitAs, runChild, runNode } from './lib/child.mjs';
import { findElectronBinary } from './lib/electron.mjs';

const chromium = await ensureChromium(ROOT);
if (!chromium.ok) {
  process.stderr.write(`CoreScope: ${chromium.message}\n`);
  process.exit(1);
}
const env = { ...process.env, CORESCOPE_CHROMIUM: chromium.path };
const playwright = join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
const args = ['test', ...process.argv.slice(2)];

/** @param {string} name */
function onPath(name) {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const headless =
  process.platform === 'linux' &&
  process.env['DISPLAY'] === undefined &&
  process.env['WAYLAND_DISPLAY'] === undefined;
if (headless && onPath('xvfb-run') && findElectronBinary(ROOT).found) {
  await exitAs(
    await runChild(
      'xvfb-run',
      ['-a', '-s', '-screen 0 1280x800x24', process.execPath, playwright, ...args],
      { env },
    ),
  );
} else {
  await exitAs(await runNode(playwright, args, { env }));
}
