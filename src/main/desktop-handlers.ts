// The desktop-only channels: save through the native save dialog, and full screen for
// presentation mode. Each checks the sender and validates its payload (kind, a plain suggested
// name, at most MAX_SAVE_BYTES of data) before anything is shown or written. The dialog itself
// asks before replacing a file; the bytes are then written by the one atomic writer under the
// CLIs' --out rules (a new or regular file only: never a device, FIFO, socket, folder or link).
// Electron's dialog and window come in through DesktopShell, so tests use fakes.
import { join } from 'node:path';
import { z } from 'zod';
import {
  DESKTOP_IPC,
  SaveFileRequestSchema,
  type SaveFileKind,
  type SaveFileResult,
} from '../shared/desktop-contract';
import { checkWriteTarget, writeFileAtomic } from './engine/atomic-write';
import type { Handler, IpcMainLike } from './ipc-handlers';
import { isTrustedSender, type SenderEvent, type TrustedPage } from './sender-check';
import { zodProblem } from '../shared/zod-format';

export interface SaveDialogOptions {
  readonly title: string;
  readonly defaultPath: string;
  readonly filters: { name: string; extensions: string[] }[];
  readonly properties: ('showOverwriteConfirmation' | 'createDirectory')[];
}

/** The parts of electron's dialog, app and BrowserWindow these handlers use. */
export interface DesktopShell {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  setFullScreen(on: boolean): void;
  /** Where the dialog opens first (the user's documents folder). */
  defaultFolder(): string;
}

const FILTERS: Readonly<Record<SaveFileKind, { name: string; extensions: string[] }>> = {
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  trace: { name: 'Chrome trace (Perfetto)', extensions: ['json'] },
  run: { name: 'CoreScope run', extensions: ['json'] },
};

const SaveArgs = z.tuple([SaveFileRequestSchema]);
const FullScreenArgs = z.tuple([z.boolean()]);

function problem(error: z.ZodError): string {
  return `invalid ${DESKTOP_IPC.saveFile} payload: ${zodProblem(error, { fallback: 'bad arguments' })}`;
}

export function registerDesktopHandlers<E extends SenderEvent>(
  ipc: IpcMainLike<E>,
  shell: DesktopShell,
  page: TrustedPage,
): () => void {
  const trusted = (channel: string, event: E): void => {
    if (!isTrustedSender(event, page)) throw new Error(`refused ${channel}: untrusted sender`);
  };

  const save: Handler<E> = async (event, ...args): Promise<SaveFileResult> => {
    trusted(DESKTOP_IPC.saveFile, event);
    const parsed = SaveArgs.safeParse(args);
    if (!parsed.success) return { ok: false, cancelled: false, error: problem(parsed.error) };
    const { kind, suggestedName, data } = parsed.data[0];
    const chosen = await shell.showSaveDialog({
      title: 'Save',
      defaultPath: join(shell.defaultFolder(), suggestedName),
      filters: [FILTERS[kind]],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '')
      return { ok: false, cancelled: true };
    const target = await checkWriteTarget(chosen.filePath);
    if (!target.ok) return { ok: false, cancelled: false, error: target.error };
    try {
      await writeFileAtomic(chosen.filePath, data);
      return { ok: true, path: chosen.filePath };
    } catch (e) {
      return { ok: false, cancelled: false, error: e instanceof Error ? e.message : String(e) };
    }
  };

  const fullScreen: Handler<E> = (event, ...args) => {
    trusted(DESKTOP_IPC.setFullScreen, event);
    const parsed = FullScreenArgs.safeParse(args);
    if (!parsed.success) throw new Error(`invalid ${DESKTOP_IPC.setFullScreen} payload`);
    shell.setFullScreen(parsed.data[0]);
    return undefined;
  };

  ipc.handle(DESKTOP_IPC.saveFile, save);
  ipc.handle(DESKTOP_IPC.setFullScreen, fullScreen);
  return () => {
    ipc.removeHandler(DESKTOP_IPC.saveFile);
    ipc.removeHandler(DESKTOP_IPC.setFullScreen);
  };
}
