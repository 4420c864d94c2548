// The library's requests over /ws: each one is already schema-checked by WireRequestSchema and
// is answered with the library's own LibraryResult as the reply value (a refused rename is a
// normal answer, not a protocol error). Without a library the host says so.
import type { RunLibrary } from '../main/engine/library';
import type { LibraryResult } from '../shared/library-contract';
import { assertNever } from '../shared/states';
import type { WireReply, WireRequest } from '../shared/wire';

/** Largest saveToLibrary frame: a run file of a long run, as JSON. Others stay small. */
export const MAX_LIBRARY_FRAME_BYTES = 256 * 1024 * 1024;

export type LibraryRequest = Extract<
  WireRequest,
  {
    op:
      'listLibrary' | 'saveToLibrary' | 'openFromLibrary' | 'renameInLibrary' | 'deleteFromLibrary';
  }
>;

export function isLibraryRequest(req: WireRequest): req is LibraryRequest {
  return (
    req.op === 'listLibrary' ||
    req.op === 'saveToLibrary' ||
    req.op === 'openFromLibrary' ||
    req.op === 'renameInLibrary' ||
    req.op === 'deleteFromLibrary'
  );
}

function call(req: LibraryRequest, library: RunLibrary): Promise<LibraryResult<unknown>> {
  switch (req.op) {
    case 'listLibrary':
      return library.list();
    case 'saveToLibrary':
      return library.save(req.request);
    case 'openFromLibrary':
      return library.open(req.entryId);
    case 'renameInLibrary':
      return library.rename(req.entryId, req.name);
    case 'deleteFromLibrary':
      return library.remove(req.entryId);
    default:
      return assertNever(req);
  }
}

export async function handleLibraryRequest(
  req: LibraryRequest,
  library: RunLibrary | undefined,
): Promise<WireReply> {
  if (library === undefined)
    return { kind: 'reply', id: req.id, ok: false, error: 'this host has no run library' };
  return { kind: 'reply', id: req.id, ok: true, value: await call(req, library) };
}
