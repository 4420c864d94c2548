// The library's IPC channels: one handler per operation. Each checks the sender (a refusal
// throws, as for the run channels), validates its arguments with zod and only then asks the
// library, whose LibraryResult goes back as is. The library is handed in (Electron's userData
// folder in production, a temp folder in tests), so this never touches electron itself.
import { z } from 'zod';
import type { RunLibrary } from './engine/library';
import { LIBRARY_IPC, LibraryIdSchema, LibrarySaveRequestSchema } from '../shared/library-contract';
import type { Handler, IpcMainLike } from './ipc-handlers';
import { isTrustedSender, type SenderEvent, type TrustedPage } from './sender-check';
import { zodProblem } from '../shared/zod-format';

function invalid(channel: string, error: z.ZodError): { ok: false; error: string } {
  const problem = zodProblem(error, { fallback: 'bad arguments' });
  return { ok: false, error: `invalid ${channel} payload: ${problem}` };
}

export function registerLibraryHandlers<E extends SenderEvent>(
  ipc: IpcMainLike<E>,
  library: RunLibrary,
  page: TrustedPage,
): () => void {
  const on = <S extends z.ZodType>(
    channel: string,
    schema: S,
    body: (args: z.infer<S>) => Promise<unknown>,
  ): void => {
    const handler: Handler<E> = async (event, ...args) => {
      if (!isTrustedSender(event, page)) throw new Error(`refused ${channel}: untrusted sender`);
      const parsed = schema.safeParse(args);
      if (!parsed.success) return invalid(channel, parsed.error);
      return body(parsed.data);
    };
    ipc.handle(channel, handler);
  };

  const Id = z.tuple([LibraryIdSchema]);
  on(LIBRARY_IPC.list, z.tuple([]), () => library.list());
  on(LIBRARY_IPC.save, z.tuple([LibrarySaveRequestSchema]), ([request]) => library.save(request));
  on(LIBRARY_IPC.open, Id, ([id]) => library.open(id));
  on(LIBRARY_IPC.rename, z.tuple([LibraryIdSchema, z.string().max(1000)]), ([id, name]) =>
    library.rename(id, name),
  );
  on(LIBRARY_IPC.remove, Id, ([id]) => library.remove(id));

  return () => {
    for (const channel of Object.values(LIBRARY_IPC)) ipc.removeHandler(channel);
  };
}
