// `npm start` and `npm run dev`: the desktop app when Electron's binary is there or can be
// fetched (by Electron's own installer, once), else the browser host opened in the system's
// browser, with one line saying why. Flags after `--` go to the browser host (e.g. --port 8080);
// `--no-open` prints the URL without opening a browser.
import open from 'open';
import { join } from 'node:path';
import { build, electronViteCli, ROOT } from './lib/build.mjs';
import { exitAs, runNode } from './lib/child.mjs';
import { ensureElectron } from './lib/electron.mjs';

const argv = process.argv.slice(2);
const dev = argv.includes('--dev');
const noOpen = argv.includes('--no-open') || process.env['CI'] !== undefined;
const hostArgs = argv.filter((a) => a !== '--dev' && a !== '--no-open');

/** @param {string} line */
const say = (line) => process.stderr.write(`CoreScope: ${line}\n`);

/** Linux needs an X11 or Wayland display for a window (a server or container often has none). */
function noDisplay() {
  return (
    process.platform === 'linux' &&
    process.env['DISPLAY'] === undefined &&
    process.env['WAYLAND_DISPLAY'] === undefined
  );
}

/** @returns {Promise<string | undefined>} why Electron cannot start, or undefined when it ran */
async function runElectron() {
  const binary = await ensureElectron(ROOT);
  if (!binary.found) return binary.reason;
  if (noDisplay()) return 'no display for its window (DISPLAY and WAYLAND_DISPLAY are unset)';
  const env = { ...process.env, ELECTRON_EXEC_PATH: binary.path };
  const args = dev ? ['dev'] : ['preview', '--skipBuild'];
  // Chromium refuses to start as root with its sandbox on (a container, a CI job).
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    say("running as root, where Chromium's sandbox cannot run: Electron starts with --no-sandbox");
    args.push('--noSandbox');
  }
  await exitAs(await runNode(electronViteCli(), args, { env }));
  return undefined;
}

// Printed by the host when it listens: its URL (with the access token when it has one).
const URL_LINE = /^CoreScope(?: browser host)?: (http:\/\/\S+)/m;

/** @param {string} url */
async function openBrowser(url) {
  if (noOpen) return;
  if (noDisplay()) {
    say('no display to open a browser on: open the URL above in a browser on this machine');
    return;
  }
  try {
    await open(url);
  } catch (err) {
    say(
      `could not open a browser (${err instanceof Error ? err.message : String(err)}): open the URL above`,
    );
  }
}

async function browserHost() {
  let seen = '';
  let opened = false;
  const exit = await runNode(join(ROOT, 'out', 'node', 'serve.cjs'), hostArgs, {
    stdout: 'pipe',
    onStdout: (text) => {
      process.stdout.write(text);
      if (opened) return;
      seen += text;
      const url = URL_LINE.exec(seen)?.[1];
      if (url === undefined) return;
      opened = true;
      process.stdout.write('Ctrl-C stops it.\n');
      void openBrowser(url);
    },
  });
  await exitAs(exit);
}

if (!dev) {
  const failed = await build('all');
  if (failed !== undefined) await exitAs(failed);
}
const why = await runElectron();
if (why !== undefined) {
  const instead = dev
    ? 'the browser host instead (no hot reload there)'
    : 'the browser host instead';
  say(`Electron cannot start here (${why}); starting ${instead}.`);
  if (dev) {
    const failed = await build('all');
    if (failed !== undefined) await exitAs(failed);
  }
  await browserHost();
}
