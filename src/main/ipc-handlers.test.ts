// The IPC handlers with a fake ipcMain and a fake RunService: sender refused, payloads
// validated, valid calls delegated.
import { describe, expect, it } from 'vitest';
import { IPC } from '../shared/contract';
import { registerIpcHandlers, type Handler, type IpcMainLike } from './ipc-handlers';
import type { SenderEvent } from './sender-check';
import type { RunService } from './engine/run-service';
import { SCENARIO_CATALOG } from '../shared/scenarios';

/** Records calls; startRun answers ok (the handler has validated before it gets here). */
function createFakeRunService(): RunService & { readonly calls: string[] } {
  const calls: string[] = [];
  const machine = {
    cpuModel: 'fake',
    logicalCores: 2,
    platform: 'linux',
    release: '',
    arch: 'x64',
    totalMemoryGiB: 1,
    runtime: '',
    coresObservable: true,
    coresNote: '',
  };
  return {
    calls,
    machineInfo: () => (calls.push('machineInfo'), machine),
    listScenarios: () => (calls.push('listScenarios'), SCENARIO_CATALOG),
    startRun: () => {
      calls.push('startRun');
      return { ok: false, error: 'fake: not started' };
    },
    cancelRun: (runId) => void calls.push(`cancelRun:${runId}`),
    subscribe: () => () => undefined,
    dispose: () => Promise.resolve(),
  };
}

const PAGE = 'file:///app/out/renderer/index.html';
const good: SenderEvent = { sender: { id: 1 }, senderFrame: { url: PAGE, parent: null } };
const foreign: SenderEvent = {
  sender: { id: 1 },
  senderFrame: { url: 'https://evil.example/', parent: null },
};

function setup() {
  const handlers = new Map<string, Handler<SenderEvent>>();
  const ipc: IpcMainLike<SenderEvent> = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const service = createFakeRunService();
  const off = registerIpcHandlers(ipc, service, { webContentsId: () => 1, pageUrl: PAGE });
  const call = (channel: string, event: SenderEvent, ...args: unknown[]): unknown => {
    const h = handlers.get(channel);
    if (h === undefined) throw new Error(`no handler for ${channel}`);
    return h(event, ...args);
  };
  return { handlers, service, off, call };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per request channel and removes them all', () => {
    const { handlers, off } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      [IPC.cancelRun, IPC.listScenarios, IPC.machineInfo, IPC.startRun].sort(),
    );
    off();
    expect(handlers.size).toBe(0);
  });

  it('delegates valid calls', () => {
    const { call, service } = setup();
    expect(call(IPC.machineInfo, good)).toMatchObject({ logicalCores: 2 });
    expect(
      call(IPC.startRun, good, { scenario: 'cpu-bound', model: 'processes', workers: 2 }),
    ).toEqual({
      ok: false,
      error: 'fake: not started',
    });
    call(IPC.cancelRun, good, 'run-1');
    expect(service.calls).toEqual(['machineInfo', 'machineInfo', 'startRun', 'cancelRun:run-1']);
  });

  it.each([IPC.machineInfo, IPC.listScenarios, IPC.startRun, IPC.cancelRun])(
    'refuses %s from a foreign frame without calling the service',
    (channel) => {
      const { call, service } = setup();
      expect(() => call(channel, foreign, 'run-1')).toThrow(/untrusted sender/);
      expect(service.calls).toEqual([]);
    },
  );

  it('rejects bad payloads and changes nothing', () => {
    const { call, service } = setup();
    expect(() => call(IPC.machineInfo, good, 'extra')).toThrow(
      /invalid corescope:machine-info payload/,
    );
    expect(() => call(IPC.cancelRun, good, 42)).toThrow(/invalid corescope:cancel-run payload/);
    expect(() => call(IPC.cancelRun, good, 'x'.repeat(101))).toThrow(/invalid/);
    expect(call(IPC.startRun, good)).toMatchObject({ ok: false });
    expect(
      call(IPC.startRun, good, { scenario: 'cpu-bound', model: 'processes', workers: 0 }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/workers/) });
    expect(call(IPC.startRun, good, { scenario: 'cpu-bound', model: 'nope' })).toMatchObject({
      ok: false,
    });
    expect(service.calls.filter((c) => c !== 'machineInfo')).toEqual([]);
  });
});
