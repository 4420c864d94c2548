// The WebSocket client against a scripted fake socket: request frames as the table names them,
// replies by id (a refusal rejects, a malformed value too), timeouts, decoding of slice batches,
// and reconnects that neither hang requests nor leave a run 'running' forever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunMessage } from '../../../shared/contract';
import { createWsApi, type SocketHandlers, type SocketLike } from './ws-client';

interface FakeSocket extends SocketLike {
  readonly handlers: SocketHandlers;
  readonly sent: Record<string, unknown>[];
  open: boolean;
}

let sockets: FakeSocket[];
const createSocket = (_url: string, handlers: SocketHandlers): SocketLike => {
  const s: FakeSocket = {
    handlers,
    sent: [],
    open: false,
    isOpen: () => s.open,
    send: (data) => void s.sent.push(JSON.parse(data)),
    close: () => undefined,
  };
  sockets.push(s);
  return s;
};

function latest(): FakeSocket {
  const s = sockets.at(-1);
  if (s === undefined) throw new Error('no socket');
  return s;
}

function open(s: FakeSocket): void {
  s.open = true;
  s.handlers.onOpen();
}

function reply(s: FakeSocket, body: object): void {
  s.handlers.onText(JSON.stringify(body));
}

const MACHINE = { cpuModel: 'x', logicalCores: 2, coresObservable: true };
const META = { runId: 'r1', params: {}, machine: MACHINE, startedAt: '', clock: { source: 'x' } };

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('WsApiClient', () => {
  it('queues requests until open and resolves them by id', async () => {
    const client = createWsApi('ws://h/ws', { createSocket });
    const s = latest();
    const p = client.machineInfo();
    expect(s.sent).toEqual([]);
    open(s);
    expect(s.sent).toEqual([{ id: 1, op: 'machineInfo', args: [] }]);
    reply(s, { kind: 'reply', id: 1, ok: true, value: MACHINE });
    await expect(p).resolves.toEqual(MACHINE);
  });

  it('rejects on an error reply and on a malformed value', async () => {
    const client = createWsApi('ws://h/ws', { createSocket });
    const s = latest();
    open(s);
    const a = client.cancelRun('r');
    const b = client.machineInfo();
    reply(s, { kind: 'reply', id: 1, ok: false, error: 'nope' });
    reply(s, { kind: 'reply', id: 2, ok: true, value: { cpuModel: 3 } });
    await expect(a).rejects.toThrow('nope');
    await expect(b).rejects.toThrow(/malformed machineInfo/);
  });

  it('sends library requests with their arguments and checks the replies', async () => {
    const client = createWsApi('ws://h/ws', { createSocket });
    const s = latest();
    open(s);
    const entry = {
      status: 'unreadable',
      id: 'broken',
      name: 'broken',
      savedAt: 'x',
      bytes: 3,
      error: 'not valid JSON',
    };
    const list = client.listLibrary();
    const bad = client.listLibrary();
    const renamed = client.renameInLibrary('run-1', 'Week 2');
    const opened = client.openFromLibrary('run-1');
    reply(s, { kind: 'reply', id: 1, ok: true, value: [entry] });
    reply(s, { kind: 'reply', id: 2, ok: true, value: [{ ...entry, id: '../x' }] });
    reply(s, { kind: 'reply', id: 3, ok: false, error: 'taken' });
    reply(s, { kind: 'reply', id: 4, ok: true, value: { name: 'n', file: { any: 1 } } });
    await expect(list).resolves.toEqual([entry]);
    await expect(bad).rejects.toThrow(/malformed listLibrary/);
    await expect(renamed).rejects.toThrow('taken');
    await expect(opened).resolves.toEqual({ name: 'n', file: { any: 1 } });
    expect(s.sent).toEqual([
      { id: 1, op: 'listLibrary', args: [] },
      { id: 2, op: 'listLibrary', args: [] },
      { id: 3, op: 'renameInLibrary', args: ['run-1', 'Week 2'] },
      { id: 4, op: 'openFromLibrary', args: ['run-1'] },
    ]);
  });

  it("writes a save frame whose start names the operation, for the host's size gate", () => {
    const frames: string[] = [];
    const client = createWsApi('ws://h/ws', {
      createSocket: () => ({
        isOpen: () => true,
        send: (d) => void frames.push(d),
        close: () => undefined,
      }),
    });
    void client
      .saveToLibrary({ file: { format: 'corescope-run' }, auto: true })
      .catch(() => undefined);
    expect(frames[0]).toMatch(/^\{"id":1,"op":"saveToLibrary","args":\[/);
    client.dispose();
  });

  it('offers no Electron-only operation', () => {
    const client = createWsApi('ws://h/ws', { createSocket });
    expect(client.saveFile).toBeUndefined();
    expect(client.setFullScreen).toBeUndefined();
  });

  it('times out a request the host never answers', async () => {
    const client = createWsApi('ws://h/ws', { createSocket, requestTimeoutMs: 500 });
    open(latest());
    const p = client.listScenarios();
    vi.advanceTimersByTime(501);
    await expect(p).rejects.toThrow(/timed out after 500 ms/);
  });

  it('decodes pushed slice batches into Float64Array for every subscriber', () => {
    const client = createWsApi('ws://h/ws', { createSocket });
    const s = latest();
    open(s);
    const got: RunMessage[] = [];
    const off = client.subscribeRuns((m) => got.push(m));
    const msg = {
      kind: 'events',
      runId: 'r',
      events: [{ kind: 'slices', data: [0, 1, 2, 0, 1, 5, 9] }],
    };
    reply(s, { kind: 'run', message: msg });
    off();
    reply(s, { kind: 'run', message: msg });
    expect(got).toHaveLength(1);
    const ev = got[0]?.kind === 'events' ? got[0].events[0] : undefined;
    expect(ev?.kind === 'slices' && ev.data instanceof Float64Array).toBe(true);
  });

  it('ignores frames that are not protocol messages', () => {
    const client = createWsApi('ws://h/ws', { createSocket });
    const s = latest();
    open(s);
    const got: RunMessage[] = [];
    client.subscribeRuns((m) => got.push(m));
    s.handlers.onText('not json');
    reply(s, { kind: 'run', message: { kind: 'bogus' } });
    expect(got).toEqual([]);
  });

  it('on a lost connection fails sent requests, ends live runs and reconnects', async () => {
    const client = createWsApi('ws://h/ws', { createSocket, reconnectMinMs: 100 });
    const s = latest();
    open(s);
    const got: RunMessage[] = [];
    client.subscribeRuns((m) => got.push(m));
    const start = client.startRun({ scenario: 'cpu-bound', model: 'threads' });
    reply(s, { kind: 'reply', id: 1, ok: true, value: META });
    await expect(start).resolves.toEqual(META);
    const inflight = client.cancelRun('r1');

    s.open = false;
    s.handlers.onClose();
    await expect(inflight).rejects.toThrow(/lost the connection/);
    expect(got).toEqual([
      { kind: 'error', runId: 'r1', error: 'lost the connection to the CoreScope host' },
    ]);

    const queued = client.machineInfo();
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    const s2 = latest();
    open(s2);
    expect(s2.sent).toEqual([{ id: 3, op: 'machineInfo', args: [] }]);
    reply(s2, { kind: 'reply', id: 3, ok: true, value: MACHINE });
    await expect(queued).resolves.toEqual(MACHINE);
  });

  it('forgets a run once it ended, so a later drop reports nothing for it', () => {
    const client = createWsApi('ws://h/ws', { createSocket });
    const s = latest();
    open(s);
    const got: RunMessage[] = [];
    client.subscribeRuns((m) => got.push(m));
    reply(s, { kind: 'run', message: { kind: 'events', runId: 'r9', events: [] } });
    reply(s, { kind: 'run', message: { kind: 'end', runId: 'r9', summary: {} } });
    s.handlers.onClose();
    expect(got.map((m) => m.kind)).toEqual(['events', 'end']);
  });
});
