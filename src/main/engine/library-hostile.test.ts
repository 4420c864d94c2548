// What others can leave in the library folder, made for real in a temp dir: FIFOs, sockets,
// devices (mknod, as root), links to /dev/zero, oversized sidecars and folders named like runs.
// Each is listed (never read past a bound, never followed, never blocking), and deleting it
// removes only what the library could have written. Names with invisible format characters are
// refused like control characters.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  truncate,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../shared/library-contract';
import { RunLibrary } from './library';
import { testRunFile as runFile } from '../../shared/test-figures';
import { value } from './library-test-support';
import { SidecarSchema } from './library-entries';

const isRoot = process.getuid?.() === 0;

let dir: string;
let servers: Server[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corescope-lib-hostile-'));
});
afterEach(async () => {
  for (const s of servers) await new Promise((done) => s.close(done));
  servers = [];
  await rm(dir, { recursive: true, force: true });
});

/** Saves a named run and returns its entry and its sidecar's path. */
async function keep(
  lib: RunLibrary,
  name = 'Kept',
): Promise<{ entry: LibraryEntry; meta: string }> {
  const entry = value(await lib.save({ file: runFile(), auto: false, name }));
  return { entry, meta: join(dir, `${entry.id}.meta.json`) };
}

async function listenOn(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((done) => server.listen(path, done));
}

describe('library sidecars that are not regular files', () => {
  it('a FIFO sidecar neither blocks the list nor the open: the run file is validated instead', async () => {
    const lib = new RunLibrary({ dir });
    const { entry, meta } = await keep(lib);
    await unlink(meta);
    execFileSync('mkfifo', [meta]);
    const list = value(await lib.list());
    // Without its sidecar the entry is read from the run file and named after its id.
    expect(list).toMatchObject([{ id: entry.id, status: 'ok', name: entry.id, runId: 'r1' }]);
    expect(value(await lib.open(entry.id)).file).toMatchObject({ meta: { runId: 'r1' } });
    expect(value(await lib.remove(entry.id))).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a sidecar linked to /dev/zero is not followed', async () => {
    const lib = new RunLibrary({ dir });
    const { entry, meta } = await keep(lib);
    await unlink(meta);
    await symlink('/dev/zero', meta);
    expect(value(await lib.list())).toMatchObject([{ id: entry.id, status: 'ok', name: entry.id }]);
    // Renaming writes a fresh sidecar in place of the link; /dev/zero is untouched.
    expect(value(await lib.rename(entry.id, 'Renamed')).name).toBe('Renamed');
    expect(value(await lib.list())).toMatchObject([{ id: entry.id, name: 'Renamed' }]);
  });

  it('a sidecar linked to a valid one outside the folder is not trusted', async () => {
    const lib = new RunLibrary({ dir });
    const { entry, meta } = await keep(lib, 'Inside');
    const outside = `${dir}-outside.meta.json`;
    const sidecar = SidecarSchema.parse(JSON.parse(await readFile(meta, 'utf8')));
    await writeFile(outside, JSON.stringify({ ...sidecar, name: 'From outside' }));
    try {
      await unlink(meta);
      await symlink(outside, meta);
      expect(value(await lib.list())).toMatchObject([{ id: entry.id, name: entry.id }]);
    } finally {
      await rm(outside, { force: true });
    }
  });

  it.skipIf(!isRoot)('a device sidecar (mknod, root) is never opened', async () => {
    const lib = new RunLibrary({ dir });
    const { entry, meta } = await keep(lib);
    await unlink(meta);
    execFileSync('mknod', [meta, 'c', '1', '5']); // the zero device, made inside the temp dir
    expect(value(await lib.list())).toMatchObject([{ id: entry.id, status: 'ok', name: entry.id }]);
  });

  it('a socket sidecar and an oversized one are ignored', async () => {
    const lib = new RunLibrary({ dir });
    const a = await keep(lib, 'A');
    const b = await keep(lib, 'B');
    await unlink(a.meta);
    await listenOn(a.meta);
    await truncate(b.meta, 10 * 1024 * 1024);
    const names = value(await lib.list()).map((e) => e.name);
    expect(names.sort()).toEqual([a.entry.id, b.entry.id].sort());
  });
});

describe('library run files that are not regular files', () => {
  it('a FIFO, a socket and a link are listed as unreadable, say what they are, and can be deleted', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.corescope.json')]);
    await listenOn(join(dir, 'sock.corescope.json'));
    await symlink('/dev/zero', join(dir, 'zero.corescope.json'));
    const lib = new RunLibrary({ dir });
    const byId = new Map(value(await lib.list()).map((e) => [e.id, e]));
    expect(byId.get('fifo')).toMatchObject({
      status: 'unreadable',
      error: expect.stringMatching(/FIFO/),
    });
    expect(byId.get('sock')).toMatchObject({
      status: 'unreadable',
      error: expect.stringMatching(/socket/),
    });
    expect(byId.get('zero')).toMatchObject({
      status: 'unreadable',
      error: expect.stringMatching(/links are not followed/),
    });
    expect(await lib.open('fifo')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/FIFO/),
    });
    for (const id of ['fifo', 'sock', 'zero']) expect(value(await lib.remove(id))).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    // The link was removed, not what it pointed to.
    expect((await lstat('/dev/zero')).isCharacterDevice()).toBe(true);
  });

  it.skipIf(!isRoot)(
    'a device (mknod, root) is listed as unreadable and removed on delete',
    async () => {
      execFileSync('mknod', [join(dir, 'dev.corescope.json'), 'c', '1', '5']);
      const lib = new RunLibrary({ dir });
      expect(value(await lib.list())).toMatchObject([
        { id: 'dev', status: 'unreadable', error: expect.stringMatching(/a device/) },
      ]);
      expect(value(await lib.remove('dev'))).toBeNull();
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it('a folder named like a run says so; deleting removes it when empty, refuses otherwise', async () => {
    await mkdir(join(dir, 'empty.corescope.json'));
    await mkdir(join(dir, 'full.corescope.json'));
    await writeFile(join(dir, 'full.corescope.json', 'notes.txt'), 'mine');
    const lib = new RunLibrary({ dir });
    const byId = new Map(value(await lib.list()).map((e) => [e.id, e]));
    expect(byId.get('empty')).toMatchObject({
      status: 'unreadable',
      error: 'a folder, not a file',
    });
    expect(byId.get('full')).toMatchObject({ status: 'unreadable', error: 'a folder, not a file' });
    expect(value(await lib.remove('empty'))).toBeNull();
    const refused = await lib.remove('full');
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/folder with files in it.*by hand/),
    });
    if (!refused.ok) expect(refused.error).not.toContain('\n');
    expect(await readdir(dir)).toEqual(['full.corescope.json']);
    expect(await readFile(join(dir, 'full.corescope.json', 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('library names', () => {
  const invisible: [string, string][] = [
    ['a right-to-left override', 'evil\u202Egnp.exe'],
    ['a zero-width space', 'a\u200Bb'],
    ['a byte-order mark inside', 'r\uFEFFun'],
    ['a line separator', 'one\u2028two'],
  ];
  for (const [what, name] of invisible) {
    it(`refuses ${what} on save and on rename, changing nothing`, async () => {
      const lib = new RunLibrary({ dir });
      const onSave = await lib.save({ file: runFile(), auto: false, name });
      expect(onSave).toMatchObject({
        ok: false,
        error: expect.stringMatching(/format characters/),
      });
      const { entry } = await keep(lib, 'Plain');
      const onRename = await lib.rename(entry.id, name);
      expect(onRename).toMatchObject({
        ok: false,
        error: expect.stringMatching(/format characters/),
      });
      expect(value(await lib.list()).map((e) => e.name)).toEqual(['Plain']);
    });
  }

  it('a sidecar edited by hand to carry a bidi override is not trusted', async () => {
    const lib = new RunLibrary({ dir });
    const { entry, meta } = await keep(lib);
    const sidecar = SidecarSchema.parse(JSON.parse(await readFile(meta, 'utf8')));
    await writeFile(meta, JSON.stringify({ ...sidecar, name: 'x\u202Ey' }));
    expect(value(await lib.list())).toMatchObject([{ id: entry.id, name: entry.id }]);
  });
});
