// A global interpreter lock for the gil-threads model, modelled on CPython's "new GIL" (3.2+):
// a thread must hold it to compute; a thread that has waited a whole switch interval (5 ms,
// sys.getswitchinterval()) without the lock changing hands sets a drop request; the holder checks
// the request at its next tick, drops the lock and waits until another thread has taken it
// (FORCE_SWITCHING), so the waiter really gets its turn. I/O and sleeps release it.
const HOLDER = 0; // 0 = free, else actorId + 1
const DROP = 1; // 1 = a waiter asks the holder to drop
const SWITCH = 2; // incremented at every acquisition
const WAITERS = 3;

export const SWITCH_INTERVAL_MS = 5;

export class Gil {
  private readonly g: Int32Array;
  private readonly me: number;
  private held = false;

  constructor(buffer: SharedArrayBuffer, actorId: number) {
    this.g = new Int32Array(buffer);
    this.me = actorId + 1;
  }

  get isHeld(): boolean {
    return this.held;
  }

  /** Takes the lock if it is free; true on success. */
  tryAcquire(): boolean {
    if (Atomics.compareExchange(this.g, HOLDER, 0, this.me) !== 0) return false;
    this.taken();
    return true;
  }

  /** Blocks this thread until it holds the lock. */
  acquire(): void {
    if (this.tryAcquire()) return;
    const g = this.g;
    Atomics.add(g, WAITERS, 1);
    for (;;) {
      const holder = Atomics.load(g, HOLDER);
      if (holder === 0) {
        if (Atomics.compareExchange(g, HOLDER, 0, this.me) === 0) break;
        continue;
      }
      const switches = Atomics.load(g, SWITCH);
      const r = Atomics.wait(g, HOLDER, holder, SWITCH_INTERVAL_MS);
      if (
        r === 'timed-out' &&
        Atomics.load(g, SWITCH) === switches &&
        Atomics.load(g, HOLDER) !== 0
      ) {
        Atomics.store(g, DROP, 1);
      }
    }
    Atomics.sub(g, WAITERS, 1);
    this.taken();
  }

  private taken(): void {
    this.held = true;
    Atomics.store(this.g, DROP, 0);
    Atomics.add(this.g, SWITCH, 1);
    Atomics.notify(this.g, SWITCH);
  }

  /** Whether a waiter asked the holder to let go. */
  dropRequested(): boolean {
    return this.held && Atomics.load(this.g, DROP) === 1;
  }

  /**
   * Releases the lock. `forced`: it was asked to drop, so wait until another thread has taken it
   * before returning (otherwise the dropper would usually win it straight back).
   */
  release(forced: boolean): void {
    if (!this.held) return;
    const g = this.g;
    const switches = Atomics.load(g, SWITCH);
    this.held = false;
    Atomics.store(g, HOLDER, 0);
    Atomics.notify(g, HOLDER, 1);
    if (!forced) return;
    while (Atomics.load(g, SWITCH) === switches && Atomics.load(g, WAITERS) > 0) {
      Atomics.wait(g, SWITCH, switches, 50);
    }
  }
}
