// The IPC registration with a fake ipcMain and a fake RunService: one channel per operation of
// the table, the sender refused before anything runs, arguments checked against the table
// (nothing reaches the service otherwise), and every answer, refusals included, an OpReply.
import { describe, expect, it } from 'vitest';
import { HOST_OP_NAMES, ipcChannel, type OpName } from '../shared/operations';
import { SCENARIO_CATALOG } from '../shared/scenarios';
import { engineHandlers } from './engine/operation-handlers';
import type { RunService } from './engine/run-service';
import { registerOperations, type Handler, type IpcMainLike } from './ipc-handlers';
import type { SenderEvent } from './sender-check';
import { TEST_MACHINE } from '../shared/test-figures';

/** Records calls; startRun refuses (the table has checked the arguments before it gets here). */
function createFakeRunService(): RunService & { readonly calls: string[] } {
  const calls: string[] = [];
  const machine = TEST_MACHINE;
  return {
    calls,
    machineInfo: () => (calls.push('machineInfo'), machine),
    listScenarios: () => (calls.push('listScenarios'), SCENARIO_CATALOG),
    startRun: () => {
      calls.push('startRun');
      return { ok: false, error: 'fake: not started' };
    },
    cancelRun: (runId) => void calls.push(`cancelRun:${runId}`),
    currentRun: () => (calls.push('currentRun'), undefined),
    setPython: () => Promise.resolve({ ok: false, error: 'fake: no interpreters here' }),
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
  const off = registerOperations(ipc, engineHandlers({ service }), HOST_OP_NAMES, {
    webContentsId: () => 1,
    pageUrl: PAGE,
  });
  const call = (name: OpName, event: SenderEvent, ...args: unknown[]): Promise<unknown> => {
    const h = handlers.get(ipcChannel(name));
    if (h === undefined) throw new Error(`no handler for ${name}`);
    return Promise.resolve(h(event, ...args));
  };
  return { handlers, service, off, call };
}

describe('registerOperations', () => {
  it('registers one handler per operation and removes them all', () => {
    const { handlers, off } = setup();
    expect([...handlers.keys()].sort()).toEqual(HOST_OP_NAMES.map(ipcChannel).sort());
    off();
    expect(handlers.size).toBe(0);
  });

  it('delegates valid calls and returns a refusal as an error reply', async () => {
    const { call, service } = setup();
    expect(await call('machineInfo', good)).toMatchObject({ ok: true, value: { logicalCores: 2 } });
    expect(
      await call('startRun', good, { scenario: 'cpu-bound', model: 'processes', workers: 2 }),
    ).toEqual({ ok: false, error: 'fake: not started' });
    expect(await call('cancelRun', good, 'run-1')).toEqual({ ok: true, value: null });
    expect(await call('currentRun', good)).toEqual({ ok: true, value: null });
    expect(await call('listLibrary', good)).toEqual({
      ok: false,
      error: 'this host has no run library',
    });
    expect(service.calls).toEqual(['machineInfo', 'startRun', 'cancelRun:run-1', 'currentRun']);
  });

  it.each(HOST_OP_NAMES)('refuses %s from a foreign frame without running it', async (name) => {
    const { call, service } = setup();
    expect(await call(name, foreign, 'run-1')).toEqual({
      ok: false,
      error: `refused ${name}: untrusted sender`,
    });
    expect(service.calls).toEqual([]);
  });

  it('rejects bad arguments with one line and changes nothing', async () => {
    const { call, service } = setup();
    expect(await call('machineInfo', good, 'extra')).toEqual({
      ok: false,
      error: 'invalid machineInfo request: wrong number of arguments',
    });
    expect(await call('cancelRun', good, 42)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/expected string/),
    });
    expect(await call('cancelRun', good, 'x'.repeat(101))).toMatchObject({ ok: false });
    expect(await call('startRun', good)).toMatchObject({ ok: false });
    expect(
      await call('startRun', good, { scenario: 'cpu-bound', model: 'processes', workers: 0 }),
    ).toEqual({ ok: false, error: 'workers must be from 1 to 64' });
    expect(await call('startRun', good, { scenario: 'cpu-bound', model: 'async', pad: 1 })).toEqual(
      {
        ok: false,
        error: 'unknown parameter: pad',
      },
    );
    // A Python run is told about Python's rules, not the models'.
    expect(
      await call('startRun', good, { source: 'python', script: { kind: 'example', name: 'x.py' } }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^script\.name: /) });
    expect(await call('renameInLibrary', good, 'run-1', 7)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^argument 2: /),
    });
    expect(service.calls).toEqual([]);
  });
});
