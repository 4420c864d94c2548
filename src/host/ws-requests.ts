// Turns one WebSocket text frame into the reply the host sends back. Pure apart from the
// RunService and the run library it delegates to: every frame is size-checked, parsed and
// schema-validated first, and anything malformed is answered with an error without touching
// either.
import { WireRequestSchema, type WirePush, type WireReply } from '../shared/wire';
import type { RunService } from '../main/engine/run-service';
import type { RunLibrary } from '../main/engine/library';
import { assertNever } from '../shared/states';
import { handleLibraryRequest, isLibraryRequest, MAX_LIBRARY_FRAME_BYTES } from './ws-library';
import { zodProblem, type ZodErrorLike } from '../shared/zod-format';

/** Largest request frame the host reads; requests are small JSON objects (but see below). */
export const MAX_REQUEST_BYTES = 64 * 1024;
export { MAX_LIBRARY_FRAME_BYTES };

export type Outgoing = WireReply | WirePush;

function pushError(error: string): WirePush {
  return { kind: 'error', error };
}

function replyError(id: number, error: string): WireReply {
  return { kind: 'reply', id, ok: false, error };
}

/** The request id, when a malformed request still carries a usable one. */
function salvageId(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  const id: unknown = value.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

function describeIssue(error: ZodErrorLike): string {
  return `invalid request: ${zodProblem(error, { fallback: 'bad request' })}`;
}

/**
 * How a saveToLibrary frame starts as the client writes it. Big frames that do not start so are
 * refused before parsing; after parsing, the op is checked again (the prefix is only a gate).
 */
const SAVE_PREFIX = /^\{"id":(\d{1,15}),"op":"saveToLibrary",/;

const tooLarge = (bytes: number, limit: number): WirePush =>
  pushError(`request too large: ${bytes} bytes (at most ${limit})`);

/** Library requests answer asynchronously (the folder is on disk); the rest synchronously. */
export function handleRequest(
  text: string,
  byteLength: number,
  service: RunService,
  library?: RunLibrary,
): Outgoing | Promise<Outgoing> {
  // Only saveToLibrary carries a run file; every other request must fit the small limit.
  const save = byteLength > MAX_REQUEST_BYTES ? SAVE_PREFIX.exec(text.slice(0, 64)) : null;
  if (byteLength > MAX_LIBRARY_FRAME_BYTES) {
    // A save too big to keep still gets a reply to its id, so the page says so at once.
    const id = save?.[1];
    return id === undefined
      ? tooLarge(byteLength, MAX_LIBRARY_FRAME_BYTES)
      : replyError(Number(id), `the run is too large to keep: ${byteLength} bytes`);
  }
  if (byteLength > MAX_REQUEST_BYTES && save === null) {
    return tooLarge(byteLength, MAX_REQUEST_BYTES);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return pushError('invalid request: not JSON');
  }
  const parsed = WireRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const message = describeIssue(parsed.error);
    const id = salvageId(raw);
    return id === undefined ? pushError(message) : replyError(id, message);
  }
  const req = parsed.data;
  if (byteLength > MAX_REQUEST_BYTES && req.op !== 'saveToLibrary') {
    return tooLarge(byteLength, MAX_REQUEST_BYTES);
  }
  if (isLibraryRequest(req)) return handleLibraryRequest(req, library);
  try {
    switch (req.op) {
      case 'machineInfo':
        return { kind: 'reply', id: req.id, ok: true, value: service.machineInfo() };
      case 'listScenarios':
        return { kind: 'reply', id: req.id, ok: true, value: service.listScenarios() };
      case 'startRun':
        return { kind: 'reply', id: req.id, ok: true, value: service.startRun(req.params) };
      case 'cancelRun':
        service.cancelRun(req.runId);
        return { kind: 'reply', id: req.id, ok: true, value: null };
      default:
        return assertNever(req);
    }
  } catch (err) {
    return replyError(req.id, err instanceof Error ? err.message : String(err));
  }
}
