// Every operation of the table, called the way the page calls it, over both transports:
// Electron's (the real preload, with electron's ipcRenderer and ipcMain replaced by a direct pair,
// into the real IPC registration) and the browser host's (the renderer's WebSocket client over a
// real socket into the real host). Both sides use the real engine, run library and run files.
// The cases are a record keyed by operation name, so a new operation does not compile until it
// has a case here, and the test checks that the table and the cases agree.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { desktopHandlers, type DesktopShell } from '../main/desktop-handlers';
import { RunLibrary } from '../main/engine/library';
import { engineHandlers } from '../main/engine/operation-handlers';
import { createRunService, type RunService } from '../main/engine/run-service';
import { ENTRIES } from '../main/engine/test-support';
import { registerOperations, type Handler, type IpcMainLike } from '../main/ipc-handlers';
import type { SenderEvent } from '../main/sender-check';
import { startHost, type RunningHost } from '../host/http-host';
import { createWsApi, type SocketLike, type WsApi } from '../renderer/src/api/ws-client';
import type { CoreScopeApi, RunMessage } from '../shared/contract';
import { ipcChannel, OP_NAMES, RUN_MESSAGE_CHANNEL, type OpName } from '../shared/operations';
import { testRunFile } from '../shared/test-figures';

type IpcListener = (event: unknown, message: RunMessage) => void;

const h = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  mainHandlers: new Map<string, (event: SenderEvent, ...args: unknown[]) => unknown>(),
  listeners: new Set<(event: unknown, message: RunMessage) => void>(),
}));

const PAGE = 'file:///app/out/renderer/index.html';
const TRUSTED: SenderEvent = { sender: { id: 1 }, senderFrame: { url: PAGE, parent: null } };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void h.exposed.set(key, api) },
  ipcRenderer: {
    // What Electron does between the two processes, minus the process boundary: the page's
    // frame is the sender, and the handler's answer (or its rejection) comes back.
    invoke: async (channel: string, ...args: unknown[]) => {
      const handler = h.mainHandlers.get(channel);
      if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
      return handler(TRUSTED, ...args);
    },
    on: (channel: string, l: IpcListener) => {
      if (channel === 'corescope:run-message') h.listeners.add(l);
    },
    removeListener: (_channel: string, l: IpcListener) => void h.listeners.delete(l),
  },
}));

function isApi(value: unknown): value is CoreScopeApi {
  return typeof value === 'object' && value !== null && 'subscribeRuns' in value;
}

/** The renderer's SocketLike over Node's `ws`, with the Origin a page of the host would send. */
function nodeSocket(origin: string) {
  return (
    url: string,
    handlers: Parameters<Parameters<typeof createWsApi>[1]['createSocket']>[1],
  ): SocketLike => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => handlers.onOpen());
    ws.on('message', (data: Buffer) => handlers.onText(data.toString('utf8')));
    ws.on('close', () => handlers.onClose());
    ws.on('error', () => undefined);
    return {
      isOpen: () => ws.readyState === WebSocket.OPEN,
      send: (d) => ws.send(d),
      close: () => ws.close(),
    };
  };
}

interface Transport {
  readonly name: 'ipc' | 'ws';
  readonly api: CoreScopeApi;
  readonly dir: string;
}

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

let ipc: Transport;
let ws: Transport;
let host: RunningHost;
let wsApi: WsApi;
const services: RunService[] = [];
const fullScreen: boolean[] = [];
let savedPath = '';

beforeAll(async () => {
  // Electron: the real registration on a stand-in ipcMain, then the real preload.
  const ipcMain: IpcMainLike<SenderEvent> = {
    handle: (channel, listener: Handler<SenderEvent>) => void h.mainHandlers.set(channel, listener),
    removeHandler: (channel) => void h.mainHandlers.delete(channel),
  };
  const ipcService = createRunService({ entries: ENTRIES });
  services.push(ipcService);
  ipcService.subscribe((m) => {
    for (const l of h.listeners) l({ sender: 'main' }, m);
  });
  const ipcDir = tempDir('corescope-reach-ipc-');
  savedPath = join(ipcDir, 'chosen.png');
  const shell: DesktopShell = {
    showSaveDialog: async () => ({ canceled: false, filePath: savedPath }),
    setFullScreen: (on) => void fullScreen.push(on),
    defaultFolder: () => ipcDir,
  };
  const library = new RunLibrary({ dir: join(ipcDir, 'runs') });
  registerOperations(
    ipcMain,
    { ...engineHandlers({ service: ipcService, library }), ...desktopHandlers(shell) },
    OP_NAMES,
    { webContentsId: () => 1, pageUrl: PAGE },
  );
  await import('../preload/index');
  const exposed = h.exposed.get('corescope');
  if (!isApi(exposed)) throw new Error('the preload exposed no API');
  ipc = { name: 'ipc', api: exposed, dir: ipcDir };

  // The browser host: a real server and socket.
  const wsDir = tempDir('corescope-reach-ws-');
  writeFileSync(join(wsDir, 'index.html'), '<!doctype html><title>t</title>');
  const wsService = createRunService({ entries: ENTRIES });
  services.push(wsService);
  host = await startHost({
    port: 0,
    hostName: '127.0.0.1',
    rendererDir: wsDir,
    service: wsService,
    library: new RunLibrary({ dir: join(wsDir, 'runs') }),
    token: 'reach-test-token-0123',
  });
  wsApi = createWsApi(`ws://127.0.0.1:${host.port}/ws?token=reach-test-token-0123`, {
    createSocket: nodeSocket(`http://127.0.0.1:${host.port}`),
    requestTimeoutMs: 30_000,
  });
  ws = { name: 'ws', api: wsApi, dir: wsDir };
});

afterAll(async () => {
  wsApi.dispose();
  await host.close();
  await Promise.all(services.map((s) => s.dispose()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const QUICK = { scenario: 'say-after', model: 'async', scale: 0.01 } as const;
const LONG = {
  scenario: 'cpu-bound',
  model: 'threads',
  workers: 1,
  tasks: 200,
  size: 2000,
} as const;

/** Resolves with the run's last message (end or error). */
function ended(api: CoreScopeApi, runId: string): Promise<RunMessage> {
  return new Promise((resolve) => {
    const off = api.subscribeRuns((m) => {
      if (m.runId === runId && m.kind !== 'events') {
        off();
        resolve(m);
      }
    });
  });
}

async function keep(api: CoreScopeApi, runId: string) {
  return api.saveToLibrary({ file: testRunFile(runId), auto: false });
}

/** One case per operation: calls it as the page does and checks what it did. */
const CASES: { readonly [K in OpName]: (t: Transport) => Promise<void> } = {
  machineInfo: async ({ api }) => {
    expect((await api.machineInfo()).logicalCores).toBeGreaterThan(0);
  },
  listScenarios: async ({ api }) => {
    expect((await api.listScenarios()).map((s) => s.id)).toContain('say-after');
  },
  startRun: async ({ api }) => {
    const meta = await api.startRun(QUICK);
    const end = await ended(api, meta.runId);
    expect(end).toMatchObject({ kind: 'end', summary: { status: 'completed' } });
    await expect(api.startRun({ ...QUICK, workers: 0 })).rejects.toThrow(
      'workers must be from 1 to 64',
    );
  },
  cancelRun: async ({ api }) => {
    const meta = await api.startRun(LONG);
    const end = ended(api, meta.runId);
    expect(await api.cancelRun(meta.runId)).toBeNull();
    expect(await end).toMatchObject({ kind: 'end', summary: { status: 'cancelled' } });
  },
  currentRun: async ({ api }) => {
    expect(await api.currentRun()).toBeNull();
    const meta = await api.startRun(LONG);
    const end = ended(api, meta.runId);
    const current = await api.currentRun();
    expect(current?.meta.runId).toBe(meta.runId);
    await api.cancelRun(meta.runId);
    await end;
    expect(await api.currentRun()).toBeNull();
  },
  setPython: async ({ api, dir }) => {
    // Bad picks are refused with the reason and change nothing.
    const before = (await api.machineInfo()).python;
    await expect(api.setPython('/no/such/python3')).rejects.toThrow(
      'python: /no/such/python3 was not found',
    );
    await expect(api.setPython('venv/bin/python')).rejects.toThrow(
      'python must be an absolute path or a command name',
    );
    const old = join(dir, 'python3.8');
    writeFileSync(
      old,
      '#!/bin/sh\necho \'["cpython", [3, 8, 10], true, "/usr/bin/python3.8"]\'\n',
      {
        mode: 0o755,
      },
    );
    await expect(api.setPython(old)).rejects.toThrow(`${old} is Python 3.8; CoreScope needs 3.9`);
    await expect(api.setPython('/bin/true')).rejects.toThrow(
      '/bin/true did not answer like Python',
    );
    expect((await api.machineInfo()).python).toEqual(before);
    // The machine's python3 is taken, and machine info says so from then on.
    const set = await api.setPython('python3');
    expect(set).toMatchObject({
      available: true,
      runtime: expect.stringMatching(/^CPython 3\.\d+\.\d+$/),
    });
    expect((await api.machineInfo()).python).toEqual(set);
    expect(await api.setPython(null)).toMatchObject({ available: true });
  },
  listLibrary: async ({ api }) => {
    const entry = await keep(api, 'listed');
    expect((await api.listLibrary()).map((e) => e.id)).toContain(entry.id);
  },
  saveToLibrary: async ({ api }) => {
    expect(await keep(api, 'saved')).toMatchObject({ status: 'ok', runId: 'saved', kept: true });
    await expect(api.saveToLibrary({ file: { format: 'nope' }, auto: true })).rejects.toThrow();
  },
  openFromLibrary: async ({ api }) => {
    const entry = await keep(api, 'opened');
    expect(await api.openFromLibrary(entry.id)).toMatchObject({
      file: { format: 'corescope-run', meta: { runId: 'opened' } },
    });
  },
  renameInLibrary: async ({ api }) => {
    const entry = await keep(api, 'renamed');
    expect(await api.renameInLibrary(entry.id, `Week ${entry.id}`)).toMatchObject({
      name: `Week ${entry.id}`,
    });
    await expect(api.renameInLibrary(entry.id, 'a/b')).rejects.toThrow(/cannot contain/);
  },
  deleteFromLibrary: async ({ api }) => {
    const entry = await keep(api, 'deleted');
    expect(await api.deleteFromLibrary(entry.id)).toBeNull();
    expect((await api.listLibrary()).map((e) => e.id)).not.toContain(entry.id);
  },
  saveFile: async ({ api, name }) => {
    if (name === 'ws') {
      expect(api.saveFile).toBeUndefined(); // the browser downloads instead
      return;
    }
    const data = new TextEncoder().encode('png bytes');
    expect(await api.saveFile?.({ kind: 'png', suggestedName: 'a.png', data })).toEqual({
      saved: true,
      path: savedPath,
    });
    expect(readFileSync(savedPath, 'utf8')).toBe('png bytes');
  },
  setFullScreen: async ({ api, name }) => {
    if (name === 'ws') {
      expect(api.setFullScreen).toBeUndefined(); // the page's own full-screen API instead
      return;
    }
    expect(await api.setFullScreen?.(true)).toBeNull();
    expect(fullScreen).toEqual([true]);
  },
};

describe('every operation of the table', () => {
  it('has exactly one case here, and both hosts register it', () => {
    expect(Object.keys(CASES).sort()).toEqual([...OP_NAMES].sort());
    expect([...h.mainHandlers.keys()].sort()).toEqual(OP_NAMES.map(ipcChannel).sort());
    expect(RUN_MESSAGE_CHANNEL).not.toBe(ipcChannel('currentRun'));
  });

  for (const name of OP_NAMES) {
    it(`${name} is reachable over Electron IPC`, () => CASES[name](ipc));
    it(`${name} is reachable over the browser host's WebSocket`, () => CASES[name](ws));
  }
});
