import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['./scripts/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Engine tests start real workers and processes: running test files in parallel on a 2-core
    // machine would only make them queue for the same cores (no test compares timings).
    fileParallelism: false,
    coverage: {
      provider: 'v8',
      // One summary block in `npm test`; `--coverage.reporter=html` gives the per-line view.
      reporter: ['text-summary'],
      reportOnFailure: true,
      include: ['src/**/*.ts', 'src/**/*.svelte'],
      exclude: ['src/**/*.test.ts', 'src/**/*.d.ts', 'src/main/engine/test-support.ts'],
    },
  },
});
