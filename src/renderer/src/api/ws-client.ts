// CoreScopeApi over the browser host's WebSocket. Requests carry ids and time out; the socket
// reconnects with backoff; subscribers survive reconnects. A run that was live when the socket
// dropped ends with an error message, so the UI never waits forever for its 'end'.
import type { z } from 'zod';
import type { CoreScopeApi, RunMessage, StartResult } from '../../../shared/contract';
import type {
  LibraryEntry,
  LibraryOpened,
  LibraryResult,
  LibrarySaveRequest,
} from '../../../shared/library-contract';
import type { MachineInfo } from '../../../shared/events';
import type { RunParamsInput } from '../../../shared/params';
import type { ScenarioInfo } from '../../../shared/scenarios';
import { decodeRunMessage, type WireRequest } from '../../../shared/wire';
import { isMachineInfo, isScenarioList, isStartResult, parseIncoming } from './wire-guards';
import { DeletedReply, EntryReply, ListReply, OpenedReply } from './library-replies';

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

type RequestBody = WireRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
  /** Text still waiting for an open socket; undefined once sent. */
  frame: string | undefined;
}

export class WsApiClient implements CoreScopeApi {
  private socket: SocketLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(m: RunMessage) => void>();
  /** Runs this client started or saw events of, until their end/error message. */
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

  async machineInfo(): Promise<MachineInfo> {
    return this.expect(await this.request({ op: 'machineInfo' }), isMachineInfo, 'machineInfo');
  }

  async listScenarios(): Promise<readonly ScenarioInfo[]> {
    return this.expect(
      await this.request({ op: 'listScenarios' }),
      isScenarioList,
      'listScenarios',
    );
  }

  async startRun(params: RunParamsInput): Promise<StartResult> {
    const result = this.expect(
      await this.request({ op: 'startRun', params }),
      isStartResult,
      'startRun',
    );
    if (result.ok) this.liveRuns.add(result.meta.runId);
    return result;
  }

  async cancelRun(runId: string): Promise<void> {
    await this.request({ op: 'cancelRun', runId });
  }

  async listLibrary(): Promise<LibraryResult<readonly LibraryEntry[]>> {
    return this.parsed(await this.request({ op: 'listLibrary' }), ListReply, 'listLibrary');
  }

  async saveToLibrary(request: LibrarySaveRequest): Promise<LibraryResult<LibraryEntry>> {
    const reply = await this.request({ op: 'saveToLibrary', request });
    return this.parsed(reply, EntryReply, 'saveToLibrary');
  }

  async openFromLibrary(entryId: string): Promise<LibraryResult<LibraryOpened>> {
    const reply = await this.request({ op: 'openFromLibrary', entryId });
    return this.parsed(reply, OpenedReply, 'openFromLibrary');
  }

  async renameInLibrary(entryId: string, name: string): Promise<LibraryResult<LibraryEntry>> {
    const reply = await this.request({ op: 'renameInLibrary', entryId, name });
    return this.parsed(reply, EntryReply, 'renameInLibrary');
  }

  async deleteFromLibrary(entryId: string): Promise<LibraryResult<null>> {
    const reply = await this.request({ op: 'deleteFromLibrary', entryId });
    return this.parsed(reply, DeletedReply, 'deleteFromLibrary');
  }

  subscribeRuns(listener: (message: RunMessage) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private expect<T>(value: unknown, guard: (v: unknown) => v is T, op: string): T {
    if (!guard(value)) throw new Error(`the host sent a malformed ${op} reply`);
    return value;
  }

  private parsed<T>(value: unknown, schema: z.ZodType<T>, op: string): T {
    const r = schema.safeParse(value);
    if (!r.success) throw new Error(`the host sent a malformed ${op} reply`);
    return r.data;
  }

  private request(body: RequestBody): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new Error(
            `${body.op} timed out after ${this.timeoutMs} ms (is the CoreScope host running?)`,
          ),
        );
      }, this.timeoutMs);
      const entry: Pending = { resolve, reject, timer, frame: JSON.stringify({ id, ...body }) };
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
        if (msg.ok) entry.resolve(msg.value);
        else entry.reject(new Error(msg.error));
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

  /** Closes the socket for good (tests, page unload). */
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
