// The one atomic file writer (the library, the CLIs' --out, Electron's save dialog). The bytes go
// to a temporary file in the target's folder (same filesystem, so the last step is atomic), are
// flushed to disk, and only then take the target's name. A reader, a crash or a full disk never
// leaves a half-written file under the real name.
//
// What may be at the target: nothing (a file is created) or a regular file (replaced, keeping its
// mode; a hard link's other names keep the old bytes, as with a compiler's -o). Anything else is
// refused: renaming over /dev/null as root replaces the machine's /dev/null with a file, over a
// FIFO or socket silently unplugs whoever uses it, and a symbolic link is refused rather than
// written through (it may point anywhere; name the file it points to). checkWriteTarget says all
// this before any work runs, including whether the folder can really be written (a probe file is
// created and removed: permission bits do not tell root that /proc cannot be written).
//
// "Do not replace" (the library's fresh ids) is one atomic step: link(temp, target) fails with
// EEXIST if anything holds the name, then the temp name is dropped. A check followed by rename
// could replace a file made in between.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { copyFile, link, lstat, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeKind, errorCode, kindOf } from './regular-file';

/** What the target holds now, once it passed checkWriteTarget. */
export type WriteTarget =
  | { readonly ok: true; readonly exists: false }
  | { readonly ok: true; readonly exists: true; readonly mode: number; readonly stats: Stats }
  | { readonly ok: false; readonly error: string };

/** Chunks of a file too large to build as one string (a trace of millions of events). */
export type ChunkWriter = (write: (chunk: string) => Promise<void>) => Promise<void>;

export interface AtomicWriteOptions {
  /** Refuse (EEXIST) rather than replace anything at the target, atomically. */
  readonly noReplace?: boolean;
}

function tempPathFor(path: string): string {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  return join(dirname(path), `.${basename(path)}.${tag}.tmp`);
}

async function targetState(path: string): Promise<WriteTarget> {
  let s: Stats;
  try {
    s = await lstat(path);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') return { ok: true, exists: false };
    if (code === 'ENOTDIR') return { ok: false, error: `${dirname(path)} is not a folder` };
    return { ok: false, error: `cannot inspect ${path}: ${code === '' ? String(e) : code}` };
  }
  const kind = kindOf(s);
  if (kind === 'file') return { ok: true, exists: true, mode: s.mode & 0o7777, stats: s };
  const what =
    kind === 'link'
      ? 'a symbolic link (not written through; name the file it points to)'
      : describeKind(kind);
  return { ok: false, error: `${path} is ${what}: refusing to replace it` };
}

/**
 * Whether `path` (absolute) may be written: one line saying why not, before any work runs. It may
 * name nothing yet or a regular file, and its folder must exist and accept a new file.
 */
export async function checkWriteTarget(path: string): Promise<WriteTarget> {
  const folder = dirname(path);
  try {
    if (!(await stat(folder)).isDirectory())
      return { ok: false, error: `${folder} is not a folder` };
  } catch {
    return { ok: false, error: `folder ${folder} does not exist` };
  }
  const state = await targetState(path);
  if (!state.ok) return state;
  const probe = tempPathFor(path);
  try {
    const handle = await open(probe, 'wx', 0o600);
    await handle.close();
    await unlink(probe);
  } catch (e) {
    const code = errorCode(e);
    return { ok: false, error: `cannot write in ${folder}${code === '' ? '' : ` (${code})`}` };
  }
  return state;
}

/** Writes `data` (or the chunks `data` writes) to `path` atomically, under the rules above. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | ChunkWriter,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const before = options.noReplace === true ? undefined : await targetState(path);
  if (before !== undefined && !before.ok) throw refusal(before.error);
  const temp = tempPathFor(path);
  // 0o666 less the umask for a new file, as any program creating one; a replaced file keeps its mode.
  const file = await open(temp, 'wx', 0o666);
  let committed = false;
  try {
    if (before?.ok === true && before.exists) {
      // Root replacing another user's file hands it back to them, as writing in place would
      // (before chmod: chown clears set-id bits).
      if (process.getuid?.() === 0) await file.chown(before.stats.uid, before.stats.gid);
      await file.chmod(before.mode);
    }
    if (typeof data === 'function') {
      await data(async (chunk) => {
        await file.write(chunk);
      });
    } else await file.writeFile(data);
    await file.sync();
    await file.close();
    if (options.noReplace === true) await linkNoReplace(temp, path);
    else {
      // The target may have changed during a long run: the same rules hold at the last moment.
      const now = await targetState(path);
      if (!now.ok) throw refusal(now.error);
      await rename(temp, path);
    }
    committed = true;
  } finally {
    if (!committed) {
      await file.close().catch(() => undefined);
      await rm(temp, { force: true });
    }
  }
}

/** Gives `temp` the name `path` only if nothing has it, then drops the temp name. */
async function linkNoReplace(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'EEXIST') {
      throw Object.assign(new Error(`${basename(path)} already exists`), { code: 'EEXIST' });
    }
    // A filesystem without hard links (FAT, some network mounts): an exclusive copy still never
    // replaces anything, though a crash mid-copy could leave a short file under the name.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code)) throw e;
    await copyFile(temp, path, constants.COPYFILE_EXCL);
  }
  await unlink(temp);
}

function refusal(message: string): Error {
  return Object.assign(new Error(message), { code: 'ENOTREG' });
}
