// Builds the three Electron targets. Main and preload emit CommonJS (package.json has no
// "type": "module"), which a sandboxed preload requires; the preload is one self-contained file.
// Worker entries reach main through `?modulePath` imports, so electron-vite emits them as
// separate files.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

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
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [svelte()],
  },
});
