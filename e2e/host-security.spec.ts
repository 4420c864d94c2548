// The browser host seen from outside, over real sockets: loopback only, its own Origin only,
// security headers, clear refusal of bad flags and bad frames, and a real run over the protocol.
import { networkInterfaces } from 'node:os';
import { test, expect } from './fixtures';
import { runHostExpectingExit } from './support/host-process';
import { connect, mustConnect } from './support/ws-client';

const wsUrl = (port: number): string => `ws://127.0.0.1:${port}/ws`;

test('refuses WebSockets from a foreign or missing Origin with 403', async ({ host }) => {
  expect(await connect(wsUrl(host.port), 'http://evil.example')).toBe(403);
  expect(await connect(wsUrl(host.port), `http://127.0.0.1:${host.port + 1}`)).toBe(403);
  expect(await connect(wsUrl(host.port), 'null')).toBe(403);
  expect(await connect(wsUrl(host.port), undefined)).toBe(403);
  const ok = await mustConnect(wsUrl(host.port), host.origin);
  ok.close();
});

test('bad WebSocket payloads get an error and leave the host working', async ({ host }) => {
  const c = await mustConnect(wsUrl(host.port), host.origin);
  c.send('{not json');
  expect(await c.next()).toMatchObject({ kind: 'error', error: expect.stringMatching(/not JSON/) });
  c.send(JSON.stringify({ id: 1, op: 'shutdown' }));
  expect(await c.next()).toMatchObject({ kind: 'reply', id: 1, ok: false });
  c.send(JSON.stringify({ id: 2, op: 'cancelRun', runId: 'x'.repeat(500) }));
  expect(await c.next()).toMatchObject({ kind: 'reply', id: 2, ok: false });
  c.send(JSON.stringify({ id: 3, op: 'startRun', params: { pad: 'x'.repeat(100_000) } }));
  expect(await c.next()).toMatchObject({
    kind: 'error',
    error: expect.stringMatching(/too large/),
  });
  c.send(
    JSON.stringify({
      id: 4,
      op: 'startRun',
      params: { scenario: 'cpu-bound', model: 'processes', workers: 999 },
    }),
  );
  expect(await c.next()).toMatchObject({
    kind: 'reply',
    id: 4,
    ok: true,
    value: { ok: false, error: expect.stringMatching(/workers/) },
  });
  c.send(JSON.stringify({ id: 5, op: 'machineInfo' }));
  expect(await c.next()).toMatchObject({
    kind: 'reply',
    id: 5,
    ok: true,
    value: { logicalCores: expect.any(Number) },
  });
  c.close();
});

test('a run over the protocol streams events and one end message', async ({ host }) => {
  const c = await mustConnect(wsUrl(host.port), host.origin);
  c.send(
    JSON.stringify({
      id: 1,
      op: 'startRun',
      params: { scenario: 'say-after', model: 'async', scale: 0.05 },
    }),
  );
  const reply = await c.next((m) => m['kind'] === 'reply');
  expect(reply).toMatchObject({
    ok: true,
    value: { ok: true, meta: { runId: expect.any(String) } },
  });
  const end = await c.next((m) => {
    const msg = m['message'];
    return (
      m['kind'] === 'run' &&
      typeof msg === 'object' &&
      msg !== null &&
      'kind' in msg &&
      msg.kind === 'end'
    );
  }, 30_000);
  expect(end).toMatchObject({ message: { summary: { status: 'completed' } } });
  c.close();
});

test('serves pages with a CSP and nosniff, GET only', async ({ host }) => {
  const res = await fetch(host.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect((await fetch(host.url, { method: 'POST' })).status).toBe(405);
});

test('listens on 127.0.0.1 only', async ({ host }) => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
  test.skip(external === undefined, 'no non-loopback IPv4 interface to probe');
  await expect(fetch(`http://${external?.address}:${host.port}/`)).rejects.toThrow();
});

test('bad flags exit non-zero with one clear line', async () => {
  for (const [args, pattern] of [
    [['--port', 'abc'], /port must be a whole number from 0 to 65535/],
    [['--port', '70000'], /port must be a whole number from 0 to 65535/],
    [['--host', '0.0.0.0'], /host must be 127.0.0.1 or localhost/],
    [['--bogus'], /unknown option/],
  ] as const) {
    const { code, stderr } = await runHostExpectingExit(args);
    expect(code, args.join(' ')).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(pattern);
  }
});
