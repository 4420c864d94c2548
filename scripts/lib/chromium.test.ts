// The Chromium finder's order and per-OS paths, with the filesystem probes injected (so every
// OS is covered on any OS), and the e2e launcher's one-line refusal of a bad CORESCOPE_CHROMIUM
// run for real.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, installAdvice, type Probes } from './chromium.mjs';

function probes(over: Partial<Probes> & { readonly present?: readonly string[] }): Probes {
  const present = new Set(over.present ?? []);
  return {
    platform: over.platform ?? 'linux',
    env: over.env ?? { PATH: '/usr/local/bin:/usr/bin' },
    home: over.home ?? '/home/ada',
    isExecutable: over.isExecutable ?? ((p) => present.has(p)),
    playwrightChromium: over.playwrightChromium ?? (() => undefined),
  };
}

describe('findChromium', () => {
  it('takes CORESCOPE_CHROMIUM first, and refuses one that is not there', () => {
    const env = { CORESCOPE_CHROMIUM: '/opt/my/chrome', PATH: '/usr/bin' };
    expect(findChromium(probes({ env, present: ['/opt/my/chrome', '/usr/bin/chromium'] }))).toEqual(
      { kind: 'found', path: '/opt/my/chrome', source: 'CORESCOPE_CHROMIUM' },
    );
    expect(findChromium(probes({ env, present: ['/usr/bin/chromium'] }))).toEqual({
      kind: 'bad-env',
      message: 'CORESCOPE_CHROMIUM=/opt/my/chrome is not an executable file',
    });
  });

  it('finds Debian chromium, then Chrome, then a browser on PATH (Linux)', () => {
    const found = (present: string[], env?: NodeJS.ProcessEnv) => {
      const r = findChromium(probes({ present, ...(env ? { env } : {}) }));
      return r.kind === 'found' ? r.path : r.kind;
    };
    expect(found(['/usr/bin/google-chrome', '/usr/bin/chromium'])).toBe('/usr/bin/chromium');
    expect(found(['/usr/bin/google-chrome'])).toBe('/usr/bin/google-chrome');
    expect(found(['/snap/bin/chromium'])).toBe('/snap/bin/chromium');
    expect(found(['/home/ada/bin/chromium-browser'], { PATH: '/home/ada/bin' })).toBe(
      '/home/ada/bin/chromium-browser',
    );
    expect(found([])).toBe('none');
  });

  it('finds Chrome in /Applications or ~/Applications (macOS)', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const own = '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium';
    const mac = (present: string[]) =>
      findChromium(probes({ platform: 'darwin', home: '/Users/ada', present }));
    expect(mac([chrome, own])).toMatchObject({ path: chrome, source: 'system' });
    expect(mac([own])).toMatchObject({ path: own });
    // Linux paths mean nothing on a Mac.
    expect(mac(['/usr/bin/chromium'])).toEqual({ kind: 'none' });
  });

  it('finds Chrome, else the Edge every Windows has (Windows)', () => {
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
    };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const win = (present: string[]) => findChromium(probes({ platform: 'win32', env, present }));
    expect(win([edge, chrome])).toMatchObject({ path: chrome });
    expect(win([edge])).toMatchObject({ path: edge });
  });

  it("falls back to Playwright's own browser only when it was downloaded", () => {
    const own = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
    expect(findChromium(probes({ present: [own], playwrightChromium: () => own }))).toEqual({
      kind: 'found',
      path: own,
      source: 'playwright',
    });
    expect(findChromium(probes({ playwrightChromium: () => own }))).toEqual({ kind: 'none' });
  });

  it('says what to install, per OS, in one line', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const advice = installAdvice(platform);
      expect(advice).not.toContain('\n');
      expect(advice).toContain('npx playwright install chromium');
      expect(advice).toContain('CORESCOPE_CHROMIUM');
    }
    expect(installAdvice('linux')).toContain('apt-get install chromium');
    expect(installAdvice('win32')).toContain('Microsoft Edge');
  });
});

describe('npm run test:e2e', () => {
  it('refuses a CORESCOPE_CHROMIUM that is not a browser in one line, running nothing', () => {
    const script = join(__dirname, '..', 'test-e2e.mjs');
    const r = spawnSync(process.execPath, [script], {
      env: { ...process.env, CORESCOPE_CHROMIUM: '/nonexistent/chrome' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'CoreScope: CORESCOPE_CHROMIUM=/nonexistent/chrome is not an executable file\n',
    );
  });
});
