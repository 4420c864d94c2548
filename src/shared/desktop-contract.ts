// Operations only the Electron shell offers (the browser host downloads files instead and uses
// the page's own full-screen API): save through the native dialog, and full screen for
// presentation mode. Both are entries of the operations table (operations.ts), Electron-only.
import { z } from './zod-mini';

export const SAVE_KINDS = ['png', 'svg', 'trace', 'run'] as const;
export type SaveFileKind = (typeof SAVE_KINDS)[number];

/** Largest file the renderer may ask main to write, bytes. */
export const MAX_SAVE_BYTES = 500 * 1024 * 1024;

/** What a suggested file name may be: plain, starting with a letter or digit, no folders. */
export const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]*$/;
const MAX_STEM = 80;

/**
 * A file name stem the save request accepts (PLAIN_FILE_NAME), made from any text (a run's
 * title, an opened file's name): other characters become `-`, and it starts with a letter or
 * digit, so a name such as `_draft` or `.hidden` still saves (as `draft`, `hidden`).
 */
export function safeStem(text: string): string {
  const stem = text
    .replace(/[^A-Za-z0-9._ -]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, MAX_STEM);
  return stem === '' ? 'corescope' : stem;
}

export const SaveFileRequestSchema = z.strictObject({
  kind: z.enum(SAVE_KINDS),
  /** Only a suggestion for the dialog: a plain name, never a path. */
  suggestedName: z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(200),
      z.regex(PLAIN_FILE_NAME, 'a plain file name without folders'),
    ),
  data: z.instanceof(Uint8Array).check(
    z.refine((d) => d.byteLength <= MAX_SAVE_BYTES, {
      message: `at most ${MAX_SAVE_BYTES} bytes`,
    }),
  ),
});

export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export type SaveFileOutcome =
  { readonly saved: true; readonly path: string } | { readonly saved: false };
