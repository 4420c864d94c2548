// Turns one WebSocket text frame into the reply the host sends back. The frame is size-checked
// first (each operation has its own limit in the operations table, read from the frame's first
// bytes before anything is parsed), then parsed, its envelope checked, and the operation run by
// the shared dispatcher, which checks its arguments against the table. Anything malformed is
// answered with an error and no handler runs.
import type { CheckedSave } from '../main/engine/library';
import type { LibraryEntry, LibraryResult } from '../shared/library-contract';
import type { SaveFrame } from '../shared/library-save';
import { callOperation, describeArgsProblem } from '../shared/op-dispatch';
import {
  HOST_OP_NAMES,
  isHostOpName,
  OP_SCHEMAS,
  requestLimit,
  SMALL_REQUEST_BYTES,
  type HostOpName,
  type OpHandlers,
} from '../shared/operations';
import { REQUEST_PREFIX, WireRequestSchema, type WirePush, type WireReply } from '../shared/wire';
import { zodProblem, type ZodErrorLike } from '../shared/zod-format';

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

/** Largest frame any operation may send: the WebSocket's own hard limit. */
export const MAX_FRAME_BYTES = Math.max(SMALL_REQUEST_BYTES, ...HOST_OP_NAMES.map(requestLimit));

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** Why a frame is too large to read, or undefined. Reads only the frame's first bytes. */
export function sizeRefusal(frame: Buffer): Outgoing | undefined {
  const bytes = frame.byteLength;
  if (bytes <= SMALL_REQUEST_BYTES) return undefined;
  const head = REQUEST_PREFIX.exec(frame.subarray(0, 160).toString('utf8'));
  const op = head?.[2];
  if (head === null || op === undefined || !isHostOpName(op)) {
    return pushError(`request too large: ${bytes} bytes (at most ${SMALL_REQUEST_BYTES})`);
  }
  const limit = requestLimit(op);
  if (bytes <= limit) return undefined;
  const what = op === 'saveToLibrary' ? 'the run is too large to keep' : `${op} is too large`;
  return replyError(
    Number(head[1]),
    `${what}: ${mib(bytes)} (${bytes} bytes; at most ${mib(limit)} per request)`,
  );
}

/** A small frame parsed and its envelope checked, or the answer that refuses it. */
function parseFrame(
  frame: Buffer,
): { ok: true; id: number; op: HostOpName; args: unknown[] } | { ok: false; out: Outgoing } {
  let raw: unknown;
  try {
    raw = JSON.parse(frame.toString('utf8'));
  } catch {
    return { ok: false, out: pushError('invalid request: not JSON') };
  }
  const parsed = WireRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const message = describeIssue(parsed.error);
    const id = salvageId(raw);
    return { ok: false, out: id === undefined ? pushError(message) : replyError(id, message) };
  }
  const { id, op, args } = parsed.data;
  if (!isHostOpName(op))
    return { ok: false, out: replyError(id, `invalid request: unknown operation ${op}`) };
  // The size gate read the op from the frame's start; a big frame must really be that op.
  if (frame.byteLength > requestLimit(op))
    return { ok: false, out: replyError(id, `${op} is too large`) };
  return { ok: true, id, op, args };
}

/** Answers one frame; asynchronous because handlers may be (the library is on disk). */
export async function handleRequest(
  frame: Buffer,
  handlers: OpHandlers<HostOpName>,
): Promise<Outgoing> {
  const refusal = sizeRefusal(frame);
  if (refusal !== undefined) return refusal;
  const request = parseFrame(frame);
  if (!request.ok) return request.out;
  const { id, op, args } = request;
  return { kind: 'reply', id, ...(await callOperation(handlers, op, args)) };
}

/**
 * What the host reads off its event loop: a library save frame over the small limit is parsed
 * and checked whole in a worker thread, and an opened run file is decoded there and sent as
 * the JSON it was checked as, never parsed or serialised on this loop.
 */
export interface LargeRequests {
  readonly readSave: (frame: Buffer) => Promise<SaveFrame>;
  readonly keep: (save: CheckedSave) => Promise<LibraryResult<LibraryEntry>>;
  readonly openJson: (
    id: string,
  ) => Promise<LibraryResult<{ readonly name: string; readonly json: Uint8Array }>>;
}

/** A reply ready to send: JSON text, or UTF-8 bytes spliced around a run file's JSON. */
export type Encoded = string | Buffer;

function replyOf(id: number, r: LibraryResult<unknown>): Outgoing {
  return r.ok ? { kind: 'reply', id, ok: true, value: r.value } : replyError(id, r.error);
}

/** Answers one frame as the host sends it, reading big saves and opens through `large`. */
export async function answerFrame(
  frame: Buffer,
  handlers: OpHandlers<HostOpName>,
  large: LargeRequests,
): Promise<Encoded> {
  const refusal = sizeRefusal(frame);
  if (refusal !== undefined) return JSON.stringify(refusal);
  if (frame.byteLength > SMALL_REQUEST_BYTES) {
    // Only a save may be this large (sizeRefusal read its op); its reader checks that again.
    const save = await large.readSave(frame);
    if (save.kind === 'refused') return JSON.stringify(save.reply);
    const { id, name, auto, json, facts } = save;
    const kept = await large.keep({ ...(name === undefined ? {} : { name }), auto, json, facts });
    return JSON.stringify(replyOf(id, kept));
  }
  const request = parseFrame(frame);
  if (!request.ok) return JSON.stringify(request.out);
  const { id, op, args } = request;
  if (op === 'openFromLibrary') {
    const checked = OP_SCHEMAS.openFromLibrary.args.safeParse(args);
    if (!checked.success) {
      return JSON.stringify(replyError(id, describeArgsProblem(op, checked.error)));
    }
    const opened = await large.openJson(checked.data[0]);
    if (!opened.ok) return JSON.stringify(replyError(id, opened.error));
    const head = `{"kind":"reply","id":${id},"ok":true,"value":{"name":${JSON.stringify(opened.value.name)},"file":`;
    return Buffer.concat([Buffer.from(head), opened.value.json, Buffer.from('}}')]);
  }
  return JSON.stringify({ kind: 'reply', id, ...(await callOperation(handlers, op, args)) });
}
