// The built trace CLI (out/node/cli.cjs, built by vitest's global setup) end to end: bad flags
// write nothing, a real run writes a trace that imports back, Ctrl-C leaves no process behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromChromeTrace } from '../main/engine/chrome-trace';
import { alive, childrenOf, cpuTicks } from '../main/engine/test-support';

const CLI = resolve(__dirname, '../../out/node/cli.cjs');
const dir = mkdtempSync(join(tmpdir(), 'corescope-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: readonly string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('trace CLI', () => {
  it('rejects bad flags with one line, a non-zero exit and no file', () => {
    const out = join(dir, 'bad.json');
    const cases: [string[], RegExp][] = [
      [['--scenario', 'nope', '--model', 'async'], /^error: --scenario must be one of /],
      [['--scenario', 'mixed', '--model', 'x'], /^error: --model must be one of /],
      [['--scenario', 'mixed', '--model', 'async', '--workers', '65'], /--workers .*at most 64/],
      [['--scenario', 'mixed', '--model', 'async', '--tasks', '10001'], /--tasks .*at most 10000/],
      [['--scenario', 'mixed', '--model', 'async', '--workers', '2x'], /--workers must be a whole/],
      [
        ['--scenario', 'mixed', '--model', 'async', '--frobnicate'],
        /unknown option '--frobnicate'/,
      ],
    ];
    for (const [args, line] of cases) {
      const r = run([...args, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(line);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a trace of a real run that imports back', () => {
    const out = join(dir, 'say.json');
    const args = ['--scenario', 'say-after', '--model', 'async', '--scale', '0.05', '--json'];
    const r = run([...args, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary: unknown = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ out, status: 'completed', tasks: 2, tasksDone: 2 });
    const imported = fromChromeTrace(JSON.parse(readFileSync(out, 'utf8')));
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.store.sliceCount).toBeGreaterThan(0);
    expect(imported.summary.status).toBe('completed');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(process.platform === 'linux')(
    'cancels on Ctrl-C and leaves no worker process behind',
    async () => {
      const out = join(dir, 'int.json');
      const args = [
        '--scenario',
        'cpu-bound',
        '--model',
        'processes',
        '--workers',
        '2',
        '--tasks',
        '200',
        '--size',
        '2000',
      ];
      const child = spawn(process.execPath, [CLI, ...args, '--out', out], { stdio: 'ignore' });
      const pid = child.pid ?? -1;
      const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
      // Mid-run: both workers exist and have spent CPU time (10 ms ticks) in their kernels.
      await expect
        .poll(
          () => {
            const kids = childrenOf(pid);
            return kids.length === 2 && kids.every((k) => cpuTicks(k) >= 2);
          },
          { timeout: 30_000, interval: 50 },
        )
        .toBe(true);
      const workers = childrenOf(pid);
      child.kill('SIGINT');
      // 200 tasks of seconds each cannot end by themselves first: exit code 130 says Ctrl-C
      // ended the run.
      expect(await exited).toBe(130);
      expect(workers.filter(alive)).toEqual([]);
      expect(existsSync(out)).toBe(true); // the partial run, marked cancelled
    },
  );
});
