// The in-worker instrumentation. It keeps the current state of its thread (the actor lane) and of
// every task it serves (task lanes), and turns each state change into a slice in a columnar
// buffer that is shipped to the engine in batches. Inside long running slices `tick()` re-reads
// the core every CORE_PROBE_US so a migration splits the slice. A gap between ticks means the
// thread was off its core: then schedstat says how long it sat on the run queue (`preempted`).
//
// Why not read more often: on this kind of VM any syscall in a hot loop costs the loop far more
// than the call itself (measured: one read of /proc stat, schedstat or even /dev/zero per ms slowed
// two busy processes by 3-5 %, i.e. ~30 µs of lost work per read). Reading only the core every
// 5 ms, and schedstat only after a gap, keeps tracing near the 3 % budget. For the same reason a
// sample taken less than REUSE_US ago is reused: an event loop switches state at every task step
// (four reads a step cost the async fib-sleep run 20-40 ms of its ~110), and a thread that read
// its core that recently cannot have spent long off it.
import { LANE_ACTOR, LANE_TASK, SLICE_STRIDE } from '../shared/events';
import { STATE_CODE, type SliceState } from '../shared/states';
import type { CoreProbe, CoreSample } from './core-probe';

/** Re-read the core this often inside a running slice (µs); fine enough to see a 5 ms lock switch. */
const CORE_PROBE_US = 5000;
/** Ticks come every ~100 µs of work; a longer gap means the thread was off its core. */
const GAP_US = 300;
/** Run-queue waits shorter than this are left inside the running slice (µs). */
const MIN_PREEMPT_US = 100;
/**
 * Off-core time in a gap that the run queue does not explain (the thread slept inside the
 * runtime, e.g. waiting for a GC helper, or the hypervisor took the vCPU) is left undrawn when it
 * is at least this long (µs): drawing it as running would claim a core the thread did not have.
 */
const MIN_HIDDEN_US = 1000;
/** A /proc sample younger than this is reused instead of read again (µs). */
const REUSE_US = GAP_US;
const FLUSH_US = 25_000;
const BATCH_SLICES = 4096;

export type ThreadState = SliceState | 'idle';

export class Recorder {
  private buf = new Float64Array(BATCH_SLICES * SLICE_STRIDE);
  private n = 0;
  private state: ThreadState = 'idle';
  private task = -1;
  private since = 0;
  private core = -1;
  private lastProbeUs = 0;
  private lastTickUs = 0;
  private lastFlushUs = 0;
  private runDelayNs = 0;
  private onCpuNs = 0;
  /** When runDelayNs and onCpuNs were read (µs). */
  private lastSchedUs = 0;
  /** The last full /proc sample and when it was read (µs). */
  private lastRead: { readonly sample: CoreSample; readonly t: number } | undefined;
  private readonly taskStates = new Map<number, { state: SliceState; since: number }>();

  constructor(
    private readonly actor: number,
    private readonly origin: bigint,
    private readonly enabled: boolean,
    private readonly probe: CoreProbe | undefined,
    private readonly sink: (data: Float64Array) => void,
    /** The shared monotonic clock, ns (tests pass a clock they move by hand). */
    private readonly clockNs: () => bigint = () => process.hrtime.bigint(),
  ) {}

  /** µs since the run's origin on the shared monotonic clock. */
  now(): number {
    return Number(this.clockNs() - this.origin) / 1000;
  }

  get currentState(): ThreadState {
    return this.state;
  }

  /** Switch this thread's own lane to `state`, serving `task` (-1 for none). */
  thread(state: ThreadState, task: number, t = this.now()): void {
    if (!this.enabled) return;
    if (state === this.state && task === this.task) return;
    const wasRunning = this.state === 'running';
    const sample = state === 'running' || wasRunning ? this.sample(t) : undefined;
    if (sample && !wasRunning) this.closeWaiting(t, sample.runDelayNs);
    else this.closeThread(t);
    this.state = state;
    this.task = task;
    this.since = t;
    if (sample) this.baseline(sample);
    if (state === 'running' && sample) {
      this.core = sample.core;
      this.lastProbeUs = t;
    } else {
      this.core = -1;
    }
    this.lastTickUs = t;
  }

  /**
   * A thread woken from a wait (a sleep, I/O, the GIL, or no work) sits on the run queue until a
   * core is free: schedstat's run delay since the wait began is that time, at the wait's end. It
   * is drawn as `preempted` (ready, no core), not as part of the wait or of the running slice.
   * The baseline is read when the thread stops running, so the delay is this wait's alone.
   */
  private closeWaiting(t: number, runDelayNs: number): void {
    // Without a baseline read (the thread's first run) the delay would span its whole life.
    const waitedUs = this.lastSchedUs > 0 ? (runDelayNs - this.runDelayNs) / 1000 : 0;
    if (waitedUs < MIN_PREEMPT_US) {
      this.closeThread(t);
      return;
    }
    // The wait began after the baseline was read and after the previous state began.
    const from = Math.max(this.since, this.lastSchedUs, t - waitedUs);
    this.closeThread(from);
    this.push(LANE_ACTOR, this.task, 'preempted', -1, from, t);
  }

  /**
   * Switch task `task`'s lane to `state`; 'paused' closes its slice without a new one (waiting on
   * its own child tasks, a state the palette does not draw); 'done' ends it.
   */
  taskState(task: number, state: SliceState | 'paused' | 'done', t = this.now()): void {
    if (!this.enabled) return;
    const open = this.taskStates.get(task);
    if (open) {
      if (open.state === state) return;
      this.push(
        LANE_TASK,
        task,
        open.state,
        open.state === 'running' ? this.core : -1,
        open.since,
        t,
      );
    }
    if (state === 'done' || state === 'paused') this.taskStates.delete(task);
    else this.taskStates.set(task, { state, since: t });
  }

  /** What an idle event loop is waiting for: I/O if any task awaits I/O, else a timer. */
  waitingState(): ThreadState {
    let sleeping = false;
    for (const { state } of this.taskStates.values()) {
      if (state === 'io-wait') return 'io-wait';
      if (state === 'sleeping') sleeping = true;
    }
    return sleeping ? 'sleeping' : 'idle';
  }

  /** Called from inside compute loops, every ~100 µs of work. */
  tick(): void {
    if (!this.enabled) return;
    const t = this.now();
    if (this.probe && this.state === 'running') {
      if (t - this.lastTickUs >= GAP_US) this.probeRunning(t);
      else if (t - this.lastProbeUs >= CORE_PROBE_US) this.probeCore(t);
    }
    this.lastTickUs = t;
    if (t - this.lastFlushUs >= FLUSH_US) this.flush(t);
  }

  /** A full /proc sample: the last one when it is younger than REUSE_US, else a fresh read. */
  private sample(t: number): CoreSample | undefined {
    if (!this.probe) return undefined;
    const last = this.lastRead;
    if (last !== undefined && t >= last.t && t - last.t < REUSE_US) return last.sample;
    const sample = this.probe.read();
    this.lastRead = { sample, t };
    return sample;
  }

  /** Run-queue and on-CPU totals from now on count from this sample (taken at lastRead.t). */
  private baseline(s: CoreSample): void {
    this.runDelayNs = s.runDelayNs;
    this.onCpuNs = s.onCpuNs;
    this.lastSchedUs = this.lastRead?.t ?? this.now();
  }

  private probeRunning(t: number): void {
    const s = this.sample(t);
    if (!s) return;
    const gapStart = Math.max(this.since, this.lastTickUs);
    const waitedUs = Math.min((s.runDelayNs - this.runDelayNs) / 1000, t - gapStart);
    // Time since the last read that was neither on a core nor on the run queue, bounded by the
    // gap: ticks before it prove the thread was running then.
    const ranUs = (s.onCpuNs - this.onCpuNs) / 1000;
    const hiddenUs = Math.min(
      t - gapStart - Math.max(0, waitedUs),
      t - this.lastSchedUs - ranUs - Math.max(0, waitedUs),
    );
    this.baseline(s);
    this.lastProbeUs = t;
    const preempted = waitedUs >= MIN_PREEMPT_US;
    const hidden = hiddenUs >= MIN_HIDDEN_US;
    if (preempted || hidden) {
      // Both waits end just before this tick: ticks come every ~100 µs of work, so a long gap
      // since the last one is where the thread was off its core. The run-queue wait comes last
      // (it ends when the thread gets a core back); off-core time it does not explain, before.
      const readyFrom = preempted ? Math.max(gapStart, t - waitedUs) : t;
      const offFrom = hidden ? Math.max(gapStart, readyFrom - hiddenUs) : readyFrom;
      if (offFrom > this.since)
        this.push(LANE_ACTOR, this.task, 'running', this.core, this.since, offFrom);
      if (preempted) this.push(LANE_ACTOR, this.task, 'preempted', -1, readyFrom, t);
      this.since = t;
      this.core = s.core;
      return;
    }
    if (s.core !== this.core) {
      this.push(LANE_ACTOR, this.task, 'running', this.core, this.since, t);
      this.since = t;
      this.core = s.core;
    }
  }

  private probeCore(t: number): void {
    if (!this.probe) return;
    const core = this.probe.readCore();
    this.lastProbeUs = t;
    if (core !== this.core) {
      this.push(LANE_ACTOR, this.task, 'running', this.core, this.since, t);
      this.since = t;
      this.core = core;
    }
  }

  private closeThread(t: number): void {
    if (this.state === 'idle') return;
    if (this.state === 'running' && this.probe && t - this.lastTickUs >= GAP_US)
      this.probeRunning(t);
    this.push(
      LANE_ACTOR,
      this.task,
      this.state,
      this.state === 'running' ? this.core : -1,
      this.since,
      t,
    );
  }

  private push(
    lane: number,
    task: number,
    state: SliceState,
    core: number,
    start: number,
    end: number,
  ): void {
    if (end <= start) return;
    if (this.n === BATCH_SLICES) this.flush();
    const o = this.n * SLICE_STRIDE;
    const b = this.buf;
    b[o] = lane;
    b[o + 1] = this.actor;
    b[o + 2] = task;
    b[o + 3] = STATE_CODE[state];
    b[o + 4] = core;
    b[o + 5] = start;
    b[o + 6] = end;
    this.n++;
  }

  /** Ships buffered slices; `closeOpen` also ends the thread's and tasks' open slices at now. */
  flush(t = this.now(), closeOpen = false): void {
    this.lastFlushUs = t;
    if (closeOpen) {
      for (const task of [...this.taskStates.keys()]) this.taskState(task, 'done', t);
      this.thread('idle', -1, t);
    }
    if (this.n === 0) return;
    const out = this.buf.slice(0, this.n * SLICE_STRIDE);
    this.n = 0;
    this.sink(out);
  }

  /** Synthetic slices for the throughput benchmark: exercises the same buffer and sink path. */
  emitSynthetic(count: number): void {
    let t = this.now();
    for (let i = 0; i < count; i++) {
      this.push(LANE_ACTOR, i & 7, 'running', i & 1, t, t + 1);
      t += 1;
    }
    this.flush();
  }
}
