// Big WebSocket frames on the real host, with two real clients holding the token: one sends a
// frame over the cap, or a big legitimate save, while the other keeps asking. The big frame gets
// one clear answer, the other client is answered meanwhile (shown by the order replies arrive
// in, never by timing), and a refused frame leaves nothing in the library.
import { readdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { mustConnect, type Conn } from './support/ws-client';
import { MAX_RUN_FILE_FRAME_BYTES } from '../src/shared/operations';
import { testRunFile } from '../src/shared/test-figures';

/** B's loop: machineInfo back to back until `stop()`; each reply is logged in `order`. */
function keepAsking(b: Conn, order: string[]): { stop(): Promise<number> } {
  let running = true;
  let id = 1000;
  let answered = 0;
  const loop = (async () => {
    while (running) {
      const mine = ++id;
      b.send(JSON.stringify({ id: mine, op: 'machineInfo', args: [] }));
      await b.next((m) => m['id'] === mine, 60_000);
      order.push('B');
      answered++;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return answered;
    },
  };
}

/** Sends a frame and resolves once its last byte was handed to the socket. */
function sendAll(c: Conn, frame: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    c.ws.send(frame, { binary: false }, (err) =>
      err === undefined || err === null ? resolve() : reject(err),
    ),
  );
}

test('an oversized frame is refused while another client is served; nothing is saved', async ({
  host,
}) => {
  const a = await mustConnect(host.wsUrl, host.origin);
  const b = await mustConnect(host.wsUrl, host.origin);
  const order: string[] = [];
  const asking = keepAsking(b, order);
  // Over the cap by less than the envelope margin: read to its end, refused from its first bytes.
  const frame = Buffer.alloc(MAX_RUN_FILE_FRAME_BYTES + 512, 0x20);
  frame.write('{"id":7,"op":"saveToLibrary","args":[{"file":');
  order.push('A sent');
  await sendAll(a, frame);
  const refusal = await a.next(() => true, 60_000);
  order.push('A answered');
  expect(refusal).toEqual({
    kind: 'reply',
    id: 7,
    ok: false,
    error: `the run is too large to keep: 96.0 MiB (${frame.byteLength} bytes; at most 96.0 MiB per request)`,
  });
  // B was answered between A's frame and its refusal, and keeps being answered after.
  const during = order.slice(order.indexOf('A sent'), order.indexOf('A answered'));
  expect(during.filter((x) => x === 'B').length).toBeGreaterThan(0);
  expect(await asking.stop()).toBeGreaterThan(during.length - 1);
  // Exactly one answer for A, its socket still open, and nothing in the library.
  a.send(JSON.stringify({ id: 8, op: 'listLibrary', args: [] }));
  expect(await a.next()).toEqual({ kind: 'reply', id: 8, ok: true, value: [] });
  expect(readdirSync(host.libraryDir)).toEqual([]);
  a.close();
  b.close();
});

test('a frame far over the cap closes only its own socket (1009); the other client is served', async ({
  host,
}) => {
  const a = await mustConnect(host.wsUrl, host.origin);
  const b = await mustConnect(host.wsUrl, host.origin);
  const closed = new Promise<number>((resolve) => a.ws.once('close', (code) => resolve(code)));
  const frame = Buffer.alloc(MAX_RUN_FILE_FRAME_BYTES + 4 * 1024 * 1024, 0x20);
  frame.write('{"id":9,"op":"saveToLibrary","args":[{"file":');
  a.ws.send(frame, { binary: false });
  expect(await closed).toBe(1009);
  b.send(JSON.stringify({ id: 1, op: 'listLibrary', args: [] }));
  expect(await b.next()).toEqual({ kind: 'reply', id: 1, ok: true, value: [] });
  expect(readdirSync(host.libraryDir)).toEqual([]);
  b.close();
});

test('a big save is read off the host loop: the other client is answered while it is read', async ({
  host,
}) => {
  test.setTimeout(180_000);
  // About 55 MiB: a big save that still fits in one request.
  const slices = 2_000_000;
  const text = JSON.stringify(testRunFile('big-run', { slices }));
  expect(text.length).toBeGreaterThan(49 * 1024 * 1024);
  const a = await mustConnect(host.wsUrl, host.origin);
  const b = await mustConnect(host.wsUrl, host.origin);
  const order: string[] = [];
  const asking = keepAsking(b, order);
  await sendAll(a, `{"id":3,"op":"saveToLibrary","args":[{"file":${text},"auto":false}]}`);
  // From here the host has the whole frame or is reading its last bytes: parsing and checking
  // it on the host's loop would hold every reply to B until A's answer.
  order.push('A sent');
  const saved = await a.next(() => true, 150_000);
  order.push('A answered');
  expect(saved).toMatchObject({ kind: 'reply', id: 3, ok: true, value: { status: 'ok' } });
  const during = order.slice(order.indexOf('A sent'), order.indexOf('A answered'));
  expect(during.filter((x) => x === 'B').length).toBeGreaterThanOrEqual(20);
  await asking.stop();

  // Opening it again is read off the loop too, and comes back whole.
  const entry = saved['value'];
  const entryId = typeof entry === 'object' && entry !== null && 'id' in entry ? entry.id : '';
  order.length = 0;
  const again = keepAsking(b, order);
  order.push('A sent');
  a.send(JSON.stringify({ id: 4, op: 'openFromLibrary', args: [entryId] }));
  const opened = await a.next(() => true, 150_000);
  order.push('A answered');
  await again.stop();
  expect(opened).toMatchObject({
    kind: 'reply',
    id: 4,
    ok: true,
    value: { file: { format: 'corescope-run', meta: { runId: 'big-run' } } },
  });
  expect(opened).toHaveProperty(['value', 'file', 'slices', 'length'], slices * 7);
  const openDuring = order.slice(order.indexOf('A sent'), order.indexOf('A answered'));
  expect(openDuring.filter((x) => x === 'B').length).toBeGreaterThanOrEqual(1);
  a.close();
  b.close();
});
