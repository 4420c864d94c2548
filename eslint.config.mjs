// Lint rules for the whole repo, and the import directions of STYLE.md as `no-restricted-imports`
// per folder: renderer → shared; workers → shared + node; engine → shared + workers; main (shell)
// → shared + engine (+ worker entries via `?modulePath`); host and cli → shared + engine; preload → shared
// + electron. Relative imports are matched by the folder they climb into, so `../../main/x` from
// the renderer fails while `../../shared/x` passes.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const nodeMessage = 'Node built-ins are not available here (STYLE.md import directions).';
/** Bare built-in names must match exactly (a pattern `events` would also catch `./events`). */
const nodeBuiltinPaths = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({ name, message: nodeMessage }));

/** Any relative import that climbs out (`../`) into one of these top-level src folders. */
const into = (folders, message) => ({
  regex: `^(\\.\\./)+(.*/)?(${folders.join('|')})(/|$)`,
  message,
});

/** `no-restricted-imports` with the given banned module names and relative-path patterns. */
const restrict = ({ electron = true, node = false, patterns = [] }) => [
  'error',
  {
    paths: node ? nodeBuiltinPaths : [],
    patterns: [
      ...(electron
        ? [
            {
              regex: '^electron(/|$)',
              message: 'electron only in src/main (shell) and src/preload.',
            },
          ]
        : []),
      ...(node ? [{ regex: '^node:', message: nodeMessage }] : []),
      ...patterns,
    ],
  },
];

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
      parserOptions: { extraFileExtensions: ['.svelte'] },
      globals: { ...globals.node },
    },
    rules: {
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

  // --- import directions -------------------------------------------------------------------
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict({
        node: true,
        patterns: [
          { regex: '^\\.\\./', message: 'src/shared imports nothing outside src/shared.' },
        ],
      }),
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrict({
        node: true,
        patterns: [
          into(
            ['main', 'workers', 'host', 'preload', 'cli'],
            'The renderer imports only src/shared.',
          ),
        ],
      }),
    },
  },
  {
    files: ['src/workers/**'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          into(
            ['main', 'renderer', 'host', 'preload', 'cli'],
            'Workers import only src/shared and node.',
          ),
        ],
      }),
    },
  },
  {
    files: ['src/main/engine/**'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          into(
            ['renderer', 'host', 'preload', 'cli'],
            'The engine is plain Node: it imports src/shared and worker entries only.',
          ),
        ],
      }),
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/engine/**'],
    rules: {
      'no-restricted-imports': restrict({
        electron: false,
        patterns: [
          into(
            ['renderer', 'host', 'preload', 'cli'],
            'The shell imports src/shared and the engine only.',
          ),
          {
            regex: '^(\\.\\./)+(.*/)?workers/(?!.*\\?modulePath$)',
            message: 'The shell reaches worker code only as `?modulePath` entries.',
          },
        ],
      }),
    },
  },
  {
    files: ['src/host/**'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          into(
            ['renderer', 'workers', 'preload', 'cli'],
            'The browser host is plain Node: shared + engine.',
          ),
          {
            regex: '^(\\.\\./)+(.*/)?main/(?!engine/)',
            message: 'The browser host uses src/main/engine, never the Electron shell.',
          },
        ],
      }),
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          into(
            ['renderer', 'workers', 'preload', 'host'],
            'The CLIs are plain Node: shared + engine.',
          ),
          {
            regex: '^(\\.\\./)+(.*/)?main/(?!engine/)',
            message: 'The CLIs use src/main/engine, never the Electron shell.',
          },
        ],
      }),
    },
  },
  {
    files: ['src/bench/**'],
    ignores: ['src/bench/render-page.ts'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          into(['renderer', 'preload', 'host'], 'The bench is plain Node: shared + engine.'),
        ],
      }),
    },
  },
  {
    // The renderer benchmark's page runs in Chromium: the renderer's drawing code and shared only.
    files: ['src/bench/render-page.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict({
        node: true,
        patterns: [
          into(['main', 'workers', 'preload', 'host'], 'The render bench page runs in a browser.'),
        ],
      }),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict({
        electron: false,
        node: true,
        patterns: [
          into(
            ['main', 'renderer', 'workers', 'host', 'cli'],
            'The preload imports src/shared and electron only.',
          ),
        ],
      }),
    },
  },
);
