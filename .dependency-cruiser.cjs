// Which folder may import which, checked on the resolved module graph (static imports, dynamic
// `import()`, `require`, type-only imports) and, where it matters, on everything a module reaches
// transitively. Run by `npm run lint`. Each rule's name is what a violation prints.
//
//   src/shared          pure TypeScript for every side: no Node, no Electron, no Node-only packages
//   src/renderer        the page: shared + browser packages only
//   src/preload         the sandboxed bridge: shared + electron
//   src/workers         worker-thread and child-process entries: shared + Node
//   src/main/engine     the engine, plain Node: shared + worker code + Node; never Electron
//   src/main (shell)    the Electron app: shared + engine + electron (+ worker entries by path)
//   src/host, src/cli   plain-Node front ends: shared + engine (the host shares cli-common.ts)
//   src/bench           plain Node (render-page.ts runs in Chromium: renderer drawing code)
// Python scripts are not imported by anything: the engine starts them by path, so they need no rule.

const { builtinModules } = require('node:module');

/** A Node built-in, as dependency-cruiser names it once resolved (`fs`, `node:fs`, `fs/promises`). */
const NODE_BUILTIN = `^(node:)?(${builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((m) => m.replace(/[/]/g, '\\/'))
  .join('|')})$`;
const SHELL = '^src/main/(?!engine/)';
/** An npm package by name, as written (`ws`) or as resolved (`node_modules/ws/index.js`). */
const pkg = (...names) => `(^|node_modules/)(${names.join('|')})(/|$)`;
const ELECTRON = pkg('electron');
const NODE_ONLY_PACKAGES = pkg('ws', 'sirv', 'commander');
/** Folders that must run without Electron: the Electron package may not be in their reach. */
const PLAIN = '^src/(shared|renderer|workers|main/engine|host|cli|bench)/';

/**
 * A rule forbidding `from` to depend on anything under one of `folders` (paths under src/), except
 * the modules `allowed` names (a path pattern).
 */
const notInto = (name, from, folders, comment, allowed) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: `^src/(${folders.join('|')})/`, ...(allowed ? { pathNot: allowed } : {}) },
});

module.exports = {
  forbidden: [
    // --- Electron -----------------------------------------------------------------------------
    {
      name: 'electron-only-in-shell-and-preload',
      comment: 'electron is imported only in src/main (shell) and src/preload.',
      severity: 'error',
      from: { path: '^src/', pathNot: [`${SHELL}`, '^src/preload/'] },
      to: { path: ELECTRON },
    },
    {
      name: 'no-electron-in-reach',
      comment:
        'This plain-Node or browser code reaches electron through what it imports (e.g. a shell ' +
        'module such as src/main/window.ts). Move what it needs into the engine or src/shared.',
      severity: 'error',
      from: { path: PLAIN },
      to: { path: ELECTRON, reachable: true },
    },

    // --- Node built-ins and Node-only packages -----------------------------------------------
    {
      name: 'no-node-in-browser-code',
      comment:
        'src/shared, src/renderer, src/preload and the render bench page run without Node: no ' +
        'Node built-ins.',
      severity: 'error',
      from: { path: '^src/(shared|renderer|preload)/|^src/bench/render-page\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-node-only-packages-in-browser-code',
      comment:
        'ws, sirv and commander are Node-only: not in src/shared, src/renderer, src/preload.',
      severity: 'error',
      from: { path: '^src/(shared|renderer|preload)/|^src/bench/render-page\\.ts$' },
      to: { path: NODE_ONLY_PACKAGES },
    },
    {
      name: 'no-node-in-reach-of-renderer',
      comment: 'The renderer reaches Node (a built-in or a Node-only package) through its imports.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { reachable: true, path: [NODE_BUILTIN, NODE_ONLY_PACKAGES] },
    },

    // --- Folder directions --------------------------------------------------------------------
    {
      name: 'shared-imports-only-shared',
      comment: 'src/shared imports nothing outside src/shared.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(?!shared/)' },
    },
    notInto(
      'renderer-imports-only-shared',
      '^src/renderer/',
      ['main', 'workers', 'host', 'cli', 'preload', 'bench'],
      'The renderer imports only src/shared (also no dynamic import() of the engine).',
    ),
    notInto(
      'preload-imports-only-shared',
      '^src/preload/',
      ['main', 'renderer', 'workers', 'host', 'cli', 'bench'],
      'The preload imports src/shared and electron only.',
    ),
    notInto(
      'workers-import-only-shared',
      '^src/workers/',
      ['main', 'renderer', 'host', 'cli', 'preload', 'bench'],
      'Workers import only src/shared and Node.',
    ),
    {
      name: 'engine-not-to-shell',
      comment:
        'The engine is plain Node: it never imports the Electron shell (src/main outside ' +
        'engine/, e.g. window.ts or ipc-handlers.ts).',
      severity: 'error',
      from: { path: '^src/main/engine/' },
      to: { path: SHELL },
    },
    notInto(
      'engine-imports-shared-and-workers',
      '^src/main/engine/',
      ['renderer', 'host', 'cli', 'preload', 'bench'],
      'The engine imports src/shared and worker code only.',
    ),
    notInto(
      'shell-imports-shared-and-engine',
      SHELL,
      ['renderer', 'host', 'cli', 'preload', 'bench'],
      'The shell imports src/shared and the engine (worker entries only as `?modulePath`).',
    ),
    {
      name: 'host-and-cli-not-to-shell',
      comment: 'The browser host and the CLIs use src/main/engine, never the Electron shell.',
      severity: 'error',
      from: { path: '^src/(host|cli)/' },
      to: { path: SHELL },
    },
    notInto(
      'host-imports-shared-and-engine',
      '^src/host/',
      ['renderer', 'workers', 'cli', 'preload', 'bench'],
      "The browser host is plain Node: shared + engine (and the CLIs' commander plumbing).",
      '^src/cli/cli-common\\.ts$',
    ),
    notInto(
      'cli-imports-shared-and-engine',
      '^src/cli/',
      ['renderer', 'workers', 'host', 'preload', 'bench'],
      'The CLIs are plain Node: shared + engine.',
    ),
    notInto(
      'bench-is-plain-node',
      '^src/bench/(?!render-page\\.ts$)',
      ['renderer', 'preload', 'host', 'cli'],
      'The bench is plain Node: shared + engine.',
    ),
    notInto(
      'render-page-runs-in-a-browser',
      '^src/bench/render-page\\.ts$',
      ['main', 'workers', 'preload', 'host', 'cli'],
      "The render bench page runs in Chromium: the renderer's drawing code and shared only.",
    ),

    // --- zod ----------------------------------------------------------------------------------
    {
      name: 'zod-only-through-shared-zod-mini',
      comment:
        'Schemas use `z` from src/shared/zod-mini.ts: zod/mini with English messages. Full zod ' +
        "would put its ~110 KB of classes back into the page's bundle, and zod/mini imported " +
        'anywhere else has no locale (every message reads "Invalid input"). Tests may import either.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/shared/zod-mini\\.ts$', '\\.test\\.ts$'] },
      to: { path: pkg('zod') },
    },

    // --- Hygiene ------------------------------------------------------------------------------
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that resolves to nothing (a typo, or a package missing from package.json).',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|coverage|e2e/output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.svelte.ts', '.js', '.mjs', '.cjs', '.json', '.svelte'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
