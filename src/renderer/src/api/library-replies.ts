// Schemas for the library's replies from the browser host. The host validates on its side; these
// keep a protocol bug (or a hand-edited entry) from reaching the UI as a wrong shape. The run
// file inside an opened entry is validated later, by parseRunFile, like any opened file.
import { z } from 'zod';
import {
  LibraryEntrySchema,
  libraryResultSchema,
  MAX_LIBRARY_NAME,
} from '../../../shared/library-contract';

export const ListReply = libraryResultSchema(z.array(LibraryEntrySchema).max(100_000));
export const EntryReply = libraryResultSchema(LibraryEntrySchema);
export const OpenedReply = libraryResultSchema(
  z.object({ name: z.string().max(MAX_LIBRARY_NAME + 120), file: z.unknown() }),
);
export const DeletedReply = libraryResultSchema(z.null());
