// Finds a Chromium for Playwright's browser tests, and gets one where none is there. Order:
// CORESCOPE_CHROMIUM, then a system Chrome/Chromium/Edge (every Chromium-based browser
// Playwright can drive), then Playwright's own download. Obtaining: Playwright's installer where
// downloads work, else Debian's `chromium` when root on Debian/Ubuntu. The lookup is a pure
// function of its probes, so it is unit-tested for every OS on any OS.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join, posix, win32 } from 'node:path';
import { runChild, runNode } from './child.mjs';

/**
 * @typedef {{
 *   readonly platform: NodeJS.Platform,
 *   readonly env: NodeJS.ProcessEnv,
 *   readonly home: string,
 *   readonly isExecutable: (path: string) => boolean,
 *   readonly playwrightChromium: () => string | undefined,
 * }} Probes
 * @typedef {'CORESCOPE_CHROMIUM' | 'system' | 'playwright'} Source
 * @typedef {{ readonly kind: 'found', readonly path: string, readonly source: Source }
 *   | { readonly kind: 'bad-env', readonly message: string }
 *   | { readonly kind: 'none' }} Lookup
 */

/** Program names looked up on PATH (Linux and other Unixes). */
const UNIX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
];

/**
 * Install locations per OS, most specific first; on Linux PATH is searched too.
 * @param {NodeJS.Platform} platform
 * @param {NodeJS.ProcessEnv} env
 * @param {string} home
 * @returns {string[]}
 */
export function systemCandidates(platform, env, home) {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return ['/Applications', posix.join(home, 'Applications')].flatMap((dir) =>
      apps.map((app) => posix.join(dir, app)),
    );
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (r) => r !== undefined && r !== '',
    );
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      // Every Windows 10/11 has Edge, which is Chromium and which Playwright drives.
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return apps.flatMap((app) => roots.map((root) => win32.join(root ?? '', app)));
  }
  const onPath = (env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .flatMap((dir) => UNIX_NAMES.map((name) => posix.join(dir, name)));
  const fixed = [
    ...UNIX_NAMES.map((name) => `/usr/bin/${name}`),
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
  return [...new Set([...fixed, ...onPath])];
}

/**
 * @param {Probes} probes
 * @returns {Lookup}
 */
export function findChromium(probes) {
  const given = probes.env['CORESCOPE_CHROMIUM'];
  if (given !== undefined && given !== '') {
    return probes.isExecutable(given)
      ? { kind: 'found', path: given, source: 'CORESCOPE_CHROMIUM' }
      : { kind: 'bad-env', message: `CORESCOPE_CHROMIUM=${given} is not an executable file` };
  }
  for (const path of systemCandidates(probes.platform, probes.env, probes.home)) {
    if (probes.isExecutable(path)) return { kind: 'found', path, source: 'system' };
  }
  const own = probes.playwrightChromium();
  if (own !== undefined && probes.isExecutable(own)) {
    return { kind: 'found', path: own, source: 'playwright' };
  }
  return { kind: 'none' };
}

/**
 * One line saying exactly what to install, for this OS.
 * @param {NodeJS.Platform} platform
 * @returns {string}
 */
export function installAdvice(platform) {
  const tail =
    'or run `npx playwright install chromium` where downloads work, or set CORESCOPE_CHROMIUM to a Chrome/Chromium executable';
  if (platform === 'darwin')
    return `no Chromium for the browser tests: install Google Chrome, ${tail}`;
  if (platform === 'win32')
    return `no Chromium for the browser tests: install Google Chrome or Microsoft Edge, ${tail}`;
  return `no Chromium for the browser tests: install Chromium (Debian/Ubuntu: sudo apt-get install chromium), ${tail}`;
}

/** @param {string} path */
function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} root */
function playwrightResolver(root) {
  const require = createRequire(join(root, 'package.json'));
  return () => {
    try {
      /** @type {{ chromium: { executablePath(): string } }} */
      const pw = require('@playwright/test');
      return pw.chromium.executablePath();
    } catch {
      return undefined;
    }
  };
}

/**
 * The probes of this machine.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Probes}
 */
export function realProbes(root, env = process.env) {
  return {
    platform: process.platform,
    env,
    home: env['HOME'] ?? env['USERPROFILE'] ?? '',
    isExecutable: isExecutableFile,
    playwrightChromium: playwrightResolver(root),
  };
}

/** Debian or a derivative (Ubuntu) by /etc/os-release, run as root, with apt-get. */
function canAptInstall() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const ids = /^ID(?:_LIKE)?=(.*)$/gm;
    const all = [...release.matchAll(ids)].map((m) => (m[1] ?? '').replace(/"/g, '')).join(' ');
    return /\b(debian|ubuntu)\b/.test(all) && isExecutableFile('/usr/bin/apt-get');
  } catch {
    return false;
  }
}

/**
 * Playwright's own installer; its download lines are shown, its stack traces folded into one line.
 * @param {string} root
 * @returns {Promise<string | undefined>} why it failed, or undefined
 */
async function playwrightInstall(root) {
  const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  let errors = '';
  const exit = await runNode(cli, ['install', 'chromium'], {
    stdout: 'pipe',
    stderr: 'pipe',
    onStdout: (text) => {
      for (const line of text.split('\n')) {
        if (/^Downloading|%|downloaded to/.test(line)) process.stdout.write(`${line}\n`);
        else if (line.trim() !== '') errors += `${line}\n`;
      }
    },
    onStderr: (text) => (errors += text),
  });
  if (exit.code === 0) return undefined;
  const cause = /(getaddrinfo \S+ \S+|ECONNREFUSED|ETIMEDOUT|Download failure[^\n]*)/.exec(errors);
  return cause?.[1] ?? `exit code ${exit.code ?? exit.signal}`;
}

/** @returns {Promise<string | undefined>} why it failed, or undefined */
async function aptInstall() {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runChild('apt-get', ['update', '-qq'], { env });
  if (update.code !== 0) return 'apt-get update failed';
  const install = await runChild('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
  return install.code === 0 ? undefined : 'apt-get install chromium failed';
}

/**
 * Finds a Chromium or gets one; says on stderr what it tries, each in one line.
 * @param {string} root
 * @returns {Promise<{ readonly ok: true, readonly path: string } | { readonly ok: false, readonly message: string }>}
 */
export async function ensureChromium(root) {
  const first = findChromium(realProbes(root));
  if (first.kind === 'found') return { ok: true, path: first.path };
  if (first.kind === 'bad-env') return { ok: false, message: first.message };
  const say = (/** @type {string} */ line) => process.stderr.write(`CoreScope: ${line}\n`);
  say("no Chromium found; trying Playwright's installer (npx playwright install chromium)");
  const pwFailed = await playwrightInstall(root);
  if (pwFailed === undefined) {
    const after = findChromium(realProbes(root));
    if (after.kind === 'found') return { ok: true, path: after.path };
  } else {
    say(`Playwright's installer could not download Chromium (${pwFailed})`);
  }
  if (canAptInstall()) {
    say("installing Debian's chromium with apt-get (running as root on Debian/Ubuntu)");
    const aptFailed = await aptInstall();
    const after = findChromium(realProbes(root));
    if (after.kind === 'found') return { ok: true, path: after.path };
    if (aptFailed !== undefined) say(aptFailed);
  }
  return { ok: false, message: installAdvice(process.platform) };
}
