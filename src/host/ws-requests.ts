// Turns one WebSocket text frame into the reply the host sends back. Pure apart from the
// RunService it delegates to: every frame is size-checked, parsed and schema-validated first,
// and anything malformed is answered with an error without touching the service.
import { WireRequestSchema, type WirePush, type WireReply } from '../shared/wire';
import type { RunService } from '../main/engine/run-service';
import { assertNever } from '../shared/states';

/** Largest request frame the host reads; requests are small JSON objects. */
export const MAX_REQUEST_BYTES = 64 * 1024;

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

function describeIssue(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid request';
  const path = issue.path.map(String).join('.');
  return path === ''
    ? `invalid request: ${issue.message}`
    : `invalid request: ${path}: ${issue.message}`;
}

export function handleRequest(text: string, byteLength: number, service: RunService): Outgoing {
  if (byteLength > MAX_REQUEST_BYTES) {
    return pushError(`request too large: ${byteLength} bytes (at most ${MAX_REQUEST_BYTES})`);
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
