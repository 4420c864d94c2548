// Reads a file from a folder other programs can write to (the run library) without trusting what
// is there: only a regular file is read, a link is never followed, and no more than a bound of
// bytes is ever read. A FIFO opened by readFile blocks a libuv thread until a writer appears
// (every list hung, and then the host could not exit); a sidecar linked to /dev/zero read 1.1 GB
// per list. Here a FIFO is opened non-blocking and refused by its fstat, a link fails the open
// (O_NOFOLLOW), and a device is refused by lstat before it is ever opened.
import { constants, type Stats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

export type FileKind = 'file' | 'folder' | 'link' | 'fifo' | 'socket' | 'device' | 'other';

export function kindOf(s: Stats): FileKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'folder';
  if (s.isSymbolicLink()) return 'link';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  return 'other';
}

/** How a non-regular file is described to the user (after "is "). */
export function describeKind(kind: Exclude<FileKind, 'file'>): string {
  switch (kind) {
    case 'folder':
      return 'a folder, not a file';
    case 'link':
      return 'a link (links are not followed)';
    case 'fifo':
      return 'a FIFO (named pipe), not a file';
    case 'socket':
      return 'a socket, not a file';
    case 'device':
      return 'a device, not a file';
    case 'other':
      return 'not a regular file';
  }
}

export type BoundedRead =
  | { readonly ok: true; readonly data: Buffer; readonly bytes: number; readonly stats: Stats }
  | { readonly ok: false; readonly why: 'missing' }
  | { readonly ok: false; readonly why: 'not-regular'; readonly kind: Exclude<FileKind, 'file'> }
  | { readonly ok: false; readonly why: 'too-large'; readonly bytes: number }
  | { readonly ok: false; readonly why: 'error'; readonly error: string };

const CHUNK = 1 << 20;

/** Reads `path` when it is a regular file of at most `maxBytes` bytes. Never throws. */
export async function readRegularFile(path: string, maxBytes: number): Promise<BoundedRead> {
  let before: Stats;
  try {
    before = await lstat(path);
  } catch (e) {
    return isMissing(e) ? { ok: false, why: 'missing' } : failed(e);
  }
  const kind = kindOf(before);
  if (kind !== 'file') return { ok: false, why: 'not-regular', kind };
  if (before.size > maxBytes) return { ok: false, why: 'too-large', bytes: before.size };
  let handle;
  try {
    // The path may have been swapped since lstat: O_NOFOLLOW refuses a link, O_NONBLOCK keeps a
    // FIFO from blocking the open, and fstat below sees what was really opened.
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    if (isMissing(e)) return { ok: false, why: 'missing' };
    if (errorCode(e) === 'ELOOP') return { ok: false, why: 'not-regular', kind: 'link' };
    return failed(e);
  }
  try {
    const stats = await handle.stat();
    const opened = kindOf(stats);
    if (opened !== 'file') return { ok: false, why: 'not-regular', kind: opened };
    if (stats.size > maxBytes) return { ok: false, why: 'too-large', bytes: stats.size };
    // Read at most maxBytes + 1: a file that grew past the bound since fstat is still refused.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buf, 0, want, total);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) return { ok: false, why: 'too-large', bytes: total };
    return { ok: true, data: Buffer.concat(chunks, total), bytes: total, stats };
  } catch (e) {
    return failed(e);
  } finally {
    await handle.close();
  }
}

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
}

function isMissing(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function failed(e: unknown): { ok: false; why: 'error'; error: string } {
  return { ok: false, why: 'error', error: e instanceof Error ? e.message : String(e) };
}
