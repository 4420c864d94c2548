// Where the built artefacts live; every e2e test runs against `npm run build` output.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const SERVE_CJS = join(ROOT, 'out', 'node', 'serve.cjs');
export const RENDERER_INDEX = join(ROOT, 'out', 'renderer', 'index.html');
export const ELECTRON_MAIN = join(ROOT, 'out', 'main', 'index.js');

/** Throws one clear line when the build the tests need is missing. */
export function requireBuilt(...files: string[]): void {
  for (const file of files) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests`);
  }
}
