// The browser host's WebSocket protocol: JSON text frames. A request names an operation of the
// operations table and carries its arguments as an array; the reply echoes the id and carries
// the operation's OpReply. Run messages are pushed as they come. Float64Array slice batches
// travel as plain number arrays.
import { z } from './zod-mini';
import type { RunMessage } from './contract';
import type { RunEvent } from './events';
import type { OpReply } from './operations';

/**
 * A request frame. Only its envelope is checked here; the operation's own argument schema is
 * checked by the dispatcher, so the rule for each operation lives once, in the table.
 */
export const WireRequestSchema = z.strictObject({
  id: z.number().check(z.int(), z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)),
  op: z.string().check(z.maxLength(100)),
  args: z.array(z.unknown()).check(z.maxLength(16)),
});
export type WireRequest = z.infer<typeof WireRequestSchema>;

/** A request as the client writes it: `id` and `op` first, so the host can gate big frames. */
export function encodeRequest(id: number, op: string, args: readonly unknown[]): string {
  return JSON.stringify({ id, op, args });
}

/** How a request frame starts as encodeRequest writes it; the host reads its op from this. */
export const REQUEST_PREFIX = /^\{"id":(\d{1,16}),"op":"([A-Za-z][A-Za-z0-9]{0,99})",/;

export type WireReply = { readonly kind: 'reply'; readonly id: number } & OpReply;

/** A run message with slice batches as number arrays, ready for JSON. */
export type WireRunEvent =
  | Exclude<RunEvent, { kind: 'slices' }>
  | { readonly kind: 'slices'; readonly data: readonly number[] };

export type WirePush =
  | { readonly kind: 'run'; readonly message: WireRunMessage }
  | { readonly kind: 'error'; readonly error: string };

export type WireRunMessage =
  | { readonly kind: 'events'; readonly runId: string; readonly events: readonly WireRunEvent[] }
  | Exclude<RunMessage, { kind: 'events' }>;

export function encodeRunEvent(e: RunEvent): WireRunEvent {
  return e.kind === 'slices' ? { kind: 'slices', data: Array.from(e.data) } : e;
}

export function decodeRunEvent(e: WireRunEvent): RunEvent {
  return e.kind === 'slices' ? { kind: 'slices', data: Float64Array.from(e.data) } : e;
}

export function encodeRunMessage(m: RunMessage): WireRunMessage {
  if (m.kind !== 'events') return m;
  return { kind: 'events', runId: m.runId, events: m.events.map(encodeRunEvent) };
}

export function decodeRunMessage(m: WireRunMessage): RunMessage {
  if (m.kind !== 'events') return m;
  return { kind: 'events', runId: m.runId, events: m.events.map(decodeRunEvent) };
}
