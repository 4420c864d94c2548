// The WebSocket client against a scripted fake socket: replies by id, timeouts, decoding of
// slice batches, and reconnects that neither hang requests nor leave a run 'running' forever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunMessage } from '../../../shared/contract';
import { WsApiClient, type SocketHandlers, type SocketLike } from './ws-client';

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
    const client = new WsApiClient('ws://h/ws', { createSocket });
    const s = latest();
    const p = client.machineInfo();
    expect(s.sent).toEqual([]);
    open(s);
    expect(s.sent).toEqual([{ id: 1, op: 'machineInfo' }]);
    reply(s, { kind: 'reply', id: 1, ok: true, value: MACHINE });
    await expect(p).resolves.toEqual(MACHINE);
  });

  it('rejects on an error reply and on a malformed value', async () => {
    const client = new WsApiClient('ws://h/ws', { createSocket });
    const s = latest();
    open(s);
    const a = client.cancelRun('r');
    const b = client.machineInfo();
    reply(s, { kind: 'reply', id: 1, ok: false, error: 'nope' });
    reply(s, { kind: 'reply', id: 2, ok: true, value: { cpuModel: 3 } });
    await expect(a).rejects.toThrow('nope');
    await expect(b).rejects.toThrow(/malformed machineInfo/);
  });

  it('times out a request the host never answers', async () => {
    const client = new WsApiClient('ws://h/ws', { createSocket, requestTimeoutMs: 500 });
    open(latest());
    const p = client.listScenarios();
    vi.advanceTimersByTime(501);
    await expect(p).rejects.toThrow(/timed out after 500 ms/);
  });

  it('decodes pushed slice batches into Float64Array for every subscriber', () => {
    const client = new WsApiClient('ws://h/ws', { createSocket });
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
    const client = new WsApiClient('ws://h/ws', { createSocket });
    const s = latest();
    open(s);
    const got: RunMessage[] = [];
    client.subscribeRuns((m) => got.push(m));
    s.handlers.onText('not json');
    reply(s, { kind: 'run', message: { kind: 'bogus' } });
    expect(got).toEqual([]);
  });

  it('on a lost connection fails sent requests, ends live runs and reconnects', async () => {
    const client = new WsApiClient('ws://h/ws', { createSocket, reconnectMinMs: 100 });
    const s = latest();
    open(s);
    const got: RunMessage[] = [];
    client.subscribeRuns((m) => got.push(m));
    const start = client.startRun({ scenario: 'cpu-bound', model: 'threads' });
    reply(s, { kind: 'reply', id: 1, ok: true, value: { ok: true, meta: META } });
    await expect(start).resolves.toMatchObject({ ok: true });
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
    expect(s2.sent).toEqual([{ id: 3, op: 'machineInfo' }]);
    reply(s2, { kind: 'reply', id: 3, ok: true, value: MACHINE });
    await expect(queued).resolves.toEqual(MACHINE);
  });

  it('forgets a run once it ended, so a later drop reports nothing for it', () => {
    const client = new WsApiClient('ws://h/ws', { createSocket });
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
