// The browser host's HTTP server: the built renderer as static files (GET/HEAD only, with
// security headers on every response) plus the /ws endpoint, bound to the loopback address. The
// static files hold no secret; /ws, the only endpoint that does anything, needs the token.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import sirv from 'sirv';
import type { RunService } from '../main/engine/run-service';
import type { RunLibrary } from '../main/engine/library';
import { engineHandlers } from '../main/engine/operation-handlers';
import type { HostName } from './cli-args';
import { TOKEN_PARAM } from './access-token';
import { isAllowedHostHeader } from './origin';
import { setSecurityHeaders } from './security-headers';
import { attachWsEndpoint } from './ws-endpoint';
import type { LargeRequests } from './ws-requests';
import type { RunFilePool } from '../main/engine/run-file-pool';

/** Always the IPv4 loopback, whatever name the URL uses: nothing beyond this machine. */
export const BIND_ADDRESS = '127.0.0.1';

export interface HostOptions {
  readonly port: number;
  readonly hostName: HostName;
  readonly rendererDir: string;
  readonly service: RunService;
  /** The run library the page may list, save into, reopen, rename and delete from. */
  readonly library?: RunLibrary;
  /** The access token every WebSocket must present (see access-token.ts). */
  readonly token: string;
  /** Reads big library saves and opens off the event loop (with `library`). */
  readonly runFiles?: RunFilePool;
}

export interface RunningHost {
  /** The page's address, with the token: what the user opens. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and drops open sockets; the service is the caller's. */
  close(): Promise<void>;
}

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('Not Found');
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  if (!existsSync(opts.rendererDir)) {
    return Promise.reject(
      new Error(`${opts.rendererDir} does not exist: run \`npm run build\` first`),
    );
  }
  const serveStatic = sirv(opts.rendererDir, {
    dev: false,
    etag: true,
    single: true,
    onNoMatch: notFound,
  });
  let boundPort = opts.port;
  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    // A DNS-rebinding page reaches 127.0.0.1 under a foreign name: serve it nothing.
    if (!isAllowedHostHeader(req.headers.host, boundPort)) {
      res.statusCode = 403;
      res.end('Forbidden');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end('Method Not Allowed');
      return;
    }
    serveStatic(req, res, () => notFound(req, res));
  });
  const handlers = engineHandlers({
    service: opts.service,
    ...(opts.library === undefined ? {} : { library: opts.library }),
  });
  const { library, runFiles } = opts;
  const large: LargeRequests | undefined =
    library === undefined || runFiles === undefined
      ? undefined
      : {
          readSave: (frame) => runFiles.saveFrame(frame),
          keep: (save) => library.saveChecked(save),
          openJson: (id) => library.openJson(id),
        };
  const ws = attachWsEndpoint(server, {
    service: opts.service,
    handlers,
    port: () => boundPort,
    token: opts.token,
    ...(large === undefined ? {} : { large }),
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, BIND_ADDRESS, () => {
      server.off('error', reject);
      const address = server.address();
      boundPort = typeof address === 'object' && address !== null ? address.port : opts.port;
      resolve({
        url: `http://${opts.hostName}:${boundPort}/?${TOKEN_PARAM}=${opts.token}`,
        port: boundPort,
        close: () =>
          new Promise<void>((done) => {
            ws.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
