// The preload with `electron` mocked: exactly one method per operation reaches the page, each
// invokes its own channel, and unsubscribing removes only that subscriber.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC, type CoreScopeApi, type RunMessage } from '../shared/contract';
import { DESKTOP_IPC } from '../shared/desktop-contract';
import { LIBRARY_IPC } from '../shared/library-contract';

type Listener = (event: unknown, message: RunMessage) => void;

const h = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: new Array<unknown[]>(),
  listeners: new Map<string, Set<Listener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void h.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      h.invoked.push(args);
      return Promise.resolve(undefined);
    },
    on: (channel: string, l: Listener) => {
      const set = h.listeners.get(channel) ?? new Set<Listener>();
      set.add(l);
      h.listeners.set(channel, set);
    },
    removeListener: (channel: string, l: Listener) => void h.listeners.get(channel)?.delete(l),
  },
}));

let api: CoreScopeApi;

function isApi(value: unknown): value is CoreScopeApi {
  return typeof value === 'object' && value !== null && 'subscribeRuns' in value;
}

beforeAll(async () => {
  await import('./index');
  const exposed = h.exposed.get('corescope');
  if (!isApi(exposed)) throw new Error('corescope was not exposed');
  api = exposed;
});

describe('preload', () => {
  it('exposes only window.corescope with one method per operation', () => {
    expect([...h.exposed.keys()]).toEqual(['corescope']);
    expect(Object.keys(api).sort()).toEqual([
      'cancelRun',
      'deleteFromLibrary',
      'listLibrary',
      'listScenarios',
      'machineInfo',
      'openFromLibrary',
      'renameInLibrary',
      'saveFile',
      'saveToLibrary',
      'setFullScreen',
      'startRun',
      'subscribeRuns',
    ]);
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  it('invokes one contract channel per operation', async () => {
    await api.machineInfo();
    await api.listScenarios();
    await api.startRun({ scenario: 'say-after', model: 'async' });
    await api.cancelRun('r1');
    expect(h.invoked).toEqual([
      [IPC.machineInfo],
      [IPC.listScenarios],
      [IPC.startRun, { scenario: 'say-after', model: 'async' }],
      [IPC.cancelRun, 'r1'],
    ]);
  });

  it('invokes one channel per library and desktop operation', async () => {
    h.invoked.length = 0;
    const data = new Uint8Array([1, 2]);
    await api.listLibrary?.();
    await api.saveToLibrary?.({ file: {}, auto: true });
    await api.openFromLibrary?.('run-1');
    await api.renameInLibrary?.('run-1', 'Week 2');
    await api.deleteFromLibrary?.('run-1');
    await api.saveFile?.({ kind: 'png', suggestedName: 'a.png', data });
    await api.setFullScreen?.(true);
    expect(h.invoked).toEqual([
      [LIBRARY_IPC.list],
      [LIBRARY_IPC.save, { file: {}, auto: true }],
      [LIBRARY_IPC.open, 'run-1'],
      [LIBRARY_IPC.rename, 'run-1', 'Week 2'],
      [LIBRARY_IPC.remove, 'run-1'],
      [DESKTOP_IPC.saveFile, { kind: 'png', suggestedName: 'a.png', data }],
      [DESKTOP_IPC.setFullScreen, true],
    ]);
  });

  it('delivers run messages without the IPC event and unsubscribes one listener', () => {
    const a: RunMessage[] = [];
    const b: RunMessage[] = [];
    const offA = api.subscribeRuns((m) => a.push(m));
    api.subscribeRuns((m) => b.push(m));
    const msg: RunMessage = { kind: 'error', runId: 'r', error: 'x' };
    const emit = (): void => {
      for (const l of h.listeners.get(IPC.runMessage) ?? []) l({ sender: 'secret' }, msg);
    };
    emit();
    offA();
    emit();
    expect(a).toEqual([msg]);
    expect(b).toEqual([msg, msg]);
  });
});
