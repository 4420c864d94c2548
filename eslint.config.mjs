// Lint rules for the whole repo: TypeScript strictness, type-aware checks (no floating promises,
// exhaustive switches over unions) and Svelte. Which folder may import which is checked on the
// resolved module graph by dependency-cruiser (.dependency-cruiser.cjs, also run by
// `npm run lint`); the one rule here is the shell's `?modulePath` form for worker entries, which
// only the import text shows.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'out/',
      'node_modules/',
      'e2e/output/',
      'test-results/',
      'playwright-report/',
      'dist/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        extraFileExtensions: ['.svelte'],
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    files: ['src/renderer/**', 'src/preload/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    // Plain JavaScript (configs, build scripts) and its declaration files are outside the
    // TypeScript projects.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.d.mts'],
    extends: [ts.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Worker code reaches the shell as a separate file (electron-vite emits `?modulePath`
    // imports as their own entry), never bundled into it.
    files: ['src/main/**'],
    ignores: ['src/main/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(.*/)?workers/(?!.*\\?modulePath$)',
              message: 'The shell reaches worker code only as `?modulePath` entries.',
            },
          ],
        },
      ],
    },
  },
);
