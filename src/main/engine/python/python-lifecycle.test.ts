// Python runs that fail, hang or lose their engine: the failure is recorded in one line, Cancel
// and the time limit stop the script, and no Python process (multiprocessing children included)
// outlives its run, even when the engine itself is SIGKILLed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePythonRunInput } from '../../../shared/python';
import { preparePython } from './python-run';
import type { RunStore } from '../../../shared/run-store';
import { follow, runPython, startPython } from './python-test-support';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);
const file = (name: string) => ({ kind: 'file', path: fixture(name) }) as const;

function gone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Resolves once `check` holds; polls the condition (an outside process: no event to wait on). */
async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let scratch: string | undefined;
afterEach(() => {
  delete process.env.CORESCOPE_TEST_PIDS;
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function pidsFile(): string {
  scratch = mkdtempSync(join(tmpdir(), `corescope-pytest-${process.pid}-`));
  const path = join(scratch, 'pids');
  process.env.CORESCOPE_TEST_PIDS = path;
  return path;
}

const readPids = (path: string): number[] =>
  readFileSync(path, 'utf8').trim().split(' ').map(Number);

describe('Python run failures and lifetimes', () => {
  it('records an exception as one line with its type, message and file:line', async () => {
    const { summary } = await runPython(file('raises.py'));
    expect(summary.status).toBe('failed');
    expect(summary.failures.map((f) => f.reason)).toEqual([
      'ValueError: the answer is not 42 at raises.py:2',
    ]);
  });

  it('a syntax error is one clear line; a non-zero exit is a failure', async () => {
    const syntax = await runPython(file('syntax_error.py'));
    expect(syntax.summary.status).toBe('failed');
    const reason = syntax.summary.failures[0]?.reason ?? '';
    expect(reason).toMatch(/^SyntaxError: .+ at syntax_error\.py:1$/);
    expect(reason).not.toContain('\n');
    const exits = await runPython(file('exits.py'));
    expect(exits.summary.status).toBe('failed');
    expect(exits.summary.failures[0]?.reason).toBe('the script exited with status 3');
  });

  it('runs uploaded text from the scratch folder, and untraced runs still end cleanly', async () => {
    const text = 'import os\nprint(os.getcwd())\nopen("left-behind.txt", "w").write("x")\n';
    const up = await runPython({ kind: 'text', name: 'upload.py', text });
    expect(up.summary.status).toBe('completed');
    expect(up.store.meta?.source).toMatchObject({ kind: 'python', script: 'upload.py', text });
    const plain = await runPython('say_after_tasks.py', 0.05, {}, false);
    expect(plain.summary.status).toBe('completed');
    expect(plain.summary.slices).toBe(0);
    expect(plain.summary.wallMs).toBeGreaterThan(0);
  });

  it('refuses a missing script or interpreter and bad input before starting anything', () => {
    const missing = preparePython({
      source: 'python',
      script: { kind: 'file', path: fixture('nope.py') },
      scale: 1,
      trace: true,
    });
    expect(missing).toEqual({ ok: false, error: `script ${fixture('nope.py')} does not exist` });
    const noPython = preparePython({
      source: 'python',
      script: file('raises.py'),
      python: '/nonexistent/python3',
      scale: 1,
      trace: true,
    });
    expect(noPython).toEqual({
      ok: false,
      error: 'no usable Python: /nonexistent/python3 was not found',
    });
    expect(
      parsePythonRunInput({ source: 'python', script: { kind: 'example', name: 'x.py' } }, 2),
    ).toMatchObject({ ok: false });
    expect(
      parsePythonRunInput({ source: 'python', script: file('raises.py'), extra: 1 }, 2),
    ).toEqual({ ok: false, error: 'unknown parameter: extra' });
  });

  it('Cancel kills the script, its thread and its multiprocessing child', async () => {
    const path = pidsFile();
    const handle = startPython(file('hangs.py'));
    const run = follow(handle);
    // Cancel only once the app has been told about the child (its actor is what the trace must
    // keep), and the script has written the pids this test checks afterwards.
    const hasChild = (s: RunStore): boolean =>
      [...s.actors.values()].some((a) => a.label === 'hanging child');
    await run.reach(hasChild, 'the hanging child arrived');
    await until(() => existsSync(path), 'the script to write its pids');
    const pids = readPids(path);
    expect(pids.every((p) => !gone(p))).toBe(true);
    handle.cancel();
    const { summary, store } = await run.done;
    expect(summary.status).toBe('cancelled');
    expect(hasChild(store)).toBe(true);
    await until(() => pids.every(gone), 'every Python process to end');
  });

  it('the time limit stops a script that hangs', async () => {
    const path = pidsFile();
    const { summary, store } = await runPython(file('hangs.py'), 1, { maxRunMs: 3000 });
    expect(summary.status).toBe('failed');
    expect(summary.failures.map((f) => f.reason)).toContain(
      'the script exceeded its time limit of 3 s and was stopped',
    );
    // On a busy machine the limit can fire before the script wrote its pids: every process the
    // trace met counts too (the root always), so the check never rests on how far it got.
    const traced = [...store.actors.values()].map((a) => a.pid).filter((p) => p > 0);
    const pids = [...new Set([...traced, ...(existsSync(path) ? readPids(path) : [])])];
    expect(pids.length).toBeGreaterThan(0);
    await until(() => pids.every(gone), 'every Python process to end');
  });

  it('no Python process outlives a SIGKILLed engine (the CLI)', async () => {
    const path = pidsFile();
    const out = join(scratch ?? tmpdir(), 'trace.json');
    const cli = join(__dirname, '../../../../out/node/cli.cjs');
    const engine = spawn(process.execPath, [cli, '--script', fixture('hangs.py'), '--out', out], {
      stdio: 'ignore',
    });
    await until(() => existsSync(path), 'the script to start its child', 30_000);
    const pids = readPids(path);
    engine.kill('SIGKILL');
    await until(() => pids.every(gone), 'every Python process to end after the engine died');
    expect(existsSync(out)).toBe(false);
  });
});

describe('Python runs in trace files', () => {
  it('export names the runtime, GIL and script, and import restores them', async () => {
    const { toChromeTrace } = await import('../chrome-trace');
    const { fromChromeTrace } = await import('../../../shared/chrome-trace-import');
    const { store, summary } = await runPython('say_after_tasks.py', 0.05);
    const trace = toChromeTrace(store, summary);
    expect(trace.otherData.runtime).toMatch(/^CPython 3\.\d+\.\d+$/);
    expect(trace.otherData.python).toMatchObject({ script: 'say_after_tasks.py', gil: true });
    const back = fromChromeTrace(JSON.parse(JSON.stringify(trace)));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.store.meta?.source?.script).toBe('say_after_tasks.py');
      expect(back.store.tasks.size).toBe(store.tasks.size);
    }
  });
});
