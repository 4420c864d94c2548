// The desktop operations registered on a fake ipcMain with a fake dialog/window: the sender is
// checked, the payload validated (kind, plain name, size) before any dialog opens, a cancelled
// dialog writes nothing (and is no error), a chosen path is written atomically, a failed write
// is an error reply, and full screen reaches the window.
import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcChannel } from '../shared/operations';
import { desktopHandlers, type DesktopShell, type SaveDialogOptions } from './desktop-handlers';
import { registerOperations, type Handler, type IpcMainLike } from './ipc-handlers';
import type { SenderEvent } from './sender-check';

const PAGE = 'file:///app/out/renderer/index.html';
const good: SenderEvent = { sender: { id: 1 }, senderFrame: { url: PAGE, parent: null } };
const foreign: SenderEvent = {
  sender: { id: 1 },
  senderFrame: { url: 'https://evil.example/', parent: null },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corescope-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(answer: { canceled: boolean; filePath?: string }) {
  const handlers = new Map<string, Handler<SenderEvent>>();
  const ipc: IpcMainLike<SenderEvent> = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const dialogs: SaveDialogOptions[] = [];
  const fullScreen: boolean[] = [];
  const shell: DesktopShell = {
    showSaveDialog: (options) => {
      dialogs.push(options);
      return Promise.resolve(answer);
    },
    setFullScreen: (on) => void fullScreen.push(on),
    defaultFolder: () => '/home/u/Documents',
  };
  const off = registerOperations(ipc, desktopHandlers(shell), ['saveFile', 'setFullScreen'], {
    webContentsId: () => 1,
    pageUrl: PAGE,
  });
  const call = async (channel: string, event: SenderEvent, ...args: unknown[]) => {
    const h = handlers.get(channel);
    if (h === undefined) throw new Error(`no handler for ${channel}`);
    return h(event, ...args);
  };
  return { handlers, dialogs, fullScreen, off, call };
}

const SAVE = ipcChannel('saveFile');
const FULL = ipcChannel('setFullScreen');
const bytes = new TextEncoder().encode('{"traceEvents":[]}');
const request = { kind: 'trace', suggestedName: 'run.trace.json', data: bytes };

describe('desktop operations', () => {
  it('registers both channels and removes them', () => {
    const { handlers, off } = setup({ canceled: true });
    expect([...handlers.keys()].sort()).toEqual([SAVE, FULL].sort());
    off();
    expect(handlers.size).toBe(0);
  });

  it('shows the dialog (which confirms overwrites) and writes the chosen file atomically', async () => {
    const path = join(dir, 'chosen.json');
    const { call, dialogs } = setup({ canceled: false, filePath: path });
    expect(await call(SAVE, good, request)).toEqual({ ok: true, value: { saved: true, path } });
    expect(dialogs[0]).toMatchObject({
      defaultPath: join('/home/u/Documents', 'run.trace.json'),
      filters: [{ extensions: ['json'] }],
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
    expect(await readFile(path, 'utf8')).toBe('{"traceEvents":[]}');
    expect(await readdir(dir)).toEqual(['chosen.json']);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { call } = setup({ canceled: true });
    expect(await call(SAVE, good, request)).toEqual({ ok: true, value: { saved: false } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a write that fails', async () => {
    const { call } = setup({ canceled: false, filePath: join(dir, 'missing', 'x.json') });
    expect(await call(SAVE, good, request)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/missing does not exist/),
    });
  });

  it("writes under the CLIs' rules: keeps a replaced file's mode, refuses a FIFO or a link", async () => {
    const kept = join(dir, 'kept.json');
    await writeFile(kept, 'old');
    await chmod(kept, 0o600);
    expect(await setup({ canceled: false, filePath: kept }).call(SAVE, good, request)).toEqual({
      ok: true,
      value: { saved: true, path: kept },
    });
    expect((await lstat(kept)).mode & 0o777).toBe(0o600);
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const link = join(dir, 'link.json');
    await symlink(kept, link);
    for (const [path, why] of [
      [fifo, /is a FIFO/],
      [link, /is a symbolic link/],
      ['/proc/x.json', /cannot write in \/proc/],
    ] as const) {
      const r = await setup({ canceled: false, filePath: path }).call(SAVE, good, request);
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(why) });
    }
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(kept, 'utf8')).toBe('{"traceEvents":[]}');
  });

  it.each([
    ['an unknown kind', { ...request, kind: 'exe' }],
    ['a path as name', { ...request, suggestedName: '../../.bashrc' }],
    ['a folder in the name', { ...request, suggestedName: 'a/b.json' }],
    ['text instead of bytes', { ...request, data: 'hello' }],
    ['an extra key', { ...request, path: '/etc/passwd' }],
  ])('refuses %s before any dialog opens', async (_name, bad) => {
    const { call, dialogs } = setup({ canceled: false, filePath: join(dir, 'x') });
    expect(await call(SAVE, good, bad)).toMatchObject({ ok: false, error: expect.any(String) });
    expect(dialogs).toEqual([]);
  });

  it('refuses a foreign sender on both channels', async () => {
    const { call, dialogs, fullScreen } = setup({ canceled: false, filePath: join(dir, 'x') });
    expect(await call(SAVE, foreign, request)).toEqual({
      ok: false,
      error: 'refused saveFile: untrusted sender',
    });
    expect(await call(FULL, foreign, true)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/untrusted/),
    });
    expect(dialogs).toEqual([]);
    expect(fullScreen).toEqual([]);
  });

  it('sets full screen with a boolean only', async () => {
    const { call, fullScreen } = setup({ canceled: true });
    await call(FULL, good, true);
    await call(FULL, good, false);
    expect(await call(FULL, good, 'yes')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/boolean/),
    });
    expect(fullScreen).toEqual([true, false]);
  });
});
