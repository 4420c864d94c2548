// `npm run serve|trace|sweep|bench -- FLAGS`: builds what the program needs, then runs it with
// the flags, standing in for it as if exec'd (see lib/child.mjs): Ctrl-C and SIGTERM reach the
// program, its exit code is ours, and it never outlives npm.
import { join } from 'node:path';
import { build, ROOT } from './lib/build.mjs';
import { exitAs, runNode } from './lib/child.mjs';
import { findChromium, realProbes } from './lib/chromium.mjs';

/** @type {Record<string, { readonly build: 'all' | 'node', readonly file: string }>} */
const PROGRAMS = {
  // The host serves the built renderer, so it needs the full build.
  serve: { build: 'all', file: 'serve.cjs' },
  trace: { build: 'node', file: 'cli.cjs' },
  sweep: { build: 'node', file: 'sweep.cjs' },
  // build-node bundles the renderer benchmark's page too; its Chromium comes from the finder.
  bench: { build: 'node', file: 'bench.cjs' },
};

const [name, ...args] = process.argv.slice(2);
const program = name === undefined ? undefined : PROGRAMS[name];
if (program === undefined) {
  process.stderr.write(`usage: node scripts/run.mjs ${Object.keys(PROGRAMS).join('|')} [flags]\n`);
  process.exit(2);
}
const failed = await build(program.build);
if (failed !== undefined) await exitAs(failed);

/** The renderer benchmark reads CHROMIUM_PATH; give it the browser the tests would use. */
function benchEnv() {
  if (name !== 'bench' || process.env['CHROMIUM_PATH'] !== undefined) return process.env;
  const found = findChromium(realProbes(ROOT));
  return found.kind === 'found' ? { ...process.env, CHROMIUM_PATH: found.path } : process.env;
}

await exitAs(await runNode(join(ROOT, 'out', 'node', program.file), args, { env: benchEnv() }));
