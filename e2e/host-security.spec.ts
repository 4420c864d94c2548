// The browser host seen from outside, over real sockets: loopback only, its own Origin only,
// security headers, clear refusal of bad flags and bad frames, and a real run over the protocol.
import { networkInterfaces } from 'node:os';
import { test, expect } from './fixtures';
import { runHostExpectingExit, startHostProcess } from './support/host-process';
import { connect, isRunEnd, mustConnect } from './support/ws-client';

import { descendants } from './support/proc';

test('refuses WebSockets from a foreign or missing Origin with 403', async ({ host }) => {
  expect(await connect(host.wsUrl, 'http://evil.example')).toBe(403);
  expect(await connect(host.wsUrl, `http://127.0.0.1:${host.port + 1}`)).toBe(403);
  expect(await connect(host.wsUrl, 'null')).toBe(403);
  expect(await connect(host.wsUrl, undefined)).toBe(403);
  const ok = await mustConnect(host.wsUrl, host.origin);
  ok.close();
});

test('refuses a WebSocket without the token (401) or with a wrong one (403); nothing runs', async ({
  host,
}) => {
  const bare = `ws://127.0.0.1:${host.port}/ws`;
  expect(await connect(bare, host.origin)).toBe(401);
  expect(await connect(`${bare}?token=`, host.origin)).toBe(401);
  expect(await connect(`${bare}?token=${host.token}x`, host.origin)).toBe(403);
  expect(await connect(`${bare}?token=${'A'.repeat(host.token.length)}`, host.origin)).toBe(403);
  // A right token from a foreign page is still refused: the Origin check stays.
  expect(await connect(host.wsUrl, 'http://evil.example')).toBe(403);
  // Nothing was started: no worker below the host, and the host is idle for a real client.
  expect(descendants(host.pid)).toEqual([]);
  const ok = await mustConnect(host.wsUrl, host.origin);
  ok.send(JSON.stringify({ id: 1, op: 'currentRun', args: [] }));
  expect(await ok.next()).toEqual({ kind: 'reply', id: 1, ok: true, value: null });
  ok.close();
});

test('prints one line with the page address and its token; --token sets it', async () => {
  const token = 'e2e-chosen-token-0123456789';
  const chosen = await startHostProcess(['--port', '0', '--token', token]);
  try {
    const lines = chosen
      .output()
      .split('\n')
      .filter((l) => l.startsWith('CoreScope'));
    expect(lines).toEqual([`CoreScope: http://127.0.0.1:${chosen.port}/?token=${token}`]);
    expect(chosen.token).toBe(token);
  } finally {
    await chosen.stop();
  }
});

test('the page keeps the token but drops it from the address bar, across a reload', async ({
  app,
  host,
}) => {
  expect(app.page.url()).toBe(`http://127.0.0.1:${host.port}/`);
  await app.page.reload();
  await app.fill({ Scenario: 'say-after', Model: 'async', Scale: 0.05 });
  await app.run();
  await app.expectState('finished', 30_000);
  expect(app.page.url()).not.toContain(host.token);
});

test('bad WebSocket payloads get an error and leave the host working', async ({ host }) => {
  const c = await mustConnect(host.wsUrl, host.origin);
  c.send('{not json');
  expect(await c.next()).toMatchObject({ kind: 'error', error: expect.stringMatching(/not JSON/) });
  c.send(JSON.stringify({ id: 1, op: 'shutdown', args: [] }));
  expect(await c.next()).toMatchObject({ kind: 'reply', id: 1, ok: false });
  c.send(JSON.stringify({ id: 2, op: 'cancelRun', args: ['x'.repeat(500)] }));
  expect(await c.next()).toMatchObject({ kind: 'reply', id: 2, ok: false });
  c.send(JSON.stringify({ id: 3, op: 'startRun', args: [{ pad: 'x'.repeat(100_000) }] }));
  expect(await c.next()).toMatchObject({
    kind: 'reply',
    id: 3,
    ok: false,
    error: expect.stringMatching(/too large/),
  });
  c.send(
    JSON.stringify({
      id: 4,
      op: 'startRun',
      args: [{ scenario: 'cpu-bound', model: 'processes', workers: 999 }],
    }),
  );
  expect(await c.next()).toMatchObject({
    kind: 'reply',
    id: 4,
    ok: false,
    error: expect.stringMatching(/workers/),
  });
  c.send(JSON.stringify({ id: 5, op: 'machineInfo', args: [] }));
  expect(await c.next()).toMatchObject({
    kind: 'reply',
    id: 5,
    ok: true,
    value: { logicalCores: expect.any(Number) },
  });
  c.close();
});

test('a run over the protocol streams events and one end message', async ({ host }) => {
  const c = await mustConnect(host.wsUrl, host.origin);
  c.send(
    JSON.stringify({
      id: 1,
      op: 'startRun',
      args: [{ scenario: 'say-after', model: 'async', scale: 0.05 }],
    }),
  );
  const reply = await c.next((m) => m['kind'] === 'reply');
  expect(reply).toMatchObject({
    ok: true,
    value: { runId: expect.any(String) },
  });
  const end = await c.next(isRunEnd, 30_000);
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
    [['--token', 'short'], /token must be 16 to 200 letters/],
  ] as const) {
    const { code, stderr } = await runHostExpectingExit(args);
    expect(code, args.join(' ')).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(pattern);
  }
});
