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

/** The loader that makes a host's os.cpus() report a chosen core count (see the file). */
export const FAKE_CORES_CJS = join(__dirname, 'fake-cores.cjs');

/** This process's environment plus what makes a started host report `count` logical cores. */
export function fakeCoresEnv(count: number): NodeJS.ProcessEnv {
  const given = process.env.NODE_OPTIONS ?? '';
  return {
    ...process.env,
    CORESCOPE_FAKE_CORES: String(count),
    NODE_OPTIONS: `${given} --require ${FAKE_CORES_CJS}`.trim(),
  };
}
