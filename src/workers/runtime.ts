// What scenario code calls to do things the way the model under study does them: enter a task,
// compute, sleep (awaiting or blocking), wait on I/O. It keeps the recorder's thread and task
// lanes honest and, under gil-threads, takes and drops the GIL exactly where CPython would.
import type { FaultKind } from '../shared/worker-protocol';
import type { Gil } from './gil';
import { burn, checksum } from './kernels';
import type { Recorder } from './recorder';

export class InjectedCrash extends Error {}

export interface RuntimeOptions {
  readonly recorder: Recorder;
  readonly gil: Gil | undefined;
  readonly fault: { readonly task: number; readonly kind: FaultKind } | undefined;
  readonly onTaskDone: (task: number, tUs: number) => void;
}

export class Runtime {
  readonly rec: Recorder;
  private readonly gil: Gil | undefined;
  private readonly blocker = new Int32Array(new SharedArrayBuffer(4));
  private readonly tickFn =
    (task: number): (() => void) =>
    () =>
      this.tick(task);

  constructor(private readonly opts: RuntimeOptions) {
    this.rec = opts.recorder;
    this.gil = opts.gil;
  }

  /** The task starts (or resumes) running its own code on this thread. */
  enter(task: number): void {
    const gil = this.gil;
    if (gil && !gil.isHeld && !gil.tryAcquire()) {
      this.rec.thread('gil-wait', task);
      this.rec.taskState(task, 'gil-wait');
      gil.acquire();
    }
    this.rec.thread('running', task);
    this.rec.taskState(task, 'running');
  }

  /** First entry of a task: where an injected fault fires. */
  begin(task: number): void {
    this.enter(task);
    const fault = this.opts.fault;
    if (fault === undefined || fault.task !== task) return;
    if (fault.kind === 'exit') process.exit(70);
    if (fault.kind === 'hang') for (;;) this.blocker[0] = (this.blocker[0] ?? 0) + 1;
    throw new InjectedCrash(`injected fault: the worker threw while running task ${task}`);
  }

  end(task: number): void {
    const t = this.rec.now();
    this.rec.taskState(task, 'done', t);
    this.rec.thread(this.rec.waitingState(), -1, t);
    this.opts.onTaskDone(task, t);
  }

  /** The task stops to wait; the thread waits for whatever its loop now waits on. */
  private suspend(task: number, state: 'sleeping' | 'io-wait'): void {
    // The running slice ends before the GIL is let go: read after, the clock could come after
    // another thread had taken the lock and started running, and two threads would be drawn
    // running under one GIL.
    const t = this.rec.now();
    this.rec.taskState(task, state, t);
    this.rec.thread(this.rec.waitingState(), -1, t);
    this.gil?.release(false);
  }

  /** The task awaits its own child tasks (gather / a nested call): no state of its own meanwhile. */
  async awaitChildren<T>(task: number, children: () => Promise<T>): Promise<T> {
    this.rec.taskState(task, 'paused');
    try {
      return await children();
    } finally {
      this.enter(task);
    }
  }

  /** A non-blocking sleep (asyncio.sleep / a timer): the thread is free meanwhile. */
  async sleep(task: number, ms: number): Promise<void> {
    this.suspend(task, 'sleeping');
    await new Promise<void>((resolve) => setTimeout(resolve, ms));
    this.enter(task);
  }

  /** A blocking sleep (time.sleep): the whole thread is held, for real, by Atomics.wait. */
  blockingSleep(task: number, ms: number): void {
    this.rec.thread('blocked', task);
    this.rec.taskState(task, 'blocked');
    this.gil?.release(false);
    Atomics.wait(this.blocker, 0, 0, ms);
    this.enter(task);
  }

  /** Awaits real I/O as `io-wait`, then resumes running. */
  async io<T>(task: number, op: Promise<T> | (() => Promise<T>)): Promise<T> {
    this.suspend(task, 'io-wait');
    try {
      return await (typeof op === 'function' ? op() : op);
    } finally {
      this.enter(task);
    }
  }

  compute(task: number, iterations: number): number {
    return burn(iterations, task, this.tickFn(task));
  }

  checksum(task: number, data: Uint8Array, passes: number, seed: number): number {
    return checksum(data, passes, seed, this.tickFn(task));
  }

  private tick(task: number): void {
    this.rec.tick();
    const gil = this.gil;
    if (gil?.dropRequested()) {
      this.rec.thread('gil-wait', task);
      this.rec.taskState(task, 'gil-wait');
      gil.release(true);
      gil.acquire();
      this.rec.thread('running', task);
      this.rec.taskState(task, 'running');
    }
  }

  /** Gives the GIL back when the thread goes idle between units. */
  idle(): void {
    this.gil?.release(false);
  }
}
