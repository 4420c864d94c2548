// One library entry on disk: `<id>.corescope.json` (a plain CoreScope run file, so it can be
// copied out and opened anywhere) and `<id>.meta.json` (its name, what it shows, its size). A
// run file without a matching sidecar (dropped in by hand, or changed since) is read in full and
// validated; anything that fails is an 'unreadable' entry, never an exception. Nothing read here
// is ever executed: JSON.parse and zod only. Both files are read like anything in a folder other
// programs can write to: regular files only, never through a link, never more than a bound.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  LIBRARY_ID_PATTERN,
  MAX_LIBRARY_NAME,
  libraryNameProblem,
  type LibraryEntry,
  type ReadableEntry,
} from '../../shared/library-contract';
import { checkFileSize } from '../../shared/open-file';
import { decodeRunFile, type DecodedRun, type RunFacts } from '../../shared/library-save';
import { checkRunFile, RUN_FILE_EXTENSION, type RunFile } from '../../shared/run-file';
import { z } from '../../shared/zod-mini';
import { describeKind, kindOf, readRegularFile } from './regular-file';

export const META_EXTENSION = '.meta.json';
const MAX_META_BYTES = 64 * 1024;

const text = (max: number) => z.string().check(z.maxLength(max));
const Count = z.number().check(z.int(), z.nonnegative());

export const SidecarSchema = z.object({
  format: z.literal('corescope-library-entry'),
  version: z.literal(1),
  // A sidecar edited by hand is held to the same name rule as a rename (no bidi overrides...).
  name: z.string().check(
    z.minLength(1),
    z.maxLength(MAX_LIBRARY_NAME),
    z.refine((n) => libraryNameProblem(n) === undefined),
  ),
  scenario: text(100),
  model: text(100),
  workers: Count,
  runId: text(200),
  savedAt: text(100),
  bytes: Count,
  kept: z.boolean(),
});
export type Sidecar = z.infer<typeof SidecarSchema>;

export interface EntryPaths {
  readonly run: string;
  readonly meta: string;
}

export function entryPaths(dir: string, id: string): EntryPaths {
  return {
    run: join(dir, `${id}${RUN_FILE_EXTENSION}`),
    meta: join(dir, `${id}${META_EXTENSION}`),
  };
}

/** The entry id of a run file's name, or undefined for anything the library did not name. */
export function idOfFileName(fileName: string): string | undefined {
  if (!fileName.endsWith(RUN_FILE_EXTENSION)) return undefined;
  const id = fileName.slice(0, -RUN_FILE_EXTENSION.length);
  return LIBRARY_ID_PATTERN.test(id) ? id : undefined;
}

/** Turns a run file's bytes into its checked JSON: here, or in the host's worker thread. */
export type RunDecoder = (bytes: Uint8Array) => Promise<DecodedRun>;

/** Decodes on the calling thread (Electron, tests). */
export const decodeHere: RunDecoder = (bytes) =>
  Promise.resolve(
    decodeRunFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')),
  );

export type RunRead =
  | {
      readonly ok: true;
      readonly json: Uint8Array<ArrayBuffer>;
      readonly facts: RunFacts;
      readonly bytes: number;
    }
  | { readonly ok: false; readonly error: string };

type BytesRead =
  | { readonly ok: true; readonly data: Buffer; readonly bytes: number }
  | { readonly ok: false; readonly error: string };

/** A run file's bytes: regular file, within the bound, not empty. */
async function readRunBytes(path: string, label: string, maxBytes: number): Promise<BytesRead> {
  const read = await readRegularFile(path, maxBytes);
  if (!read.ok) {
    switch (read.why) {
      case 'missing':
        return { ok: false, error: 'the file is gone' };
      case 'not-regular':
        return { ok: false, error: describeKind(read.kind) };
      case 'too-large': {
        const mb = (read.bytes / 1024 / 1024).toFixed(0);
        return { ok: false, error: `too large: ${mb} MB (at most ${maxBytes / 1024 / 1024} MB)` };
      }
      case 'error':
        return { ok: false, error: read.error };
    }
  }
  const empty = checkFileSize(read.bytes, label);
  if (empty !== undefined) return { ok: false, error: empty };
  return { ok: true, data: read.data, bytes: read.bytes };
}

/** Reads and fully validates a run file (once): size first, then JSON, the schema and every slice. */
export async function readRunFile(
  path: string,
  label: string,
  maxBytes: number,
  decode: RunDecoder,
): Promise<RunRead> {
  const read = await readRunBytes(path, label, maxBytes);
  if (!read.ok) return read;
  const run = await decode(read.data);
  if (!run.ok) return run;
  return { ok: true, json: run.json, facts: run.facts, bytes: read.bytes };
}

/** The same read, answered as the validated value (Electron hands it over IPC as it is). */
export async function readRunValue(
  path: string,
  label: string,
  maxBytes: number,
): Promise<{ ok: true; file: RunFile } | { ok: false; error: string }> {
  const read = await readRunBytes(path, label, maxBytes);
  if (!read.ok) return read;
  let value: unknown;
  try {
    value = JSON.parse(read.data.toString('utf8'));
  } catch {
    return { ok: false, error: 'not valid JSON (corrupt or truncated?)' };
  }
  const checked = checkRunFile(value);
  return checked.ok ? { ok: true, file: checked.file } : checked;
}

export function sidecarFor(facts: RunFacts, name: string, bytes: number, kept: boolean): Sidecar {
  return { format: 'corescope-library-entry', version: 1, name, ...facts, bytes, kept };
}

export function entryOf(id: string, s: Sidecar): ReadableEntry {
  const { name, scenario, model, workers, runId, savedAt, bytes, kept } = s;
  return { status: 'ok', id, name, scenario, model, workers, runId, savedAt, bytes, kept };
}

/** The sidecar when it is valid and describes the run file as it is now (same size). */
export async function readSidecar(path: string, runBytes: number): Promise<Sidecar | undefined> {
  const read = await readRegularFile(path, MAX_META_BYTES);
  if (!read.ok) return undefined;
  try {
    const parsed = SidecarSchema.safeParse(JSON.parse(read.data.toString('utf8')));
    return parsed.success && parsed.data.bytes === runBytes ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Validated run files by id, keyed on size and mtime so an unchanged file is read once. */
export type ValidationCache = Map<
  string,
  { readonly key: string; readonly entry: LibraryEntry; readonly sidecar?: Sidecar }
>;

/** Lists one entry; undefined when its run file is gone. */
export async function readEntry(
  dir: string,
  id: string,
  maxBytes: number,
  cache: ValidationCache,
  decode: RunDecoder,
): Promise<{ entry: LibraryEntry; sidecar?: Sidecar } | undefined> {
  const paths = entryPaths(dir, id);
  let info;
  try {
    info = await lstat(paths.run);
  } catch {
    return undefined;
  }
  const savedAt = info.mtime.toISOString();
  const kind = kindOf(info);
  if (kind !== 'file') {
    // A link could point anywhere on the machine, a FIFO blocks, a device never ends: listed, never read.
    const error = describeKind(kind);
    return { entry: { status: 'unreadable', id, name: id, savedAt, bytes: 0, error } };
  }
  const sidecar = await readSidecar(paths.meta, info.size);
  if (sidecar !== undefined) return { entry: entryOf(id, sidecar), sidecar };
  const key = `${info.size}:${info.mtimeMs}`;
  const hit = cache.get(id);
  if (hit?.key === key) return hit;
  const read = await readRunFile(paths.run, `${id}${RUN_FILE_EXTENSION}`, maxBytes, decode);
  const found = read.ok
    ? (() => {
        const s = sidecarFor(read.facts, id.slice(0, MAX_LIBRARY_NAME), read.bytes, true);
        return { entry: entryOf(id, s), sidecar: s };
      })()
    : ({
        entry: { status: 'unreadable', id, name: id, savedAt, bytes: info.size, error: read.error },
      } satisfies { entry: LibraryEntry });
  cache.set(id, { key, ...found });
  return found;
}
