// A pool of one worker thread that reads big run files (library saves and opens) off the
// caller's event loop. Jobs run one at a time, in order; a bounded number wait, and the next is
// refused at once (each waiting job holds up to a whole frame in memory). The worker starts on
// the first job, has a heap limit of its own (a hostile frame can exhaust it, not the host),
// and is started again after it dies; it is a thread, so it ends with the process whatever
// kills it.
import { Worker } from 'node:worker_threads';
import type { DecodedRun, SaveFrame } from '../../shared/library-save';
import type { RunFileJob, RunFileResult } from '../../shared/run-file-jobs';

export interface RunFilePoolOptions {
  /** Jobs that may wait behind the running one before the next is refused. */
  readonly maxWaiting?: number;
  /** The worker's old-generation heap, MB (a 96 MiB save peaks near 700 MB). */
  readonly maxHeapMb?: number;
}

type Job = { readonly kind: RunFileJob['kind']; readonly bytes: Uint8Array<ArrayBuffer> };

interface Queued {
  readonly job: Job;
  readonly done: (r: RunFileResult | { readonly failed: string }) => void;
}

/** The bytes of a Buffer as a transferable Uint8Array (copied only when it shares memory). */
function ownBytes(b: Uint8Array): Uint8Array<ArrayBuffer> {
  const buf = b.buffer;
  if (buf instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === buf.byteLength) {
    return new Uint8Array(buf);
  }
  return new Uint8Array(b);
}

export class RunFilePool {
  private worker: Worker | undefined;
  private running: Queued | undefined;
  private readonly waiting: Queued[] = [];
  private seq = 0;
  private closed = false;
  private readonly maxWaiting: number;
  private readonly maxHeapMb: number;

  constructor(
    private readonly entry: string,
    options: RunFilePoolOptions = {},
  ) {
    this.maxWaiting = options.maxWaiting ?? 2;
    this.maxHeapMb = options.maxHeapMb ?? 2048;
  }

  /** Reads a saveToLibrary frame: the checked request, or the reply that refuses it. */
  async saveFrame(frame: Uint8Array): Promise<SaveFrame> {
    const r = await this.submit({ kind: 'save-frame', bytes: ownBytes(frame) });
    if ('failed' in r) return { kind: 'refused', reply: { kind: 'error', error: r.failed } };
    if (r.kind !== 'save-frame') throw new Error('run-file worker answered another job');
    return r.frame;
  }

  /** Parses and checks a run file's bytes. */
  async decode(bytes: Uint8Array): Promise<DecodedRun> {
    const r = await this.submit({ kind: 'decode', bytes: ownBytes(bytes) });
    if ('failed' in r) return { ok: false, error: r.failed };
    if (r.kind !== 'decode') throw new Error('run-file worker answered another job');
    return r.run;
  }

  /** Stops the worker; jobs still waiting are answered with a refusal. */
  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.waiting.splice(0)) q.done({ failed: 'the host is stopping' });
    const w = this.worker;
    this.worker = undefined;
    if (w !== undefined) await w.terminate();
  }

  private submit(job: Job): Promise<RunFileResult | { readonly failed: string }> {
    if (this.closed) return Promise.resolve({ failed: 'the host is stopping' });
    if (this.running !== undefined && this.waiting.length >= this.maxWaiting) {
      return Promise.resolve({
        failed: `the host is busy reading ${1 + this.waiting.length} other large requests: try again when they are done`,
      });
    }
    return new Promise((done) => {
      this.waiting.push({ job, done });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running !== undefined || this.closed) return;
    const next = this.waiting.shift();
    if (next === undefined) return;
    this.running = next;
    const worker = this.ensureWorker();
    const seq = ++this.seq;
    const message: RunFileJob = { seq, kind: next.job.kind, bytes: next.job.bytes };
    // The frame moves to the worker: this thread no longer holds (or pays for) its bytes.
    worker.postMessage(message, [next.job.bytes.buffer]);
    worker.ref();
  }

  private finish(r: RunFileResult | { readonly failed: string }): void {
    const q = this.running;
    this.running = undefined;
    // An idle worker must not keep the process alive.
    this.worker?.unref();
    q?.done(r);
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker !== undefined) return this.worker;
    const w = new Worker(this.entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    w.on('message', (r: RunFileResult) => {
      if (r.seq === this.seq) this.finish(r);
    });
    const lost = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = undefined;
      if (this.running !== undefined) this.finish({ failed: why });
    };
    w.on('error', (e: Error & { code?: string }) =>
      lost(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the request is too large to read (it needs more than ${this.maxHeapMb} MB)`
          : `the run file reader failed: ${e.message}`,
      ),
    );
    w.on('exit', (code) => lost(`the run file reader stopped (exit ${code})`));
    this.worker = w;
    return w;
  }
}
