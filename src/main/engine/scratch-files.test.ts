// The mixed scenario's scratch files: the total written stays under the cap whatever the task
// count, writing lets the event loop turn, and folders left by dead runs (a SIGKILLed CLI) are
// removed at the next start while a live owner's folder is never touched.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStat } from '../../shared/proc-parse';
import { parseRunParams } from '../../shared/scenarios';
import { removeStaleScratch, writeScratchFiles } from './scratch-files';
import { alive, childrenOf } from './test-support';

const CLI = resolve(__dirname, '../../../out/node/cli.cjs');
const root = mkdtempSync(join(tmpdir(), 'corescope-scratch-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const fresh = (): string => {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  return dir;
};

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Start time of a live process (field 22 of /proc/<pid>/stat). */
function startTimeOf(pid: number): string {
  return parseStat(readFileSync(`/proc/${pid}/stat`, 'latin1'))?.rest[22 - 3] ?? '';
}

/** A pid that was alive a moment ago and is not now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((res) => child.once('exit', res));
  return child.pid ?? -1;
}

describe('the scratch cap', () => {
  it('writes at most the cap however many tasks share the files', async () => {
    const parent = fresh();
    const s = await writeScratchFiles(10_000, 3, { parent, capMib: 8 });
    expect(s.files).toHaveLength(10_000);
    expect(new Set(s.files).size).toBe(2); // floor(8 / 3) distinct files, shared round-robin
    expect(s.bytesWritten).toBe(2 * 3 * 2 ** 20);
    expect(bytesUnder(parent)).toBe(s.bytesWritten);
    expect(bytesUnder(parent)).toBeLessThanOrEqual(8 * 2 ** 20);
    await s.remove();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses a file larger than the cap and writes nothing', async () => {
    const parent = fresh();
    await expect(writeScratchFiles(4, 9, { parent, capMib: 8 })).rejects.toThrow(/1 to 8 MiB/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('is what the run parameters allow: mixed refuses a size above 512 MiB', () => {
    const big = parseRunParams({ scenario: 'mixed', model: 'async', size: 1024, tasks: 10 }, 2);
    expect(big).toMatchObject({ ok: false, error: expect.stringMatching(/1 to 512 for mixed/) });
    expect(parseRunParams({ scenario: 'mixed', model: 'async', size: 512 }, 2).ok).toBe(true);
  });

  it('lets the event loop turn while it makes and writes the data', async () => {
    const parent = fresh();
    let turns = 0;
    let on = true;
    const spin = (): void => {
      turns++;
      if (on) setImmediate(spin);
    };
    setImmediate(spin);
    const s = await writeScratchFiles(1, 16, { parent });
    on = false;
    // 16 MiB in 4 MiB chunks: each chunk's fill and write are awaited, so the loop ran between.
    expect(turns).toBeGreaterThanOrEqual(4);
    await s.remove();
  });
});

describe.runIf(process.platform === 'linux')('stale scratch folders', () => {
  it('removes only folders whose owner is provably dead', async () => {
    const parent = fresh();
    const dead = await deadPid();
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    const live = sleeper.pid ?? -1;
    try {
      const names = {
        dead: `corescope-scratch-${dead}-1234-abcDEF`,
        reused: `corescope-scratch-${live}-1-abcDEF`, // the pid now belongs to a later process
        live: `corescope-scratch-${live}-${startTimeOf(live)}-abcDEF`,
        self: `corescope-scratch-${process.pid}-${startTimeOf(process.pid)}-abcDEF`,
        legacy: 'corescope-abcDEF', // no owner in the name: cannot be proved dead
        other: 'corescope-cli-abcDEF',
      };
      for (const name of Object.values(names)) mkdirSync(join(parent, name));
      const removed = await removeStaleScratch(parent);
      expect(removed.sort()).toEqual([names.dead, names.reused].sort());
      expect(readdirSync(parent).sort()).toEqual(
        [names.live, names.self, names.legacy, names.other].sort(),
      );
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('a SIGKILLed CLI leaves its folder; the next mixed run removes it', async () => {
    const parent = fresh();
    const env = { ...process.env, TMPDIR: parent };
    // Two 2 MiB files, read with a 0.5 s device latency per chunk: seconds of run after setup.
    const args = ['--scenario', 'mixed', '--model', 'sequential', '--tasks', '2', '--size', '2'];
    const first = spawn(
      process.execPath,
      [CLI, ...args, '--scale', '50', '--out', join(root, `k${n}.json`)],
      { env, stdio: 'ignore' },
    );
    const pid = first.pid ?? -1;
    // Mid-run: its scratch folder holds both complete files.
    await expect
      .poll(
        () =>
          readdirSync(parent).filter((d) => d.startsWith(`corescope-scratch-${pid}-`)).length ===
            1 && bytesUnder(parent) === 2 * 2 * 2 ** 20,
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
    const exit = new Promise((res) => first.once('exit', res));
    first.kill('SIGKILL');
    await exit;
    expect(alive(pid)).toBe(false);
    const left = readdirSync(parent);
    expect(left).toHaveLength(1);

    const small = ['--scenario', 'mixed', '--model', 'sequential', '--tasks', '1', '--size', '1'];
    const second = spawn(process.execPath, [CLI, ...small, '--out', join(root, `s${n}.json`)], {
      env,
      stdio: 'ignore',
    });
    const code = await new Promise((res) => second.once('exit', res));
    expect(code).toBe(0);
    expect(childrenOf(second.pid ?? -1)).toEqual([]);
    // The dead run's folder is gone, and the second run removed its own at its end.
    expect(readdirSync(parent)).toEqual([]);
  });
});
