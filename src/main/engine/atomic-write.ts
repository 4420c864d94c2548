// Writes a whole file atomically: the bytes go to a temporary file in the same directory (same
// filesystem, so the rename is atomic), are flushed to disk, and only then renamed onto the
// target. A reader, a crash or a full disk never leaves a half-written file under the real name.
// Used by the library and by the Electron shell's save dialog.
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Refuse (EEXIST) rather than replace an existing target. */
  readonly noReplace?: boolean;
}

function tempPathFor(path: string): string {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  return join(dirname(path), `.${basename(path)}.${tag}.tmp`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(path);
  const file = await open(temp, 'wx', 0o644);
  try {
    await file.writeFile(data);
    await file.sync();
    await file.close();
    // Ids are fresh, so a target that exists means a collision: refuse rather than replace.
    if (options.noReplace === true && (await exists(path))) {
      throw Object.assign(new Error(`${basename(path)} already exists`), { code: 'EEXIST' });
    }
    await rename(temp, path);
  } catch (e) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
}
