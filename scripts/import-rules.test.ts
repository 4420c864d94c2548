// The import rules hold: a scratch copy of the repository with each forbidden import added fails
// `npm run lint`, and each violation is reported under the rule that forbids it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const COPIED = [
  'src',
  'scripts',
  'package.json',
  '.dependency-cruiser.cjs',
  'eslint.config.mjs',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

/** Each forbidden import: the scratch file, its text and the rule that must report it. */
const CASES: readonly { file: string; text: string; rule: string }[] = [
  {
    file: 'src/main/engine/scratch-window.ts',
    text: "import '../window';\n",
    rule: 'engine-not-to-shell',
  },
  {
    file: 'src/main/engine/scratch-ipc.ts',
    text: "import '../ipc-handlers';\n",
    rule: 'engine-not-to-shell',
  },
  {
    file: 'src/main/engine/scratch-electron.ts',
    text: "export const load = (): Promise<unknown> => import('electron');\n",
    rule: 'electron-only-in-shell-and-preload',
  },
  {
    file: 'src/renderer/src/scratch-engine.ts',
    text: "export const load = (): Promise<unknown> => import('../../main/engine/engine');\n",
    rule: 'renderer-imports-only-shared',
  },
  {
    file: 'src/renderer/src/scratch-ws.ts',
    text: "import 'ws';\n",
    rule: 'no-node-only-packages-in-browser-code',
  },
  {
    file: 'src/shared/scratch-sirv.ts',
    text: "import 'sirv';\n",
    rule: 'no-node-only-packages-in-browser-code',
  },
  {
    file: 'src/shared/scratch-commander.ts',
    text: "import 'commander';\n",
    rule: 'no-node-only-packages-in-browser-code',
  },
  {
    // Transitive: the renderer file itself imports only shared, but shared reaches Node.
    file: 'src/shared/scratch-node.ts',
    text: "import 'node:fs';\n",
    rule: 'no-node-in-browser-code',
  },
  {
    file: 'src/renderer/src/scratch-via-shared.ts',
    text: "import '../../shared/scratch-node';\n",
    rule: 'no-node-in-reach-of-renderer',
  },
  {
    file: 'src/renderer/src/scratch-zod.ts',
    text: "import { z } from 'zod';\nexport const n = z.number();\n",
    rule: 'zod-only-through-shared-zod-mini',
  },
  {
    // Transitive: the host imports the engine (allowed), which reaches electron via the shell.
    file: 'src/host/scratch-via-engine.ts',
    text: "import '../main/engine/scratch-window';\n",
    rule: 'no-electron-in-reach',
  },
];

let dir = '';
let result: { status: number | null; output: string } = { status: null, output: '' };

beforeAll(() => {
  // The owner's pid in the name: a leftover from a killed run is recognisable as dead.
  dir = mkdtempSync(join(tmpdir(), `corescope-import-rules-${process.pid}-`));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const c of CASES) {
    mkdirSync(dirname(join(dir, c.file)), { recursive: true });
    writeFileSync(join(dir, c.file), c.text);
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', '--silent', 'lint'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 540_000,
  });
  result = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}, 600_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('import rules', () => {
  it('fail npm run lint', () => {
    // A number above 0: lint ran and failed (null is a timeout or a signal, which proves nothing).
    expect(typeof result.status === 'number' && result.status > 0, result.output).toBe(true);
  });

  it.each(CASES)('report $file under $rule', ({ file, rule }) => {
    const reported = result.output
      .split('\n')
      .some((line) => line.includes(`error ${rule}:`) && line.includes(file));
    expect(reported, result.output).toBe(true);
  });
});
