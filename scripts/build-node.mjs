// Bundles the plain-Node parts (worker entries, CLI, browser host, bench) into out/node/*.cjs.
// electron-vite builds the Electron targets; these run without Electron, so esbuild does them.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const entries = {
  'thread-entry': 'src/workers/thread-entry.ts',
  'process-entry': 'src/workers/process-entry.ts',
  'run-file-entry': 'src/workers/run-file-entry.ts',
  cli: 'src/cli/cli.ts',
  sweep: 'src/cli/sweep-cli.ts',
  serve: 'src/host/serve.ts',
  bench: 'src/bench/bench.ts',
  'python-bench': 'src/bench/python-bench.ts',
};

export async function buildNode() {
  const present = Object.fromEntries(
    Object.entries(entries).filter(([, file]) => existsSync(join(root, file))),
  );
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(present).map(([k, v]) => [k, join(root, v)])),
    outdir: join(root, 'out/node'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The Python runner and tracer, beside the bundles that start them (no __pycache__).
  cpSync(join(root, 'src/python'), join(root, 'out/node/python'), {
    recursive: true,
    filter: (src) => !src.includes('__pycache__'),
  });
  // The renderer benchmark's page script: the app's drawing code, for the browser.
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src/bench/render-page.ts')],
    outfile: join(root, 'out/node/render-page.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNode();
}
