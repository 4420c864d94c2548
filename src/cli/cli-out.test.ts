// --out of both built CLIs (out/node/cli.cjs and sweep.cjs, built by vitest's global setup)
// against what can really be at a path: a FIFO, a socket, a device made with mknod (root only;
// never the machine's /dev/null), a symbolic link, a folder, a folder that takes no new file
// (/proc). Each is refused with exit 2 and one line before the run starts, and left exactly as it
// was. A regular file is replaced and keeps its mode.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromChromeTrace } from '../main/engine/chrome-trace';

const TRACE = resolve(__dirname, '../../out/node/cli.cjs');
const SWEEP = resolve(__dirname, '../../out/node/sweep.cjs');
const dir = mkdtempSync(join(tmpdir(), 'corescope-cli-out-'));
const isRoot = process.getuid?.() === 0;
let server: Server | undefined;

const TRACE_ARGS = ['--scenario', 'say-after', '--model', 'async', '--scale', '0.05'];
const SWEEP_ARGS = [
  '--scenario',
  'cpu-bound',
  '--model',
  'threads',
  '--workers',
  '1',
  '--size',
  '1',
];

const run = (cli: string, args: readonly string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  execFileSync('mkfifo', [join(dir, 'fifo.json')]);
  server = createServer();
  const s = server;
  await new Promise<void>((done) => s.listen(join(dir, 'sock.json'), done));
  writeFileSync(join(dir, 'real.json'), 'keep me');
  symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
  mkdirSync(join(dir, 'folder.json'));
  // A null device of our own inside the temp dir (as root): the test never touches /dev/null.
  if (isRoot) execFileSync('mknod', [join(dir, 'null.json'), 'c', '1', '3']);
});
afterAll(async () => {
  const s = server;
  if (s !== undefined) await new Promise((done) => s.close(done));
  rmSync(dir, { recursive: true, force: true });
});

const targets: [string, string, RegExp][] = [
  ['a FIFO', 'fifo.json', /is a FIFO/],
  ['a socket', 'sock.json', /is a socket/],
  ['a symbolic link', 'link.json', /is a symbolic link \(not written through/],
  ['a folder', 'folder.json', /is a folder/],
  ...(isRoot ? [['a device (mknod)', 'null.json', /is a device/] as [string, string, RegExp]] : []),
];

function snapshot(name: string): number[] {
  const s = lstatSync(join(dir, name));
  return [s.ino, s.mode, s.rdev, s.size];
}

describe.each([
  ['trace', TRACE, TRACE_ARGS],
  ['sweep', SWEEP, SWEEP_ARGS],
])('%s CLI --out', (_name, cli, args) => {
  it.each(targets)(
    'refuses %s with exit 2 before the run, leaving it as it was',
    (_what, name, why) => {
      const before = snapshot(name);
      const r = run(cli, [...args, '--out', join(dir, name)]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^error: --out: /);
      expect(r.stderr).toMatch(why);
      // One line and nothing else: no progress, no summary, so the run never started.
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
      expect(snapshot(name)).toEqual(before);
      expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('keep me');
      expect(readlinkSync(join(dir, 'link.json'))).toBe(join(dir, 'real.json'));
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('refuses a folder that takes no new file (/proc) before the run', () => {
    const r = run(cli, [...args, '--out', '/proc/corescope-x.json']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^error: --out: cannot write in \/proc( \(\w+\))?$/);
    expect(r.stdout).toBe('');
  });

  it('refuses a folder that does not exist before the run', () => {
    const r = run(cli, [...args, '--out', join(dir, 'nowhere', 'x.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^error: --out: folder .*nowhere does not exist$/);
  });
});

describe('trace CLI --out onto a regular file', () => {
  it('replaces it with the trace and keeps its mode', () => {
    const out = join(dir, 'existing.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    const r = run(TRACE, [...TRACE_ARGS, '--json', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lstatSync(out).mode & 0o7777).toBe(0o640);
    const imported = fromChromeTrace(JSON.parse(readFileSync(out, 'utf8')));
    expect(imported.ok).toBe(true);
  });
});
