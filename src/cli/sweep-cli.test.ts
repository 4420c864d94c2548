// The built sweep CLI (out/node/sweep.cjs, built by vitest's global setup): bad flags write
// nothing and say what is wrong in one line; a small real sweep writes speedups, fit and machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSweepArgs } from './sweep-args';

const CLI = resolve(__dirname, '../../out/node/sweep.cjs');
const dir = mkdtempSync(join(tmpdir(), 'corescope-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: readonly string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('sweep arguments', () => {
  it('fills the default worker list and the repeat count', () => {
    const r = parseSweepArgs(['--scenario', 'cpu-bound', '--model', 'threads', '--out', 'x'], 2);
    expect(r.kind === 'sweep' && r.options.workers).toEqual([1, 2, 3, 4]);
    expect(r.kind === 'sweep' && r.options.repeat).toBe(1);
    const limited = parseSweepArgs(
      ['--scenario', 'cpu-bound', '--model', 'threads', '--cores', '1', '--out', 'x'],
      2,
    );
    expect(limited.kind === 'sweep' && limited.options.workers).toEqual([1, 2]);
    expect(limited.kind === 'sweep' && limited.options.params.cores).toBe(1);
  });
});

describe('sweep CLI', () => {
  it('rejects bad flags with one line, exit code 2 and no file', () => {
    const out = join(dir, 'bad.json');
    const base = ['--scenario', 'cpu-bound', '--model', 'processes'];
    const cases: [string[], RegExp][] = [
      [['--scenario', 'nope', '--model', 'async'], /^error: --scenario must be one of /],
      [[...base, '--workers', '1,x'], /^error: --workers must be a list of whole numbers/],
      [[...base, '--workers', '0,2'], /^error: --workers must each be a whole number from 1 to 64/],
      [[...base, '--repeat', '0'], /^error: --repeat must be a whole number from 1 to 20/],
      [[...base, '--cores', '999'], /^error: --cores must be from 1 to/],
      [[...base, '--frobnicate'], /unknown option '--frobnicate'/],
    ];
    for (const [args, line] of cases) {
      const r = run([...args, '--out', out]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(line);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes per-point medians, speedups, the ideal line, the fit and the machine', () => {
    const out = join(dir, 'sweep.json');
    const args = ['--scenario', 'cpu-bound', '--model', 'threads', '--tasks', '2', '--size', '30'];
    const r = run([...args, '--workers', '2', '--repeat', '2', '--json', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc: unknown = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc).toMatchObject({
      app: 'CoreScope',
      kind: 'sweep',
      scenario: 'cpu-bound',
      model: 'threads',
      repeat: 2,
      points: [
        { workers: 1, speedup: 1, ideal: 1 },
        { workers: 2, ideal: Math.min(2, JSON.parse(r.stdout).cores) },
      ],
      machine: { logicalCores: expect.any(Number) },
    });
    const points = z
      .object({
        points: z.array(z.object({ wallsMs: z.array(z.number()), medianWallMs: z.number() })),
      })
      .parse(doc).points;
    for (const p of points) {
      expect(p.wallsMs).toHaveLength(2);
      expect(p.medianWallMs).toBeGreaterThan(0);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
