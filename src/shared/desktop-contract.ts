// Operations only the Electron shell offers (the browser host downloads files instead and uses
// the page's own full-screen API): save through the native dialog, and full screen for
// presentation mode. Both are entries of the operations table (operations.ts), Electron-only.
import { z } from 'zod';

export const SAVE_KINDS = ['png', 'svg', 'trace', 'run'] as const;
export type SaveFileKind = (typeof SAVE_KINDS)[number];

/** Largest file the renderer may ask main to write, bytes. */
export const MAX_SAVE_BYTES = 500 * 1024 * 1024;

export const SaveFileRequestSchema = z
  .object({
    kind: z.enum(SAVE_KINDS),
    /** Only a suggestion for the dialog: a plain name, never a path. */
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._ -]*$/, 'a plain file name without folders'),
    data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_SAVE_BYTES, {
      message: `at most ${MAX_SAVE_BYTES} bytes`,
    }),
  })
  .strict();

export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export type SaveFileOutcome =
  { readonly saved: true; readonly path: string } | { readonly saved: false };
