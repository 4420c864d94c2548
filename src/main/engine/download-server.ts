// The "internet" of the downloads scenario: a real HTTP server on 127.0.0.1 that answers each
// request after a set latency and then streams the body at a set bandwidth, like a remote site.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DownloadServerOptions {
  /** Time to first byte, ms. */
  readonly latencyMs: number;
  /** Bytes per second per connection. */
  readonly bytesPerSecond: number;
}

export interface DownloadServer {
  readonly base: string;
  close(): Promise<void>;
}

const CHUNK = 16 * 1024;
const MAX_KIB = 100_000;

export async function startDownloadServer(opts: DownloadServerOptions): Promise<DownloadServer> {
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, f: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      f();
    }, ms);
    timers.add(t);
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const kib = Number(url.searchParams.get('kib'));
    if (!/^\/site-\d+$/.test(url.pathname) || !Number.isInteger(kib) || kib < 1 || kib > MAX_KIB) {
      res.writeHead(404).end();
      return;
    }
    let left = kib * 1024;
    const chunkMs = (CHUNK / opts.bytesPerSecond) * 1000;
    const body = Buffer.alloc(CHUNK, 0x61);
    const send = (): void => {
      if (res.destroyed) return;
      const n = Math.min(CHUNK, left);
      left -= n;
      if (left === 0) {
        res.end(body.subarray(0, n));
        return;
      }
      res.write(body.subarray(0, n));
      later(chunkMs, send);
    };
    later(opts.latencyMs, () => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(kib * 1024),
      });
      send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
