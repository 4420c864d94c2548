// The one atomic writer on real files in a temp dir: what it may replace (nothing, a regular file,
// keeping its mode), what it refuses and leaves exactly as it was (FIFO, socket, device made with
// mknod, symbolic link, folder), folders it cannot write in (/proc), a target swapped for a FIFO
// while the bytes are written, and "do not replace" holding when twenty writers race for a name.
import { execFileSync } from 'node:child_process';
import {
  chmod,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWriteTarget, writeFileAtomic } from './atomic-write';

const isRoot = process.getuid?.() === 0;

let dir = '';
let servers: Server[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corescope-atomic-'));
});
afterEach(async () => {
  for (const s of servers) await new Promise((done) => s.close(done));
  servers = [];
  await rm(dir, { recursive: true, force: true });
});

const temps = async (): Promise<string[]> => (await readdir(dir)).filter((f) => f.endsWith('.tmp'));

async function socketAt(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((done) => server.listen(path, done));
}

/** The kinds of thing the writer must never replace, each made for real at `path`. */
const refused: [string, (path: string) => Promise<void>, RegExp][] = [
  ['a FIFO', async (p) => void execFileSync('mkfifo', [p]), /is a FIFO/],
  ['a socket', socketAt, /is a socket/],
  ['a folder', async (p) => void (await mkdir(p)), /is a folder/],
  [
    'a symbolic link',
    async (p) => {
      await writeFile(join(dir, 'real.json'), 'keep me');
      await symlink(join(dir, 'real.json'), p);
    },
    /is a symbolic link \(not written through/,
  ],
];
if (isRoot) {
  // A null device of our own, inside the temp dir: never the machine's /dev/null.
  refused.push([
    'a device (mknod)',
    async (p) => void execFileSync('mknod', [p, 'c', '1', '3']),
    /is a device/,
  ]);
}

describe('writeFileAtomic', () => {
  it('creates a file with the usual mode and leaves no temporary file', async () => {
    const path = join(dir, 'new.json');
    await writeFileAtomic(path, '{"a":1}');
    expect(await readFile(path, 'utf8')).toBe('{"a":1}');
    const umask = process.umask();
    expect((await lstat(path)).mode & 0o777).toBe(0o666 & ~umask);
    expect(await temps()).toEqual([]);
  });

  it('replaces a regular file and keeps its mode', async () => {
    for (const mode of [0o600, 0o640, 0o755]) {
      const path = join(dir, `m${mode.toString(8)}.json`);
      await writeFile(path, 'old');
      await chmod(path, mode);
      await writeFileAtomic(path, 'new');
      expect(await readFile(path, 'utf8')).toBe('new');
      expect((await lstat(path)).mode & 0o7777).toBe(mode);
    }
    expect(await temps()).toEqual([]);
  });

  it('replaces the name of a hard link; its other name keeps the old bytes', async () => {
    const other = join(dir, 'other.json');
    const path = join(dir, 'linked.json');
    await writeFile(other, 'old');
    await link(other, path);
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readFile(other, 'utf8')).toBe('old');
  });

  it('writes chunks from a producer', async () => {
    const path = join(dir, 'chunks.json');
    await writeFileAtomic(path, async (write) => {
      for (let i = 0; i < 3; i++) await write(`${i}`);
    });
    expect(await readFile(path, 'utf8')).toBe('012');
  });

  for (const [what, make, message] of refused) {
    it(`refuses to replace ${what} and leaves it as it was`, async () => {
      const path = join(dir, 'target');
      await make(path);
      const before = await lstat(path);
      expect(await checkWriteTarget(path)).toMatchObject({
        ok: false,
        error: expect.stringMatching(message),
      });
      await expect(writeFileAtomic(path, 'data')).rejects.toThrow(message);
      const after = await lstat(path);
      expect([after.ino, after.mode, after.rdev]).toEqual([before.ino, before.mode, before.rdev]);
      if (after.isSymbolicLink()) {
        expect(await readlink(path)).toBe(join(dir, 'real.json'));
        expect(await readFile(join(dir, 'real.json'), 'utf8')).toBe('keep me');
      }
      expect(await temps()).toEqual([]);
    });
  }

  it('refuses, leaving it, a FIFO put in place of the target while the bytes were written', async () => {
    const path = join(dir, 'swapped.json');
    await writeFile(path, 'old');
    const writing = writeFileAtomic(path, async (write) => {
      await write('new');
      await rm(path);
      execFileSync('mkfifo', [path]);
    });
    await expect(writing).rejects.toThrow(/is a FIFO/);
    expect((await lstat(path)).isFIFO()).toBe(true);
    expect(await temps()).toEqual([]);
  });

  it('a failing producer leaves the old file and no temporary file', async () => {
    const path = join(dir, 'keep.json');
    await writeFile(path, 'old');
    const failing = writeFileAtomic(path, async (write) => {
      await write('half');
      throw new Error('producer failed');
    });
    await expect(failing).rejects.toThrow('producer failed');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await temps()).toEqual([]);
  });
});

describe('writeFileAtomic without replacing', () => {
  it('refuses an existing name and leaves it untouched', async () => {
    const path = join(dir, 'id.json');
    await writeFile(path, 'first');
    await expect(writeFileAtomic(path, 'second', { noReplace: true })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(path, 'utf8')).toBe('first');
    expect(await temps()).toEqual([]);
  });

  it('lets exactly one of twenty racing writers have the name', async () => {
    const path = join(dir, 'race.json');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        writeFileAtomic(path, `writer ${i}`, { noReplace: true }),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(`writer ${won[0] ?? -1}`);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'EEXIST' });
    expect(await temps()).toEqual([]);
  });
});

describe('checkWriteTarget', () => {
  it('accepts nothing or a regular file, and says whether it exists', async () => {
    expect(await checkWriteTarget(join(dir, 'none.json'))).toEqual({ ok: true, exists: false });
    await writeFile(join(dir, 'file.json'), 'x');
    expect(await checkWriteTarget(join(dir, 'file.json'))).toMatchObject({
      ok: true,
      exists: true,
    });
    expect(await temps()).toEqual([]);
  });

  it('refuses a missing folder, a file used as a folder and a folder that takes no new file', async () => {
    await writeFile(join(dir, 'plain'), 'x');
    const cases: [string, RegExp][] = [
      [join(dir, 'missing', 'x.json'), /folder .*missing does not exist/],
      [join(dir, 'plain', 'x.json'), /plain is not a folder/],
      // Root passes every permission check, yet nothing can be created in /proc.
      ['/proc/x.json', /cannot write in \/proc/],
    ];
    for (const [path, message] of cases) {
      const r = await checkWriteTarget(path);
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    }
  });

  it.skipIf(isRoot)('refuses a folder without write permission', async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked, { mode: 0o555 });
    expect(await checkWriteTarget(join(locked, 'x.json'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot write in/),
    });
  });
});
