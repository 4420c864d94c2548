// The npm scripts as a user or a supervisor meets them: `npm run serve` and `npm run trace` are
// npm → sh -c → launcher → program, and a signal to npm (the only pid a supervisor knows) must
// end the program and everything it started. npm passes SIGTERM only to the shell, which does
// not pass it on; the launcher (scripts/lib/child.mjs) notices and stops the program.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { descendants } from './support/proc';
import { ROOT } from './support/paths';

test.skip(process.platform !== 'linux', 'reads the process tree from /proc (Linux)');

const URL_LINE = /CoreScope(?: browser host)?: (http:\/\/\S+)/;

/** Whether `pid` is still the process it was (same command line), not reused or a zombie. */
function stillRunning(pid: number, cmdline: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1') === cmdline;
  } catch {
    return false;
  }
}

interface Tree {
  readonly pid: number;
  readonly cmdline: string;
}

function snapshot(root: number): Tree[] {
  return descendants(root).flatMap((p) => {
    try {
      return [{ pid: p.pid, cmdline: readFileSync(`/proc/${p.pid}/cmdline`, 'latin1') }];
    } catch {
      return [];
    }
  });
}

const shown = (tree: readonly Tree[]): string[] =>
  tree.map((p) => `${p.pid} ${p.cmdline.replace(/\0/g, ' ').trim()}`);

function npmRun(args: readonly string[]): { child: ChildProcess; output: () => string } {
  const child = spawn('npm', ['run', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1' },
  });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  return { child, output: () => log };
}

/** Everything under npm once `ready` holds for that tree; killed at the end whatever happens. */
async function treeWhen(
  npm: ChildProcess,
  ready: (tree: readonly Tree[], output: string) => boolean,
  output: () => string,
): Promise<Tree[]> {
  const pid = npm.pid;
  if (pid === undefined) throw new Error('npm did not start');
  let tree: Tree[] = [];
  await expect
    .poll(
      () => {
        tree = snapshot(pid);
        return ready(tree, output());
      },
      { timeout: 60_000, message: 'the program did not come up' },
    )
    .toBe(true);
  return tree;
}

async function expectAllGone(tree: readonly Tree[]): Promise<void> {
  await expect
    .poll(() => shown(tree.filter((p) => stillRunning(p.pid, p.cmdline))), { timeout: 15_000 })
    .toEqual([]);
}

function cleanup(tree: readonly Tree[]): void {
  for (const p of tree) if (stillRunning(p.pid, p.cmdline)) process.kill(p.pid, 'SIGKILL');
}

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  test(`${signal} to the npm wrapper of \`npm run serve\` leaves no host`, async () => {
    const library = mkdtempSync(join(tmpdir(), 'corescope-e2e-library-'));
    const { child, output } = npmRun(['serve', '--', '--port', '0', '--library', library]);
    let tree: Tree[] = [];
    try {
      tree = await treeWhen(child, (_t, out) => URL_LINE.test(out), output);
      expect(shown(tree).some((p) => p.includes('out/node/serve.cjs'))).toBe(true);
      child.kill(signal);
      await expectAllGone(tree);
    } finally {
      cleanup(tree);
      rmSync(library, { recursive: true, force: true });
    }
  });
}

test('SIGTERM to the npm wrapper of `npm run trace` ends the run and its worker processes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corescope-e2e-trace-'));
  const args = ['--scenario', 'cpu-bound', '--model', 'processes', '--workers', '2'];
  const { child, output } = npmRun([
    'trace',
    '--',
    ...args,
    '--size',
    '100000',
    '--out',
    join(dir, 'run.json'),
  ]);
  let tree: Tree[] = [];
  try {
    // Ready once the CLI has forked its worker processes (they are what would burn the cores).
    tree = await treeWhen(
      child,
      (t) => t.filter((p) => p.cmdline.includes('process-entry')).length >= 2,
      output,
    );
    child.kill('SIGTERM');
    await expectAllGone(tree);
  } finally {
    cleanup(tree);
    rmSync(dir, { recursive: true, force: true });
  }
});

// `script` (util-linux) gives the command a real terminal; a Ctrl-C typed there goes to the whole
// foreground process group. The CLI must see it once: a second SIGINT means "exit at once".
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

test('Ctrl-C typed in a terminal cancels `npm run trace` once, cleanly, leaving nothing', async () => {
  test.skip(!hasScript, 'needs util-linux `script` for a terminal');
  const dir = mkdtempSync(join(tmpdir(), 'corescope-e2e-trace-'));
  const out = join(dir, 'run.json');
  const cmd = `npm run trace -- --scenario cpu-bound --model processes --workers 2 --size 100000 --out '${out}'`;
  const terminal = spawn('script', ['-qec', cmd, '/dev/null'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  terminal.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  terminal.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((resolve) => terminal.once('exit', resolve));
  let tree: Tree[] = [];
  try {
    tree = await treeWhen(
      terminal,
      (t) => t.filter((p) => p.cmdline.includes('process-entry')).length >= 2,
      () => log,
    );
    terminal.stdin?.write('\x03');
    await exited;
    expect(log.match(/cancelling the run/g) ?? []).toHaveLength(1);
    expect(log).toMatch(/cancelled: wall/);
    await expectAllGone(tree);
  } finally {
    cleanup(tree);
    if (terminal.exitCode === null) terminal.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
