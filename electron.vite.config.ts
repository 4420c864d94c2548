// Builds the three Electron targets. Main and preload emit CommonJS (package.json has no
// "type": "module"), which a sandboxed preload requires; the preload is one self-contained file.
// Worker entries reach main through `?modulePath` imports, so electron-vite emits them as
// separate files.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { META_CSP } from './src/shared/csp-rules';
import { THEME_BOOT_FILE, themeBootSource } from './src/renderer/src/lib/theme-boot';

/** Writes the one set of CSP rules into the page's meta tag (index.html has a placeholder). */
function metaCsp(): Plugin {
  return {
    name: 'corescope-meta-csp',
    transformIndexHtml: (html) => {
      if (!html.includes('%CORESCOPE_CSP%')) throw new Error('index.html lost its CSP placeholder');
      return html.replace('%CORESCOPE_CSP%', META_CSP);
    },
  };
}

/**
 * The theme boot script (lib/theme-boot.ts) as its own file, at the end of <head>: a classic
 * script blocks the first paint until it has run (the page's module script runs only after
 * parsing), and the CSP allows no inline one. Built pages
 * only: the dev server has no emitted files, and there app.css's default shows until mount.
 */
function themeBoot(): Plugin {
  return {
    name: 'corescope-theme-boot',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'script', attrs: { src: `./${THEME_BOOT_FILE}` }, injectTo: 'head' },
    ],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: THEME_BOOT_FILE, source: themeBootSource() });
    },
  };
}

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    build: {
      // A sandboxed preload can require only electron: bundle everything else (zod) into it.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // The page's build is mostly the Svelte compiler's work, as expected: the bundler's
        // timing advice only buries `npm start`'s one useful line (the URL) under a wall of text.
        checks: { bundlerTimings: false },
      },
    },
    plugins: [svelte(), metaCsp(), themeBoot()],
  },
});
