// Children die with their parent whatever kills it: the built trace CLI is SIGKILLed in the middle
// of a cpu-bound run (kernels busy, so no child's event loop ever turns) and nothing of the run may
// be alive 2 s later. Without the lifeline every child kept computing for minutes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { alive, childrenOf, cpuTicks } from './test-support';

const CLI = resolve(__dirname, '../../../out/node/cli.cjs');
const dir = mkdtempSync(join(tmpdir(), 'corescope-child-death-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Whatever a failed assertion leaves running is stopped here, so it cannot load the next test.
const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
});

function startCli(model: string, workers: number): ChildProcess {
  const args = ['--scenario', 'cpu-bound', '--model', model, '--workers', String(workers)];
  const child = spawn(
    process.execPath,
    [CLI, ...args, '--tasks', '200', '--size', '4000', '--out', join(dir, `${model}.json`)],
    { stdio: 'ignore' },
  );
  if (child.pid !== undefined) started.push(child.pid);
  return child;
}

function killed(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((res) => child.once('exit', (_code, signal) => res(signal)));
}

describe.runIf(process.platform === 'linux')('SIGKILL of the trace CLI mid-run', () => {
  it('leaves none of its 3 worker processes alive 2 s later', async () => {
    const cli = startCli('processes', 3);
    const pid = cli.pid ?? -1;
    // Mid-run: every worker exists and has spent CPU time in its kernel (10 ms ticks).
    await expect
      .poll(
        () => {
          const kids = childrenOf(pid);
          return kids.length === 3 && kids.every((k) => cpuTicks(k) >= 5);
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
    const kids = childrenOf(pid);
    started.push(...kids);
    const exit = killed(cli);
    cli.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');
    await expect.poll(() => kids.filter(alive), { timeout: 2_000, interval: 20 }).toEqual([]);
  });

  it('takes its worker threads with it (they are threads of the one process)', async () => {
    const cli = startCli('threads', 2);
    const pid = cli.pid ?? -1;
    // The main thread plus two busy kernel threads have used CPU time.
    await expect.poll(() => cpuTicks(pid), { timeout: 30_000, interval: 50 }).toBeGreaterThan(20);
    const exit = killed(cli);
    cli.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');
    expect(alive(pid)).toBe(false);
    expect(childrenOf(pid)).toEqual([]);
  });
});
