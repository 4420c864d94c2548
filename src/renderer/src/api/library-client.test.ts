// The WebSocket client's library methods: the save frame starts the way the host's size gate
// expects ({"id":N,"op":"saveToLibrary",…), replies are schema-checked, a refusal is a value.
import { describe, expect, it } from 'vitest';
import { WsApiClient, type SocketHandlers, type SocketLike } from './ws-client';

function connected() {
  const sent: string[] = [];
  let handlers: SocketHandlers | undefined;
  const client = new WsApiClient('ws://h/ws', {
    createSocket: (_url, h): SocketLike => {
      handlers = h;
      return { isOpen: () => true, send: (d) => void sent.push(d), close: () => undefined };
    },
  });
  handlers?.onOpen();
  const reply = (id: number, value: unknown): void =>
    handlers?.onText(JSON.stringify({ kind: 'reply', id, ok: true, value }));
  return { client, sent, reply };
}

describe('WsApiClient library methods', () => {
  it('sends a save frame the host lets past its small-frame limit', async () => {
    const { client, sent, reply } = connected();
    const p = client.saveToLibrary({ file: { format: 'corescope-run' }, auto: true });
    expect(sent[0]).toMatch(/^\{"id":1,"op":"saveToLibrary",/);
    reply(1, { ok: false, error: 'not a valid run file' });
    await expect(p).resolves.toEqual({ ok: false, error: 'not a valid run file' });
  });

  it('checks list replies and rejects malformed ones', async () => {
    const { client, sent, reply } = connected();
    const good = client.listLibrary();
    const bad = client.listLibrary();
    const entry = {
      status: 'unreadable',
      id: 'broken',
      name: 'broken',
      savedAt: 'x',
      bytes: 3,
      error: 'not valid JSON',
    };
    reply(1, { ok: true, value: [entry] });
    reply(2, { ok: true, value: [{ ...entry, id: '../x' }] });
    await expect(good).resolves.toEqual({ ok: true, value: [entry] });
    await expect(bad).rejects.toThrow(/malformed listLibrary/);
    expect(sent.map((s) => JSON.parse(s))).toEqual([
      { id: 1, op: 'listLibrary' },
      { id: 2, op: 'listLibrary' },
    ]);
  });

  it('sends ids and names as given and returns the opened file unvalidated', async () => {
    const { client, sent, reply } = connected();
    const o = client.openFromLibrary('run-1');
    const r = client.renameInLibrary('run-1', 'Week 2');
    const d = client.deleteFromLibrary('run-1');
    reply(1, { ok: true, value: { name: 'n', file: { any: 1 } } });
    reply(2, { ok: false, error: 'taken' });
    reply(3, { ok: true, value: null });
    await expect(o).resolves.toEqual({ ok: true, value: { name: 'n', file: { any: 1 } } });
    await expect(r).resolves.toEqual({ ok: false, error: 'taken' });
    await expect(d).resolves.toEqual({ ok: true, value: null });
    expect(sent.map((s) => JSON.parse(s))).toEqual([
      { id: 1, op: 'openFromLibrary', entryId: 'run-1' },
      { id: 2, op: 'renameInLibrary', entryId: 'run-1', name: 'Week 2' },
      { id: 3, op: 'deleteFromLibrary', entryId: 'run-1' },
    ]);
  });
});
