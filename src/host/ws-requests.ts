// Turns one WebSocket text frame into the reply the host sends back. The frame is size-checked
// first (each operation has its own limit in the operations table, read from the frame's first
// bytes before anything is parsed), then parsed, its envelope checked, and the operation run by
// the shared dispatcher, which checks its arguments against the table. Anything malformed is
// answered with an error and no handler runs.
import { callOperation } from '../shared/op-dispatch';
import {
  HOST_OP_NAMES,
  isHostOpName,
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

/** Answers one frame; asynchronous because handlers may be (the library is on disk). */
export async function handleRequest(
  frame: Buffer,
  handlers: OpHandlers<HostOpName>,
): Promise<Outgoing> {
  const refusal = sizeRefusal(frame);
  if (refusal !== undefined) return refusal;
  let raw: unknown;
  try {
    raw = JSON.parse(frame.toString('utf8'));
  } catch {
    return pushError('invalid request: not JSON');
  }
  const parsed = WireRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const message = describeIssue(parsed.error);
    const id = salvageId(raw);
    return id === undefined ? pushError(message) : replyError(id, message);
  }
  const { id, op, args } = parsed.data;
  if (!isHostOpName(op)) return replyError(id, `invalid request: unknown operation ${op}`);
  // The size gate read the op from the frame's start; a big frame must really be that op.
  if (frame.byteLength > requestLimit(op)) return replyError(id, `${op} is too large`);
  return { kind: 'reply', id, ...(await callOperation(handlers, op, args)) };
}
