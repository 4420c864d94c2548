// What the host's main thread and its run-file worker say to each other (one job at a time).
import type { DecodedRun, SaveFrame } from './library-save';

export type RunFileJob =
  /** A saveToLibrary request frame's bytes. */
  | { readonly seq: number; readonly kind: 'save-frame'; readonly bytes: Uint8Array<ArrayBuffer> }
  /** A run file's bytes, read from the library. */
  | { readonly seq: number; readonly kind: 'decode'; readonly bytes: Uint8Array<ArrayBuffer> };

export type RunFileResult =
  | { readonly seq: number; readonly kind: 'save-frame'; readonly frame: SaveFrame }
  | { readonly seq: number; readonly kind: 'decode'; readonly run: DecodedRun };
