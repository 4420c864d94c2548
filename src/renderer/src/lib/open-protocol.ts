// Messages between the page and its file-opening worker (workers/open-file.worker.ts). The page
// posts the File itself (a handle, not its bytes); the worker answers with progress and then
// one result, whose slice columns arrive as a transferred buffer.
import type { PackedRun } from '../../../shared/packed-run';

export interface OpenRequest {
  readonly kind: 'open';
  readonly file: File;
}

/** What the worker is doing: bytes read, then parsing (no measure), then events built. */
export type OpenPhase = 'reading' | 'parsing' | 'building';

export type OpenReply =
  | {
      readonly kind: 'progress';
      readonly phase: OpenPhase;
      readonly done: number;
      readonly total: number;
    }
  | { readonly kind: 'opened'; readonly run: PackedRun }
  | { readonly kind: 'refused'; readonly error: string };
