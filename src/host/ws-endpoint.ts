// The /ws endpoint: upgrades only same-origin requests from our own pages, answers requests via
// handleRequest and pushes every run message to every connected page.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { encodeRunMessage, type WirePush } from '../shared/wire';
import type { RunService } from '../main/engine/run-service';
import type { RunLibrary } from '../main/engine/library';
import { handleRequest, MAX_LIBRARY_FRAME_BYTES, type Outgoing } from './ws-requests';
import { isAllowedHostHeader, isAllowedOrigin } from './origin';

export const WS_PATH = '/ws';

/**
 * Hard cap enforced by `ws` itself (closes the socket): a library save carries a whole run file.
 * handleRequest answers anything else over 64 KiB with an error instead.
 */
const HARD_MAX_PAYLOAD = MAX_LIBRARY_FRAME_BYTES + 1024;

/** Unsent bytes a client may lag behind before it is disconnected. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export interface WsEndpoint {
  readonly clients: () => number;
  close(): void;
}

function refuse(socket: Duplex, status: 400 | 403 | 404, reason: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

function rawToText(data: RawData): { text: string; bytes: number } {
  const buf = Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? Buffer.from(new Uint8Array(data))
      : data;
  return { text: buf.toString('utf8'), bytes: buf.byteLength };
}

/** `port` returns the bound port (known only once listening; port 0 picks one). */
export function attachWsEndpoint(
  server: Server,
  service: RunService,
  port: () => number,
  library?: RunLibrary,
): WsEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_PAYLOAD });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (
      !isAllowedOrigin(req.headers.origin, port()) ||
      !isAllowedHostHeader(req.headers.host, port())
    ) {
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const { text, bytes } = rawToText(data);
      const out: Outgoing | Promise<Outgoing> = isBinary
        ? ({
            kind: 'error',
            error: 'invalid request: binary frames are not accepted',
          } satisfies WirePush)
        : handleRequest(text, bytes, service, library);
      const send = (o: Outgoing): void => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(o));
      };
      if (out instanceof Promise)
        void out.then(send, (e: unknown) => send({ kind: 'error', error: String(e) }));
      else send(out);
    });
    ws.on('error', () => ws.terminate());
  });

  const unsubscribe = service.subscribe((message) => {
    const push: WirePush = { kind: 'run', message: encodeRunMessage(message) };
    const text = JSON.stringify(push);
    for (const client of wss.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      // A page that stopped reading (a frozen tab) would otherwise grow our memory without
      // bound; dropping it is honest: its client reports the run as lost and reconnects.
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else client.send(text);
    }
  });

  return {
    clients: () => wss.clients.size,
    close: () => {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
