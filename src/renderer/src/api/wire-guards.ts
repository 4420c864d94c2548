// Shape checks of the browser host's frames (replies and pushes). The host is same-origin and
// validates on its side, so these are cheap structural guards that turn a protocol bug into a
// clear error rather than a full schema of every event; each reply's value is checked against
// its operation's result schema afterwards (op-client.ts).
import type { WirePush, WireReply, WireRunMessage } from '../../../shared/wire';

type Incoming = WireReply | WirePush;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRunMessage(value: unknown): value is WireRunMessage {
  if (!isRecord(value) || typeof value.runId !== 'string') return false;
  switch (value.kind) {
    case 'events':
      return Array.isArray(value.events);
    case 'end':
      return isRecord(value.summary);
    case 'error':
      return typeof value.error === 'string';
    default:
      return false;
  }
}

/** Parses one text frame; undefined when it is not a message of the protocol. */
export function parseIncoming(text: string): Incoming | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  if (value.kind === 'reply' && typeof value.id === 'number') {
    if (value.ok === true) return { kind: 'reply', id: value.id, ok: true, value: value.value };
    if (value.ok === false && typeof value.error === 'string') {
      return { kind: 'reply', id: value.id, ok: false, error: value.error };
    }
    return undefined;
  }
  if (value.kind === 'run' && isRunMessage(value.message)) {
    return { kind: 'run', message: value.message };
  }
  if (value.kind === 'error' && typeof value.error === 'string') {
    return { kind: 'error', error: value.error };
  }
  return undefined;
}
