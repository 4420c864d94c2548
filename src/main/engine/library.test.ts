// The library folder on a real temp dir: round trip, atomic writes (no temp files left, a failed
// write leaves nothing), name validation, refusal to overwrite, corrupt/oversized files listed
// as unreadable, pruning of automatically kept runs, and ids that cannot be paths.
import { mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../shared/library-contract';
import { parseRunFile } from '../../shared/run-file';
import { STATE_CODE } from '../../shared/states';
import { RunLibrary } from './library';
import { testPythonSource, testRunFile as runFile } from '../../shared/test-figures';
import { value } from './library-test-support';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corescope-lib-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function saved(lib: RunLibrary, name?: string, auto = false): Promise<LibraryEntry> {
  return value(await lib.save({ file: runFile(), auto, ...(name === undefined ? {} : { name }) }));
}

describe('RunLibrary', () => {
  it('lists an empty or missing folder as empty', async () => {
    expect(value(await new RunLibrary({ dir: join(dir, 'nope') }).list())).toEqual([]);
  });

  it('names a Python run by its script and runtime, with no worker count', async () => {
    const lib = new RunLibrary({ dir });
    const file = runFile();
    const source = testPythonSource('cpu_threads.py');
    const python = { ...file, meta: { ...file.meta, source } };
    const entry = value(await lib.save({ file: python, auto: true }));
    expect(entry.name).toBe('cpu_threads.py · CPython 3.11.7');
  });

  it('saves, lists, reopens to the same run, renames and deletes', async () => {
    const lib = new RunLibrary({ dir });
    const entry = await saved(lib);
    expect(entry).toMatchObject({ status: 'ok', name: 'cpu-bound · threads × 2', kept: true });
    expect(value(await lib.list())).toEqual([entry]);
    const opened = value(await lib.open(entry.id));
    const back = parseRunFile(opened.file, opened.name);
    expect(back.ok && Array.from(back.run.store.slices)).toEqual([
      0,
      0,
      0,
      STATE_CODE.running,
      1,
      5,
      90,
    ]);
    const renamed = value(await lib.rename(entry.id, '  Lecture 3: threads  '));
    expect(renamed).toMatchObject({ id: entry.id, name: 'Lecture 3: threads' });
    // A fresh instance reads the sidecar: the name survives.
    expect(value(await new RunLibrary({ dir }).list())[0]?.name).toBe('Lecture 3: threads');
    expect(value(await lib.remove(entry.id))).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes atomically: no temp files remain and files are complete JSON', async () => {
    const lib = new RunLibrary({ dir });
    const entry = await saved(lib);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([`${entry.id}.corescope.json`, `${entry.id}.meta.json`]);
    const read = async (f: string): Promise<unknown> =>
      JSON.parse(await readFile(join(dir, f), 'utf8'));
    expect(await read(`${entry.id}.corescope.json`)).toMatchObject({ format: 'corescope-run' });
    expect(await read(`${entry.id}.meta.json`)).toMatchObject({ name: entry.name });
  });

  it('a failed write leaves nothing behind', async () => {
    const lib = new RunLibrary({ dir: join(dir, 'file') });
    await writeFile(join(dir, 'file'), 'not a folder');
    const r = await lib.save({ file: runFile(), auto: false });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/could not/) });
    expect(await readdir(dir)).toEqual(['file']);
  });

  it.each([
    ['', /empty/],
    ['a/b', /\//],
    ['a\\b', /\//],
    ['..', /\.\./],
    ['x'.repeat(81), /at most 80/],
    ['bell\u0007', /control/],
  ])('refuses the name %j', async (name, why) => {
    const lib = new RunLibrary({ dir });
    const entry = await saved(lib, 'good');
    expect(await lib.rename(entry.id, name)).toMatchObject({
      ok: false,
      error: expect.stringMatching(why),
    });
    expect(await lib.save({ file: runFile(), name, auto: false })).toMatchObject({ ok: false });
    expect(value(await lib.list()).map((e) => e.name)).toEqual(['good']);
  });

  it('never overwrites: a taken name is refused on rename and on save', async () => {
    const lib = new RunLibrary({ dir });
    const a = await saved(lib, 'Alpha');
    const b = await saved(lib, 'Beta');
    const r = await lib.rename(b.id, 'alpha');
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/already in the library/) });
    expect(await lib.save({ file: runFile(), name: 'ALPHA', auto: false })).toMatchObject({
      ok: false,
    });
    expect(value(await lib.rename(a.id, 'Alpha'))).toMatchObject({ name: 'Alpha' });
    expect(
      value(await lib.list())
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Alpha', 'Beta']);
  });

  it('gives repeated default names a number', async () => {
    const lib = new RunLibrary({ dir });
    await saved(lib);
    expect((await saved(lib)).name).toBe('cpu-bound · threads × 2 (2)');
  });

  it('refuses ids that are paths or unknown, and invalid run files', async () => {
    const lib = new RunLibrary({ dir });
    for (const id of ['../x', 'a/b', '', '.hidden', 42]) {
      expect(await lib.open(id)).toMatchObject({ ok: false, error: 'not a library id' });
      expect(await lib.remove(id)).toMatchObject({ ok: false });
    }
    expect(await lib.open('run-missing')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no longer/),
    });
    const bad = { ...runFile(), slices: [1, 2, 3] };
    expect(await lib.save({ file: bad, auto: true })).toMatchObject({ ok: false });
    expect(await lib.save({ file: runFile(), auto: 'yes' })).toMatchObject({ ok: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('lists corrupt, truncated and oversized files as unreadable', async () => {
    const lib = new RunLibrary({ dir, maxFileBytes: 4096 });
    const good = await saved(lib);
    await writeFile(join(dir, 'broken.corescope.json'), '{"format":"corescope-run", "vers');
    await writeFile(join(dir, 'hostile.corescope.json'), '{"format":"corescope-run"}');
    await writeFile(join(dir, 'huge.corescope.json'), '');
    await truncate(join(dir, 'huge.corescope.json'), 10_000);
    await writeFile(join(dir, 'ignored name.corescope.json'), 'x');
    const list = value(await lib.list());
    const byId = new Map(list.map((e) => [e.id, e]));
    expect(list).toHaveLength(4);
    expect(byId.get(good.id)?.status).toBe('ok');
    expect(byId.get('broken')).toMatchObject({
      status: 'unreadable',
      error: expect.stringMatching(/JSON/),
    });
    expect(byId.get('hostile')).toMatchObject({
      status: 'unreadable',
      error: expect.stringMatching(/run file/),
    });
    expect(byId.get('huge')).toMatchObject({
      status: 'unreadable',
      error: expect.stringMatching(/too large/),
    });
    expect(await lib.open('broken')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Cannot open/),
    });
    expect(await lib.rename('broken', 'fixed')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unreadable/),
    });
    expect(value(await lib.remove('broken'))).toBeNull();
  });

  it('never follows a link in the folder', async () => {
    const outside = join(dir, '..', `${dir.split('/').pop() ?? 'x'}-outside.json`);
    await writeFile(outside, JSON.stringify(runFile('secret')));
    try {
      await symlink(outside, join(dir, 'link.corescope.json'));
      const lib = new RunLibrary({ dir });
      expect(value(await lib.list())).toMatchObject([
        {
          id: 'link',
          status: 'unreadable',
          error: expect.stringMatching(/links are not followed/),
        },
      ]);
      expect(await lib.open('link')).toMatchObject({
        ok: false,
        error: expect.stringMatching(/not followed/),
      });
      expect(value(await lib.remove('link'))).toBeNull();
      expect(JSON.parse(await readFile(outside, 'utf8'))).toMatchObject({
        format: 'corescope-run',
      });
    } finally {
      await rm(outside, { force: true });
    }
  });

  it('reads a valid run file dropped in by hand, named after its file', async () => {
    await writeFile(join(dir, 'handmade.corescope.json'), JSON.stringify(runFile('r9')));
    const [entry] = value(await new RunLibrary({ dir }).list());
    expect(entry).toMatchObject({ status: 'ok', id: 'handmade', name: 'handmade', runId: 'r9' });
  });

  it('prunes automatically kept runs beyond the limit, never kept ones', async () => {
    // Each save is dated one second after the last: the order is the test's, not the clock's.
    let t = Date.parse('2026-01-01T00:00:00Z');
    const lib = new RunLibrary({ dir, maxRecent: 2, now: () => new Date((t += 1000)) });
    const kept = await saved(lib, 'Keep me');
    const auto: string[] = [];
    for (let i = 0; i < 4; i++) auto.push((await saved(lib, undefined, true)).id);
    const ids = value(await lib.list()).map((e) => e.id);
    expect(ids.sort()).toEqual([kept.id, ...auto.slice(2)].sort());
  });
});
