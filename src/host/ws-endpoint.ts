// The /ws endpoint: upgrades only requests that carry the access token and come from our own
// pages (Origin and Host), answers requests via handleRequest and pushes every run message to
// every connected page. A refused upgrade gets its HTTP status and nothing runs.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { encodeRunMessage, type WirePush } from '../shared/wire';
import type { RunService } from '../main/engine/run-service';
import type { HostOpName, OpHandlers } from '../shared/operations';
import {
  answerFrame,
  handleRequest,
  MAX_FRAME_BYTES,
  type Encoded,
  type LargeRequests,
  type Outgoing,
} from './ws-requests';
import { checkRequestToken } from './access-token';
import { isAllowedHostHeader, isAllowedOrigin } from './origin';

export const WS_PATH = '/ws';

/**
 * Hard cap enforced by `ws` itself (closes the socket): the largest request any operation may
 * send (a library save carries a whole run file), plus room for the envelope. handleRequest
 * answers a frame over its own operation's limit with an error instead.
 */
const HARD_MAX_PAYLOAD = MAX_FRAME_BYTES + 1024;

/** Unsent bytes a client may lag behind before it is disconnected. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export interface WsEndpoint {
  readonly clients: () => number;
  close(): void;
}

export interface WsEndpointOptions {
  readonly service: RunService;
  readonly handlers: OpHandlers<HostOpName>;
  /** The bound port (known only once listening; port 0 picks one). */
  readonly port: () => number;
  readonly token: string;
  /** Where big saves and opens are read (off this loop); without it, here. */
  readonly large?: LargeRequests;
}

function refuse(socket: Duplex, status: 400 | 401 | 403 | 404, reason: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

/** How long a client that broke the protocol has to finish the close handshake. */
const CLOSE_GRACE_MS = 5000;

function rawToBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? Buffer.from(new Uint8Array(data)) : data;
}

export function attachWsEndpoint(server: Server, opts: WsEndpointOptions): WsEndpoint {
  const { service, handlers, port } = opts;
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
    const token = checkRequestToken(req.url, opts.token);
    if (token === 'missing')
      return refuse(socket, 401, 'Unauthorized: open the address the host printed');
    if (token === 'wrong') return refuse(socket, 403, 'Forbidden: wrong token');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const send = (o: Outgoing): void => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(o));
      };
      if (isBinary) {
        send({ kind: 'error', error: 'invalid request: binary frames are not accepted' });
        return;
      }
      const frame = rawToBuffer(data);
      const fail = (e: unknown): void => send({ kind: 'error', error: String(e) });
      const { large } = opts;
      if (large === undefined) {
        void handleRequest(frame, handlers).then(send, fail);
        return;
      }
      // A Buffer is sent as a text frame: it is UTF-8 JSON, spliced around a run file's bytes.
      const sendEncoded = (e: Encoded): void => {
        if (ws.readyState === WebSocket.OPEN) ws.send(e, { binary: false });
      };
      void answerFrame(frame, handlers, large).then(sendEncoded, fail);
    });
    // On a frame over the limit (or a protocol error) ws has already sent its close frame with the
    // reason (1009 for too big). Destroying the socket at once can reset the connection before the
    // client reads that frame, so it would see only 1006; give the handshake a moment instead.
    ws.on('error', () => {
      const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
      ws.once('close', () => clearTimeout(timer));
    });
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
