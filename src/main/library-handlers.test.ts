// The library's IPC channels with a fake ipcMain and a real library in a temp folder: one
// handler per operation, the sender checked, arguments validated before the library is asked,
// and the library's answers passed through.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY_IPC } from '../shared/library-contract';
import { RunStore } from '../shared/run-store';
import { toRunFile } from '../shared/run-file';
import { RunLibrary } from './engine/library';
import type { Handler, IpcMainLike } from './ipc-handlers';
import { registerLibraryHandlers } from './library-handlers';
import type { SenderEvent } from './sender-check';

const PAGE = 'file:///app/out/renderer/index.html';
const good: SenderEvent = { sender: { id: 1 }, senderFrame: { url: PAGE, parent: null } };
const framed: SenderEvent = { sender: { id: 1 }, senderFrame: { url: PAGE, parent: {} } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corescope-ipclib-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runFile(): unknown {
  const store = new RunStore({
    runId: 'r1',
    startedAt: '2026-01-01T00:00:00.000Z',
    params: {
      scenario: 'mixed',
      model: 'processes',
      workers: 2,
      tasks: 2,
      size: 1,
      scale: 1,
      variant: 'blocking',
      trace: true,
    },
    machine: {
      cpuModel: 'x',
      logicalCores: 2,
      platform: 'linux',
      release: '',
      arch: 'x64',
      totalMemoryGiB: 1,
      runtime: '',
      coresObservable: true,
      coresNote: '',
    },
    clock: { source: 'test' },
  });
  const summary = {
    status: 'completed' as const,
    wallMs: 1,
    cpuMs: 0,
    coreBusy: [],
    osBusy: [],
    actors: 0,
    tasks: 0,
    tasksDone: 0,
    slices: 0,
    failures: [],
    clock: { source: 'test' },
  };
  return toRunFile(store, summary);
}

function setup() {
  const handlers = new Map<string, Handler<SenderEvent>>();
  const ipc: IpcMainLike<SenderEvent> = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const off = registerLibraryHandlers(ipc, new RunLibrary({ dir }), {
    webContentsId: () => 1,
    pageUrl: PAGE,
  });
  const call = async (channel: string, event: SenderEvent, ...args: unknown[]) => {
    const h = handlers.get(channel);
    if (h === undefined) throw new Error(`no handler for ${channel}`);
    return h(event, ...args);
  };
  return { handlers, off, call };
}

describe('registerLibraryHandlers', () => {
  it('registers one handler per operation and removes them all', () => {
    const { handlers, off } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(LIBRARY_IPC).sort());
    off();
    expect(handlers.size).toBe(0);
  });

  it('saves, lists, opens, renames and deletes through the library', async () => {
    const { call } = setup();
    const saved = await call(LIBRARY_IPC.save, good, { file: runFile(), auto: false });
    expect(saved).toMatchObject({ ok: true, value: { name: 'mixed · processes × 2' } });
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.corescope.json'));
    const id = (file ?? '').replace('.corescope.json', '');
    expect(await call(LIBRARY_IPC.list, good)).toMatchObject({ ok: true, value: [{ id }] });
    expect(await call(LIBRARY_IPC.open, good, id)).toMatchObject({
      ok: true,
      value: { file: { format: 'corescope-run' } },
    });
    expect(await call(LIBRARY_IPC.rename, good, id, 'Week 2')).toMatchObject({
      value: { name: 'Week 2' },
    });
    expect(await call(LIBRARY_IPC.remove, good, id)).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    [LIBRARY_IPC.list, ['extra']],
    [LIBRARY_IPC.save, [{ file: runFile(), auto: false, path: '/etc' }]],
    [LIBRARY_IPC.open, ['../secret']],
    [LIBRARY_IPC.rename, ['run-1']],
    [LIBRARY_IPC.rename, ['run-1', 42]],
    [LIBRARY_IPC.remove, [{}]],
  ])('rejects a bad %s payload without touching the folder', async (channel, args) => {
    const { call } = setup();
    expect(await call(channel, good, ...args)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid corescope:library-\w+ payload/),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each(Object.values(LIBRARY_IPC))('refuses %s from a subframe', async (channel) => {
    const { call } = setup();
    await expect(call(channel, framed, { file: runFile(), auto: false })).rejects.toThrow(
      /untrusted sender/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
