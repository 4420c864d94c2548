// Finds Electron's binary WITHOUT require('electron') (its index.js downloads when the binary is
// missing, synchronously and with a multi-line error), and runs Electron's own installer
// (node_modules/electron/install.js, which @electron/get drives) when it is missing. The lookup
// is the one electron's index.js does, plus electron-vite's ELECTRON_EXEC_PATH.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from './child.mjs';

/**
 * @typedef {{ readonly found: true, readonly path: string }
 *   | { readonly found: false, readonly reason: string }} BinaryLookup
 */

/** @param {string} root */
function electronPackage(root) {
  return join(root, 'node_modules', 'electron');
}

/**
 * @param {string} root
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {BinaryLookup}
 */
export function findElectronBinary(root, env = process.env) {
  const exec = env['ELECTRON_EXEC_PATH'];
  if (exec !== undefined && existsSync(exec)) return { found: true, path: exec };
  const pkg = electronPackage(root);
  const pathTxt = join(pkg, 'path.txt');
  const rel = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined) {
    const candidate = join(override, rel ?? 'electron');
    if (existsSync(candidate)) return { found: true, path: candidate };
  }
  if (rel !== undefined) {
    const candidate = join(pkg, 'dist', rel);
    if (existsSync(candidate)) return { found: true, path: candidate };
  }
  return {
    found: false,
    reason: existsSync(pkg)
      ? "no Electron binary in node_modules/electron/dist (`npm start` runs Electron's installer; or set ELECTRON_EXEC_PATH or ELECTRON_OVERRIDE_DIST_PATH)"
      : 'node_modules/electron is missing: run `npm install`',
  };
}

/** @param {string} dir */
function bytesIn(dir) {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    try {
      total += statSync(join(dir, String(name))).size;
    } catch {
      // A part file renamed while we counted.
    }
  }
  return total;
}

/**
 * Runs Electron's installer. Its progress bar draws only on a terminal and its failure is a
 * stack trace, so its stderr is kept and folded into one line; progress is shown from the size
 * of the download folder instead (the installer downloads into the system temp folder, which is
 * pointed at a folder of our own for this one run).
 * @param {string} root
 * @returns {Promise<BinaryLookup>}
 */
export async function installElectron(root) {
  const { version } = JSON.parse(readFileSync(join(electronPackage(root), 'package.json'), 'utf8'));
  const tmp = await mkdtemp(join(tmpdir(), `corescope-electron-${process.pid}-`));
  const tty = process.stderr.isTTY === true;
  process.stderr.write(`CoreScope: downloading Electron ${version} (once, about 100 MB)…\n`);
  // The download moves to Electron's cache once complete: show the most seen, never a drop.
  let shown = 0;
  const ticker = setInterval(() => {
    const bytes = bytesIn(tmp);
    if (!tty || bytes <= shown) return;
    shown = bytes;
    process.stderr.write(`\r  ${(bytes / 1e6).toFixed(1)} MB`);
  }, 500);
  let errors = '';
  try {
    const exit = await runNode(join(electronPackage(root), 'install.js'), [], {
      env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
      stderr: 'pipe',
      onStderr: (text) => (errors += text),
    });
    if (shown > 0) process.stderr.write('\n');
    if (exit.code !== 0) {
      const first = errors.split('\n').find((l) => l.trim() !== '' && !/^\s+at /.test(l));
      return {
        found: false,
        reason: `Electron's installer failed: ${first?.trim() ?? `exit ${exit.code}`}`,
      };
    }
  } finally {
    clearInterval(ticker);
    await rm(tmp, { recursive: true, force: true });
  }
  return findElectronBinary(root);
}

/**
 * The binary, fetched by Electron's installer if it is missing.
 * @param {string} root
 * @returns {Promise<BinaryLookup>}
 */
export async function ensureElectron(root) {
  const found = findElectronBinary(root);
  if (found.found || !existsSync(electronPackage(root))) return found;
  return installElectron(root);
}
