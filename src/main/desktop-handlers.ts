// The desktop-only operations: save through the native save dialog, and full screen for
// presentation mode. Their payloads (kind, a plain suggested name, at most MAX_SAVE_BYTES of
// data) are checked against the operations table before these run. The dialog itself asks
// before replacing a file; the bytes are then written by the one atomic writer under the CLIs'
// --out rules (a new or regular file only: never a device, FIFO, socket, folder or link). A failed
// write throws, which the caller receives as the operation's error. Electron's dialog and window
// come in through DesktopShell, so tests use fakes.
import { join } from 'node:path';
import type { SaveFileKind } from '../shared/desktop-contract';
import type { ElectronOnlyOpName, OpHandlers } from '../shared/operations';
import { checkWriteTarget, writeFileAtomic } from './engine/atomic-write';

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

/** The Electron-only operations: the save dialog and full screen, over `shell`. */
export function desktopHandlers(shell: DesktopShell): OpHandlers<ElectronOnlyOpName> {
  return {
    saveFile: async ({ kind, suggestedName, data }) => {
      const chosen = await shell.showSaveDialog({
        title: 'Save',
        defaultPath: join(shell.defaultFolder(), suggestedName),
        filters: [FILTERS[kind]],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '')
        return { saved: false };
      const target = await checkWriteTarget(chosen.filePath);
      if (!target.ok) throw new Error(target.error);
      await writeFileAtomic(chosen.filePath, data);
      return { saved: true, path: chosen.filePath };
    },
    setFullScreen: (on) => {
      shell.setFullScreen(on);
      return null;
    },
  };
}
