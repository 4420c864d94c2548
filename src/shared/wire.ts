// The browser host's WebSocket protocol: JSON text frames. Requests carry an id; replies echo it.
// Run messages are pushed as they come. Float64Array slice batches travel as plain number arrays.
import { z } from 'zod';
import type { RunMessage } from './contract';
import type { RunEvent } from './events';
import { LibraryIdSchema, LibrarySaveRequestSchema } from './library-contract';

export const WireRequestSchema = z.discriminatedUnion('op', [
  z.object({ id: z.number().int().nonnegative(), op: z.literal('machineInfo') }).strict(),
  z.object({ id: z.number().int().nonnegative(), op: z.literal('listScenarios') }).strict(),
  z
    .object({ id: z.number().int().nonnegative(), op: z.literal('startRun'), params: z.unknown() })
    .strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      op: z.literal('cancelRun'),
      runId: z.string().min(1).max(100),
    })
    .strict(),
  // The library: ids are checked here, names and run files by the library itself.
  z.object({ id: z.number().int().nonnegative(), op: z.literal('listLibrary') }).strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      op: z.literal('saveToLibrary'),
      request: LibrarySaveRequestSchema,
    })
    .strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      op: z.literal('openFromLibrary'),
      entryId: LibraryIdSchema,
    })
    .strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      op: z.literal('renameInLibrary'),
      entryId: LibraryIdSchema,
      name: z.string().max(1000),
    })
    .strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      op: z.literal('deleteFromLibrary'),
      entryId: LibraryIdSchema,
    })
    .strict(),
]);
export type WireRequest = z.infer<typeof WireRequestSchema>;

export type WireReply =
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

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

export function encodeRunMessage(m: RunMessage): WireRunMessage {
  if (m.kind !== 'events') return m;
  return {
    kind: 'events',
    runId: m.runId,
    events: m.events.map((e) =>
      e.kind === 'slices' ? { kind: 'slices', data: Array.from(e.data) } : e,
    ),
  };
}

export function decodeRunMessage(m: WireRunMessage): RunMessage {
  if (m.kind !== 'events') return m;
  return {
    kind: 'events',
    runId: m.runId,
    events: m.events.map((e) =>
      e.kind === 'slices' ? { kind: 'slices', data: Float64Array.from(e.data) } : e,
    ),
  };
}
