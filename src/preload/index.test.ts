// The preload with `electron` mocked: exactly one method per operation of the table reaches the
// page, each invokes its own channel, replies are unwrapped (a refusal rejects with its message)
// and unsubscribing removes only that subscriber.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreScopeApi, RunMessage } from '../shared/contract';
import { ipcChannel, OP_NAMES, RUN_MESSAGE_CHANNEL } from '../shared/operations';

type Listener = (event: unknown, message: RunMessage) => void;

const h = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: new Array<unknown[]>(),
  reply: { ok: true, value: null } as unknown,
  listeners: new Map<string, Set<Listener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void h.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      h.invoked.push(args);
      return Promise.resolve(h.reply);
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
    expect(Object.keys(api).sort()).toEqual([...OP_NAMES, 'subscribeRuns'].sort());
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  it('invokes one channel per operation with its arguments', async () => {
    h.invoked.length = 0;
    const data = new Uint8Array([1, 2]);
    await api.cancelRun('r1');
    await api.deleteFromLibrary('run-1');
    await api.setFullScreen?.(true);
    h.reply = { ok: true, value: { saved: false } };
    await api.saveFile?.({ kind: 'png', suggestedName: 'a.png', data });
    expect(h.invoked).toEqual([
      [ipcChannel('cancelRun'), 'r1'],
      [ipcChannel('deleteFromLibrary'), 'run-1'],
      [ipcChannel('setFullScreen'), true],
      [ipcChannel('saveFile'), { kind: 'png', suggestedName: 'a.png', data }],
    ]);
  });

  it("rejects with the host's message on a refusal and on a malformed reply", async () => {
    h.reply = { ok: false, error: 'a run is already in progress' };
    await expect(api.startRun({ scenario: 'say-after', model: 'async' })).rejects.toThrow(
      'a run is already in progress',
    );
    h.reply = { ok: true, value: { cpuModel: 3 } };
    await expect(api.machineInfo()).rejects.toThrow(/malformed machineInfo reply/);
    h.reply = 'not a reply';
    await expect(api.cancelRun('r')).rejects.toThrow(/malformed cancelRun reply/);
    h.reply = { ok: true, value: null };
  });

  it('delivers run messages without the IPC event and unsubscribes one listener', () => {
    const a: RunMessage[] = [];
    const b: RunMessage[] = [];
    const offA = api.subscribeRuns((m) => a.push(m));
    api.subscribeRuns((m) => b.push(m));
    const msg: RunMessage = { kind: 'error', runId: 'r', error: 'x' };
    const emit = (): void => {
      for (const l of h.listeners.get(RUN_MESSAGE_CHANNEL) ?? []) l({ sender: 'secret' }, msg);
    };
    emit();
    offA();
    emit();
    expect(a).toEqual([msg]);
    expect(b).toEqual([msg, msg]);
  });
});
