// The two builds every launcher needs: electron-vite for the Electron targets and the renderer
// (which the browser host serves too), and esbuild for the plain-Node programs in out/node.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode } from '../build-node.mjs';
import { runNode } from './child.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(ROOT, 'package.json'));

/** The electron-vite command-line script, run with this Node (no shell, same on every OS). */
export function electronViteCli() {
  const pkg = require.resolve('electron-vite/package.json');
  return join(dirname(pkg), 'bin', 'electron-vite.js');
}

/**
 * Builds what `which` needs; resolves to the failing step's exit, or undefined when all built.
 * @param {'all' | 'node'} which
 * @returns {Promise<import('./child.mjs').ChildExit | undefined>}
 */
export async function build(which) {
  if (which === 'all') {
    const vite = await runNode(electronViteCli(), ['build']);
    if (vite.code !== 0) return vite;
  }
  try {
    await buildNode();
  } catch (err) {
    process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return { code: 1, signal: null };
  }
  return undefined;
}
