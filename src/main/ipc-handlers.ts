// Electron's side of the operations table: one ipcMain handler per operation, registered in one
// loop. Each checks the sender first, then hands the arguments to the shared dispatcher (which
// checks them against the table and calls the operation's handler). A refusal of any kind comes
// back as an OpReply, never as a thrown IPC error (Electron would wrap its message). Electron
// objects come in as parameters, so this is unit-tested with fakes.
import { callOperation } from '../shared/op-dispatch';
import { ipcChannel, type OpHandlers, type OpName, type OpReply } from '../shared/operations';
import { isTrustedSender, type SenderEvent, type TrustedPage } from './sender-check';

export type Handler<E> = (event: E, ...args: unknown[]) => unknown;

/** The part of electron's ipcMain used here. */
export interface IpcMainLike<E extends SenderEvent> {
  handle(channel: string, listener: Handler<E>): void;
  removeHandler(channel: string): void;
}

/** Registers `names` (each with its handler); returns the function that removes them again. */
export function registerOperations<E extends SenderEvent, K extends OpName>(
  ipc: IpcMainLike<E>,
  handlers: OpHandlers<K>,
  names: readonly K[],
  page: TrustedPage,
): () => void {
  for (const name of names) {
    ipc.handle(ipcChannel(name), (event, ...args): OpReply | Promise<OpReply> => {
      if (!isTrustedSender(event, page))
        return { ok: false, error: `refused ${name}: untrusted sender` };
      return callOperation(handlers, name, args);
    });
  }
  return () => {
    for (const name of names) ipc.removeHandler(ipcChannel(name));
  };
}
