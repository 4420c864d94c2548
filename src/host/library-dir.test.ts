// The browser host's library folder: the XDG default, and a folder that cannot be used.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLibraryDir, prepareLibraryDir } from './library-dir';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corescope-dir-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('library folder', () => {
  it('follows XDG_DATA_HOME when absolute, else ~/.local/share', () => {
    expect(defaultLibraryDir({ XDG_DATA_HOME: '/x/data' }, '/home/u')).toBe(
      '/x/data/corescope/runs',
    );
    expect(defaultLibraryDir({ XDG_DATA_HOME: 'rel' }, '/home/u')).toBe(
      '/home/u/.local/share/corescope/runs',
    );
    expect(defaultLibraryDir({}, '/home/u')).toBe('/home/u/.local/share/corescope/runs');
  });

  it('creates a missing folder and refuses a file', async () => {
    expect(await prepareLibraryDir(join(dir, 'a', 'b'))).toEqual({
      ok: true,
      dir: join(dir, 'a', 'b'),
    });
    await writeFile(join(dir, 'f'), 'x');
    expect(await prepareLibraryDir(join(dir, 'f'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot use .* as the run library/),
    });
  });
});
