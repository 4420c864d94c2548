// The library of recent runs: a folder both hosts hand in (Electron: userData/runs; the browser
// host: --library or the XDG data folder). Plain Node, never electron. Every operation validates
// its input, runs one at a time (so two windows cannot race a name check), writes atomically,
// never replaces an entry it did not mean to, and answers a LibraryResult instead of throwing.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rmdir, unlink } from 'node:fs/promises';
import {
  LibraryIdSchema,
  LibrarySaveRequestSchema,
  MAX_LIBRARY_RECENT,
  libraryNameProblem,
  type LibraryEntry,
  type LibraryOpened,
  type LibraryResult,
  type ReadableEntry,
} from '../../shared/library-contract';
import { MAX_FILE_BYTES } from '../../shared/open-file';
import { runFacts, type RunFacts } from '../../shared/library-save';
import { checkRunFile } from '../../shared/run-file';
import { workloadLabel } from '../../shared/run-label';
import { writeFileAtomic } from './atomic-write';
import { errorCode } from './regular-file';
import {
  decodeHere,
  entryOf,
  entryPaths,
  idOfFileName,
  readEntry,
  readRunFile,
  readRunValue,
  sidecarFor,
  type RunDecoder,
  type Sidecar,
  type ValidationCache,
} from './library-entries';

export interface LibraryOptions {
  readonly dir: string;
  readonly maxFileBytes?: number;
  readonly maxRecent?: number;
  /** How run files found in the folder are parsed and checked (default: on this thread). */
  readonly decode?: RunDecoder;
  /** The clock that dates each kept run (and so orders pruning); tests pass their own. */
  readonly now?: () => Date;
}

/** A save request whose run file was checked and serialised (UTF-8 JSON) as validated. */
export interface CheckedSave {
  readonly name?: string;
  readonly auto: boolean;
  readonly json: Uint8Array;
  readonly facts: RunFacts;
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export class RunLibrary {
  readonly dir: string;
  private readonly maxBytes: number;
  private readonly maxRecent: number;
  private readonly decode: RunDecoder;
  private readonly now: () => Date;
  private readonly cache: ValidationCache = new Map();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: LibraryOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
    this.maxRecent = options.maxRecent ?? MAX_LIBRARY_RECENT;
    this.decode = options.decode ?? decodeHere;
    this.now = options.now ?? ((): Date => new Date());
  }

  list(): Promise<LibraryResult<readonly LibraryEntry[]>> {
    return this.serial(async () => ({ ok: true, value: (await this.scan()).map((e) => e.entry) }));
  }

  /** A save whose run file arrives as a value (Electron's IPC, small host frames): checked here, once. */
  save(request: unknown): Promise<LibraryResult<LibraryEntry>> {
    return this.serial(async () => {
      const req = LibrarySaveRequestSchema.safeParse(request);
      if (!req.success) return fail('invalid library request');
      const checked = checkRunFile(req.data.file);
      if (!checked.ok) return fail(checked.error);
      const json = new TextEncoder().encode(JSON.stringify(checked.file));
      const { name, auto } = req.data;
      return this.keep({
        ...(name === undefined ? {} : { name }),
        auto,
        json,
        facts: runFacts(checked.file),
      });
    });
  }

  /** A save already parsed and checked elsewhere (the host's run-file worker read its frame). */
  saveChecked(save: CheckedSave): Promise<LibraryResult<LibraryEntry>> {
    return this.serial(() => this.keep(save));
  }

  private async keep(save: CheckedSave): Promise<LibraryResult<LibraryEntry>> {
    const bytes = save.json.byteLength;
    if (bytes > this.maxBytes) return fail(`the run is too large to keep: ${bytes} bytes`);
    const entries = await this.scan();
    let name: string;
    if (save.name !== undefined) {
      const problem = libraryNameProblem(save.name);
      if (problem !== undefined) return fail(`Cannot use that name: ${problem}.`);
      name = save.name.trim();
      if (taken(entries, name)) return fail(nameTaken(name));
    } else name = freeName(entries, defaultName(sidecarFor(save.facts, 'x', 0, false)));
    await mkdir(this.dir, { recursive: true });
    const savedAt = this.now().toISOString();
    const id = newId(savedAt);
    const paths = entryPaths(this.dir, id);
    await writeFileAtomic(paths.run, save.json, { noReplace: true });
    // The library's date is when the run was kept; the run file keeps its own savedAt.
    const sidecar = { ...sidecarFor(save.facts, name, bytes, !save.auto), savedAt };
    await writeFileAtomic(paths.meta, JSON.stringify(sidecar), { noReplace: true });
    if (save.auto) await this.prune([...entries, { entry: entryOf(id, sidecar), sidecar }]);
    return { ok: true, value: entryOf(id, sidecar) };
  }

  /** An entry's run file as a value (Electron hands it over IPC as it is). */
  open(id: unknown): Promise<LibraryResult<LibraryOpened>> {
    return this.serial(async () => {
      const found = await this.readable(id);
      if (!found.ok) return found;
      const { name, path } = found.value;
      const read = await readRunValue(path, 'run', this.maxBytes);
      if (!read.ok) return fail(`Cannot open “${name}”: ${read.error}`);
      return { ok: true, value: { name, file: read.file } };
    });
  }

  /** An entry's run file as checked JSON bytes, decoded by this library's decoder. */
  openJson(id: unknown): Promise<LibraryResult<{ name: string; json: Uint8Array<ArrayBuffer> }>> {
    return this.serial(async () => {
      const found = await this.readable(id);
      if (!found.ok) return found;
      const { name, path } = found.value;
      const read = await readRunFile(path, 'run', this.maxBytes, this.decode);
      if (!read.ok) return fail(`Cannot open “${name}”: ${read.error}`);
      return { ok: true, value: { name, json: read.json } };
    });
  }

  private async readable(id: unknown): Promise<LibraryResult<{ name: string; path: string }>> {
    const found = await this.find(id);
    if (!found.ok) return found;
    const { entry } = found.value;
    if (entry.status === 'unreadable') return fail(`Cannot open “${entry.name}”: ${entry.error}`);
    return {
      ok: true,
      value: { name: found.value.name, path: entryPaths(this.dir, found.value.id).run },
    };
  }

  rename(id: unknown, name: unknown): Promise<LibraryResult<LibraryEntry>> {
    return this.serial(async () => {
      if (typeof name !== 'string') return fail('a name must be text');
      const problem = libraryNameProblem(name);
      if (problem !== undefined) return fail(`Cannot rename: ${problem}.`);
      const found = await this.find(id);
      if (!found.ok) return found;
      const { entry, sidecar } = found.value;
      if (sidecar === undefined) return fail(`“${entry.name}” is unreadable: delete it instead.`);
      const trimmed = name.trim();
      const others = (await this.scan()).filter((e) => e.entry.id !== entry.id);
      if (taken(others, trimmed)) return fail(nameTaken(trimmed));
      const next: Sidecar = { ...sidecar, name: trimmed, kept: true };
      const meta = entryPaths(this.dir, entry.id).meta;
      // The writer replaces only a regular file: a link, FIFO or empty folder left under the
      // sidecar's name was never the library's, so its name is dropped (never followed) first.
      const stray = await lstat(meta).then(
        (s) => !s.isFile(),
        () => false,
      );
      const unblocked = stray ? await removeName(meta) : undefined;
      if (unblocked !== undefined) return fail(`Cannot rename “${entry.name}”: ${unblocked}`);
      await writeFileAtomic(meta, JSON.stringify(next));
      this.cache.delete(entry.id);
      return { ok: true, value: entryOf(entry.id, next) };
    });
  }

  remove(id: unknown): Promise<LibraryResult<null>> {
    return this.serial(async () => {
      const found = await this.find(id);
      if (!found.ok) return found;
      const problem = await this.delete(found.value.id);
      if (problem !== undefined) return fail(`Cannot delete “${found.value.name}”: ${problem}`);
      return { ok: true, value: null };
    });
  }

  /** Removes an entry's two names; undefined when done, else why not (nothing else removed). */
  private async delete(id: string): Promise<string | undefined> {
    const paths = entryPaths(this.dir, id);
    this.cache.delete(id);
    return (await removeName(paths.run)) ?? (await removeName(paths.meta));
  }

  private async find(
    id: unknown,
  ): Promise<LibraryResult<{ id: string; name: string; entry: LibraryEntry; sidecar?: Sidecar }>> {
    const parsed = LibraryIdSchema.safeParse(id);
    if (!parsed.success) return fail('not a library id');
    const found = await readEntry(this.dir, parsed.data, this.maxBytes, this.cache, this.decode);
    if (found === undefined) return fail('That run is no longer in the library.');
    return { ok: true, value: { id: parsed.data, name: found.entry.name, ...found } };
  }

  /** Every entry, newest first. A missing folder is an empty library. */
  private async scan(): Promise<{ entry: LibraryEntry; sidecar?: Sidecar }[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: { entry: LibraryEntry; sidecar?: Sidecar }[] = [];
    for (const n of names.sort()) {
      const id = idOfFileName(n);
      if (id === undefined) continue;
      const found = await readEntry(this.dir, id, this.maxBytes, this.cache, this.decode);
      if (found !== undefined) out.push(found);
    }
    return out.sort((a, b) => b.entry.savedAt.localeCompare(a.entry.savedAt));
  }

  /** Removes automatically kept runs beyond the newest maxRecent. */
  private async prune(entries: readonly { entry: LibraryEntry }[]): Promise<void> {
    const auto = entries
      .map((e) => e.entry)
      .filter((e): e is ReadableEntry => e.status === 'ok' && !e.kept)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    for (const e of auto.slice(this.maxRecent)) {
      const problem = await this.delete(e.id);
      if (problem !== undefined) throw new Error(problem);
    }
  }

  private serial<T>(op: () => Promise<LibraryResult<T>>): Promise<LibraryResult<T>> {
    const run = this.queue.then(op).catch((e: unknown) => fail(describeError(e)));
    this.queue = run;
    return run;
  }
}

/**
 * Removes one name in the folder without following it: a file, link, FIFO or socket is unlinked;
 * a folder named like an entry is removed only when empty, since the library never wrote what
 * is inside it.
 */
async function removeName(path: string): Promise<string | undefined> {
  try {
    if ((await lstat(path)).isDirectory()) await rmdir(path);
    else await unlink(path);
    return undefined;
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTEMPTY' || code === 'EEXIST')
      return 'it is a folder with files in it, which the library did not write: remove it by hand.';
    return `${code === '' ? String(e) : code}.`;
  }
}

function describeError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  const message = e instanceof Error ? e.message : String(e);
  return `The library could not do that: ${code === '' ? message : `${code}: ${message}`}`;
}

function taken(entries: readonly { entry: LibraryEntry }[], name: string): boolean {
  const key = name.toLocaleLowerCase();
  return entries.some((e) => e.entry.name.toLocaleLowerCase() === key);
}

function nameTaken(name: string): string {
  return `A run named “${name}” is already in the library: choose another name (nothing was replaced).`;
}

/**
 * `cpu-bound · processes × 2`, or `my_script.py · CPython 3.11.7` for a Python run (the one
 * naming the run summary and the library's Workload column use too); the list shows the date,
 * and repeats get (2), (3)…
 */
function defaultName(s: Sidecar): string {
  return workloadLabel(s).slice(0, 70);
}

function freeName(entries: readonly { entry: LibraryEntry }[], base: string): string {
  if (!taken(entries, base)) return base;
  for (let i = 2; ; i++) if (!taken(entries, `${base} (${i})`)) return `${base} (${i})`;
}

/** A fresh id: the save time (sortable) and random bits; never derived from client input. */
function newId(savedAt: string): string {
  const stamp = savedAt.replace(/[^0-9]/g, '').slice(0, 17);
  return `run-${stamp === '' ? 'x' : stamp}-${randomBytes(5).toString('hex')}`;
}
