// Real files for the mixed scenario, written before the run starts (so writing them is not timed)
// into a private temporary folder that is removed when the run ends. The data is random (so no
// layer can shortcut reading it) and made in chunks on libuv's thread pool: one 512 MiB
// randomBytes call held the event loop for over a second. A folder's name carries its owner's pid
// and start time, so one left by a SIGKILLed run is removed by the next, and a folder whose owner
// still runs (another process on this machine, another checkout's tests) is never touched.
import { randomFill } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseStat } from '../../shared/proc-parse';

export interface ScratchFiles {
  readonly files: readonly string[];
  /** Bytes written to disk (distinct files only). */
  readonly bytesWritten: number;
  remove(): Promise<void>;
}

/** At most this much is written; with many tasks, tasks share files round-robin. */
export const MAX_SCRATCH_MIB = 512;
const CHUNK_BYTES = 4 * 2 ** 20;
const PREFIX = 'corescope-scratch-';
const OWNED = /^corescope-scratch-(\d+)-(\d+)-[A-Za-z0-9]{6}$/;

const fill = promisify(randomFill);

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), if readable. */
function startTime(pid: number | 'self'): string | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'latin1'))?.rest[22 - 3];
  } catch {
    return undefined;
  }
}

/** Whether the process that made a folder is provably gone (pid absent, or reused by another). */
export function ownerIsDead(pid: number, started: string): boolean {
  if (pid === process.pid) return false;
  const now = startTime(pid);
  if (now !== undefined) return started !== '0' && now !== started;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: it exists under another user. Only "no such process" proves it dead.
    return e instanceof Error && 'code' in e && e.code === 'ESRCH';
  }
}

/** Removes scratch folders whose owner is dead; returns their names. Never fails the run. */
export async function removeStaleScratch(parent = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = OWNED.exec(name);
    if (m === null || !ownerIsDead(Number(m[1]), m[2] ?? '')) continue;
    try {
      await rm(join(parent, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another cleaner got there first, or it is not ours to remove: leave it.
    }
  }
  return removed;
}

async function writeRandomFile(file: string, bytes: number, chunk: Buffer): Promise<void> {
  const fh = await open(file, 'wx');
  try {
    for (let left = bytes; left > 0; left -= chunk.length) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      await fill(part);
      await fh.write(part);
    }
  } finally {
    await fh.close();
  }
}

export interface ScratchOptions {
  /** Folder to write in (the system's temp folder by default). */
  readonly parent?: string;
  /** Total cap in MiB (tests use a small one). */
  readonly capMib?: number;
}

export async function writeScratchFiles(
  count: number,
  mib: number,
  { parent = tmpdir(), capMib = MAX_SCRATCH_MIB }: ScratchOptions = {},
): Promise<ScratchFiles> {
  if (!Number.isInteger(mib) || mib < 1 || mib > capMib)
    throw new RangeError(`a scratch file must be 1 to ${capMib} MiB, not ${mib}`);
  await removeStaleScratch(parent);
  const dir = await mkdtemp(join(parent, `${PREFIX}${process.pid}-${startTime('self') ?? '0'}-`));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const distinct = Math.max(1, Math.min(count, Math.floor(capMib / mib)));
  const bytes = mib * 2 ** 20;
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, bytes));
  const written: string[] = [];
  try {
    for (let i = 0; i < distinct; i++) {
      const file = join(dir, `file-${i + 1}.bin`);
      await writeRandomFile(file, bytes, chunk);
      written.push(file);
    }
  } catch (e) {
    await remove();
    throw e;
  }
  const files = Array.from({ length: count }, (_, i) => written[i % distinct] ?? '');
  return { files, bytesWritten: distinct * bytes, remove };
}
