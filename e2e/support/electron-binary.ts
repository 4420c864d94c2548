// Finds an Electron binary WITHOUT require('electron'), whose index.js downloads one when it is
// missing. Same lookup as electron's own index.js, plus electron-vite's ELECTRON_EXEC_PATH.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

export type BinaryLookup =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly reason: string };

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): BinaryLookup {
  const exec = env['ELECTRON_EXEC_PATH'];
  if (exec !== undefined && existsSync(exec)) return { found: true, path: exec };
  const pkg = join(ROOT, 'node_modules', 'electron');
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
    reason:
      'no Electron binary here (node_modules/electron/dist missing; set ELECTRON_EXEC_PATH or ELECTRON_OVERRIDE_DIST_PATH)',
  };
}
