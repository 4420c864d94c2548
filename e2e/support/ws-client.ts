// A Node-side WebSocket client for protocol tests: connect with any Origin, send raw frames,
// and wait for the next frame that matches.
import WebSocket from 'ws';

export interface Conn {
  readonly ws: WebSocket;
  send(data: string | Buffer): void;
  /** Resolves with the next parsed frame that satisfies `match` (earlier ones are kept). */
  next(
    match?: (msg: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  close(): void;
}

/** Whether a frame is the end message of a run. */
export function isRunEnd(m: Record<string, unknown>): boolean {
  const msg = m['message'];
  return (
    m['kind'] === 'run' &&
    typeof msg === 'object' &&
    msg !== null &&
    'kind' in msg &&
    msg.kind === 'end'
  );
}

/** Resolves with the HTTP status when the upgrade is refused, or a Conn when it succeeds. */
export function connect(url: string, origin: string | undefined): Promise<Conn | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    const inbox: Record<string, unknown>[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (data: Buffer) => {
      const parsed: unknown = JSON.parse(data.toString());
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        inbox.push(Object.fromEntries(Object.entries(parsed)));
        for (const w of waiters.splice(0)) w();
      }
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ws,
        send: (d) => ws.send(d),
        close: () => ws.close(),
        next: (match = () => true, timeoutMs = 10_000) =>
          new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error('no matching frame')), timeoutMs);
            const look = (): void => {
              const i = inbox.findIndex(match);
              if (i >= 0) {
                clearTimeout(timer);
                const [msg] = inbox.splice(i, 1);
                if (msg !== undefined) res(msg);
              } else waiters.push(look);
            };
            look();
          }),
      }),
    );
  });
}

export async function mustConnect(url: string, origin: string): Promise<Conn> {
  const c = await connect(url, origin);
  if (typeof c === 'number') throw new Error(`upgrade refused with HTTP ${c}`);
  return c;
}
