// CoreScopeApi over the browser host's WebSocket. The request methods come from the operations
// table (the same code the Electron preload uses turns each OpReply into a result or an Error);
// this file is only the transport: request ids and timeouts, a socket that reconnects with
// backoff, and run messages pushed to subscribers, who survive reconnects. A run that was live
// when the socket dropped ends with an error message, so the UI never waits forever for its end.
import type { CoreScopeApi, RunMessage } from '../../../shared/contract';
import { operationMethods } from '../../../shared/op-client';
import { isRunMeta } from '../../../shared/op-schemas';
import { HOST_OP_NAMES, type OpName } from '../../../shared/operations';
import { decodeRunMessage, encodeRequest } from '../../../shared/wire';
import { parseIncoming } from './wire-guards';

/** What the client needs of a socket; index.ts adapts the browser's WebSocket, tests a fake. */
export interface SocketLike {
  isOpen(): boolean;
  send(data: string): void;
  close(): void;
}

export interface SocketHandlers {
  onOpen(): void;
  onText(text: string): void;
  /** Called once, after an error too. */
  onClose(): void;
}

export interface WsClientOptions {
  readonly createSocket: (url: string, handlers: SocketHandlers) => SocketLike;
  readonly requestTimeoutMs?: number;
  readonly reconnectMinMs?: number;
  readonly reconnectMaxMs?: number;
}

export type WsApi = CoreScopeApi & {
  /** Closes the socket for good (tests, page unload). */
  dispose(): void;
};

interface Pending {
  readonly resolve: (reply: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
  /** Text still waiting for an open socket; undefined once sent. */
  frame: string | undefined;
}

export function createWsApi(url: string, opts: WsClientOptions): WsApi {
  const connection = new WsConnection(url, opts);
  return {
    ...operationMethods(HOST_OP_NAMES, (name, args) => connection.request(name, args)),
    subscribeRuns: (listener) => connection.subscribe(listener),
    dispose: () => connection.dispose(),
  };
}

/** The runId a startRun or currentRun reply names, if it succeeded. */
function startedRunId(name: OpName, reply: unknown): string | undefined {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply) || reply.ok !== true) {
    return undefined;
  }
  const value = 'value' in reply ? reply.value : undefined;
  const meta =
    name === 'startRun'
      ? value
      : name === 'currentRun' && typeof value === 'object' && value !== null && 'meta' in value
        ? value.meta
        : undefined;
  return isRunMeta(meta) ? meta.runId : undefined;
}

class WsConnection {
  private socket: SocketLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(m: RunMessage) => void>();
  /** Runs this client started, adopted or saw events of, until their end/error message. */
  private readonly liveRuns = new Set<string>();
  private retryMs: number;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly timeoutMs: number;
  private readonly minMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly url: string,
    private readonly opts: WsClientOptions,
  ) {
    this.timeoutMs = opts.requestTimeoutMs ?? 10_000;
    this.minMs = opts.reconnectMinMs ?? 250;
    this.maxMs = opts.reconnectMaxMs ?? 5_000;
    this.retryMs = this.minMs;
    this.connect();
  }

  subscribe(listener: (message: RunMessage) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves with the host's OpReply; rejects only when the host cannot be reached. */
  async request(name: OpName, args: readonly unknown[]): Promise<unknown> {
    const reply = await this.send(name, args);
    const runId = startedRunId(name, reply);
    if (runId !== undefined) this.liveRuns.add(runId);
    return reply;
  }

  private send(name: OpName, args: readonly unknown[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new Error(
            `${name} timed out after ${this.timeoutMs} ms (is the CoreScope host running?)`,
          ),
        );
      }, this.timeoutMs);
      const entry: Pending = { resolve, reject, timer, frame: encodeRequest(id, name, args) };
      this.pending.set(id, entry);
      this.flush();
    });
  }

  private flush(): void {
    const socket = this.socket;
    if (socket === undefined || !socket.isOpen()) return;
    for (const entry of this.pending.values()) {
      if (entry.frame === undefined) continue;
      socket.send(entry.frame);
      entry.frame = undefined;
    }
  }

  private connect(): void {
    this.retryTimer = undefined;
    const socket: SocketLike = this.opts.createSocket(this.url, {
      onOpen: () => {
        this.retryMs = this.minMs;
        this.flush();
      },
      onText: (text) => this.receive(text),
      onClose: () => this.lost(socket),
    });
    this.socket = socket;
  }

  private lost(socket: SocketLike): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    for (const [id, entry] of this.pending) {
      if (entry.frame !== undefined) continue; // never sent: goes out on the next connection
      clearTimeout(entry.timer);
      this.pending.delete(id);
      entry.reject(new Error('lost the connection to the CoreScope host'));
    }
    for (const runId of [...this.liveRuns]) {
      this.deliver({ kind: 'error', runId, error: 'lost the connection to the CoreScope host' });
    }
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.maxMs, this.retryMs * 2);
  }

  private receive(text: string): void {
    const msg = parseIncoming(text);
    if (msg === undefined) return;
    switch (msg.kind) {
      case 'reply': {
        const entry = this.pending.get(msg.id);
        if (entry === undefined) return;
        this.pending.delete(msg.id);
        clearTimeout(entry.timer);
        entry.resolve(msg.ok ? { ok: true, value: msg.value } : { ok: false, error: msg.error });
        return;
      }
      case 'run':
        this.deliver(decodeRunMessage(msg.message));
        return;
      case 'error':
        console.warn(`CoreScope host: ${msg.error}`);
        return;
    }
  }

  private deliver(message: RunMessage): void {
    if (message.kind === 'events') this.liveRuns.add(message.runId);
    else this.liveRuns.delete(message.runId);
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (err) {
        console.error('CoreScope run listener failed', err);
      }
    }
  }

  dispose(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(new Error('the CoreScope client was closed'));
    }
    this.pending.clear();
  }
}
