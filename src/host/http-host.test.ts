// The host over real sockets with a fake service: headers, Origin refusal, pushes, loopback bind.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, type RunningHost } from './http-host';
import { createFakeRunService, type FakeRunService } from './testing/fake-run-service';
import { HOST_CSP } from './security-headers';
import { HEADER_CSP } from '../shared/csp-rules';

const TOKEN = 'test-token-0123456789';
let host: RunningHost;
let service: FakeRunService;

beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corescope-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  service = createFakeRunService();
  host = await startHost({
    port: 0,
    hostName: '127.0.0.1',
    rendererDir: dir,
    service,
    token: TOKEN,
  });
});

afterEach(async () => {
  await host.close();
});

function connect(origin: string, query = `?token=${TOKEN}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) =>
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
  );
}

describe('browser host', () => {
  it('serves the page with security headers', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(HOST_CSP);
    // The same rules as Electron's header and the page's meta tag.
    expect(HOST_CSP).toBe(HEADER_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses requests for a foreign Host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/',
          headers: { Host: `rebind.example:${host.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses non-GET methods', async () => {
    const res = await fetch(host.url, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });

  it('refuses a WebSocket from a foreign origin with 403', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(connect(`http://127.0.0.1:${host.port + 1}`)).rejects.toThrow('HTTP 403');
  });

  it('prints the page address with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('refuses a WebSocket without the token (401) or with a wrong one (403), running nothing', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    await expect(connect(origin, '')).rejects.toThrow('HTTP 401');
    await expect(connect(origin, '?token=')).rejects.toThrow('HTTP 401');
    await expect(connect(origin, `?token=${TOKEN}x`)).rejects.toThrow('HTTP 403');
    await expect(connect(origin, `?token=${TOKEN.slice(1)}`)).rejects.toThrow('HTTP 403');
    await expect(connect('http://evil.example', `?token=${TOKEN}`)).rejects.toThrow('HTTP 403');
    expect(service.calls).toEqual([]);
  });

  it('answers requests and pushes run messages to every client', async () => {
    const a = await connect(`http://127.0.0.1:${host.port}`);
    const b = await connect(`http://localhost:${host.port}`);
    const reply = nextMessage(a);
    a.send(JSON.stringify({ id: 1, op: 'machineInfo', args: [] }));
    expect(await reply).toMatchObject({ kind: 'reply', id: 1, ok: true });

    const pa = nextMessage(a);
    const pb = nextMessage(b);
    service.emit({
      kind: 'events',
      runId: 'r',
      events: [{ kind: 'slices', data: Float64Array.of(0, 1, 2, 0, 1, 5, 9) }],
    });
    const expected = {
      kind: 'run',
      message: {
        kind: 'events',
        runId: 'r',
        events: [{ kind: 'slices', data: [0, 1, 2, 0, 1, 5, 9] }],
      },
    };
    expect(await pa).toEqual(expected);
    expect(await pb).toEqual(expected);
    a.close();
    b.close();
  });

  it('answers a bad payload with an error and keeps the socket usable', async () => {
    const ws = await connect(`http://127.0.0.1:${host.port}`);
    const err = nextMessage(ws);
    ws.send('{"op":"startRun"');
    expect(await err).toMatchObject({ kind: 'error' });
    const bin = nextMessage(ws);
    ws.send(Buffer.from([1, 2, 3]));
    expect(await bin).toMatchObject({ kind: 'error', error: expect.stringMatching(/binary/) });
    const ok = nextMessage(ws);
    ws.send(JSON.stringify({ id: 2, op: 'listScenarios', args: [] }));
    expect(await ok).toMatchObject({ kind: 'reply', id: 2, ok: true });
    expect(service.calls).toEqual(['listScenarios']);
    ws.close();
  });

  it('listens on the loopback address only', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
    if (external === undefined) return;
    await expect(fetch(`http://${external.address}:${host.port}/`)).rejects.toThrow();
  });
});
