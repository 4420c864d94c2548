// Samples every traced Python thread from OUTSIDE its interpreter, from Linux /proc: the state
// letter and the core it last ran on (task/<tid>/stat), nanoseconds on a CPU and waiting on a run
// queue (schedstat), and, when the thread is off its CPU, the system call it is blocked in
// (syscall; needs ptrace-read access, which the engine has over its own descendants). A sampler
// inside the process could not see GIL waits: it would need the GIL to run.
//
// Cost: each file is opened once per thread and re-read at offset 0 (~5 µs a read, against
// ~17 µs for open+read+close); a 5 ms period costs about 4 % of one core for a handful of
// threads (measured: see the bench's pythonSamplerCpuShare).
import { closeSync, openSync, readSync } from 'node:fs';

export interface ThreadSample {
  /** µs since the run's origin, read just before this thread's files. */
  readonly tUs: number;
  readonly onNs: number;
  readonly rqNs: number;
  /** CPU the thread last ran on, -1 if unknown. */
  readonly core: number;
  /** State letter from stat: R running or runnable, S sleeping, D disk wait, ... */
  readonly state: string;
  /** System call number it is blocked in; -1 unknown or not in a call. */
  readonly sys: number;
}

export const SAMPLE_MS = 5;
const PROCESSOR_INDEX = 36;

interface Watched {
  readonly pid: number;
  readonly tid: number;
  readonly stat: number;
  readonly sched: number;
  readonly sys: number | undefined;
}

function openOrUndefined(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch {
    return undefined;
  }
}

export class ProcSampler {
  private readonly watched = new Map<number, Watched>();
  private readonly buf = Buffer.alloc(1024);
  private timer: NodeJS.Timeout | undefined;
  /** Time spent inside ticks, µs: the sampler's own CPU cost (the reads are synchronous). */
  busyUs = 0;
  ticks = 0;

  constructor(
    private readonly origin: bigint,
    private readonly onSample: (tid: number, sample: ThreadSample) => void,
  ) {}

  static available(): boolean {
    return process.platform === 'linux';
  }

  watch(pid: number, tid: number): void {
    if (this.watched.has(tid) || !ProcSampler.available()) return;
    const base = `/proc/${pid}/task/${tid}`;
    const stat = openOrUndefined(`${base}/stat`);
    const sched = openOrUndefined(`${base}/schedstat`);
    if (stat === undefined || sched === undefined) {
      if (stat !== undefined) closeSync(stat);
      if (sched !== undefined) closeSync(sched);
      return;
    }
    this.watched.set(tid, { pid, tid, stat, sched, sys: openOrUndefined(`${base}/syscall`) });
    this.sampleOne(tid);
  }

  unwatch(tid: number): void {
    const w = this.watched.get(tid);
    if (w === undefined) return;
    this.watched.delete(tid);
    for (const fd of [w.stat, w.sched, w.sys]) if (fd !== undefined) closeSync(fd);
  }

  start(periodMs = SAMPLE_MS): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.tick(), periodMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.tick();
    for (const tid of [...this.watched.keys()]) this.unwatch(tid);
  }

  tick(): void {
    const t0 = process.hrtime.bigint();
    for (const tid of [...this.watched.keys()]) this.sampleOne(tid);
    this.busyUs += Number(process.hrtime.bigint() - t0) / 1000;
    this.ticks++;
  }

  private read(fd: number): string | undefined {
    try {
      const n = readSync(fd, this.buf, 0, this.buf.length, 0);
      return n > 0 ? this.buf.toString('latin1', 0, n) : undefined;
    } catch {
      return undefined;
    }
  }

  private sampleOne(tid: number): void {
    const w = this.watched.get(tid);
    if (w === undefined) return;
    const tUs = Number(process.hrtime.bigint() - this.origin) / 1000;
    const stat = this.read(w.stat);
    const sched = stat === undefined ? undefined : this.read(w.sched);
    if (stat === undefined || sched === undefined) {
      this.unwatch(tid); // the thread has ended
      return;
    }
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    const state = fields[0] ?? '?';
    const core = Number(fields[PROCESSOR_INDEX]);
    const [on = 0, rq = 0] = sched.trim().split(' ').map(Number);
    let sys = -1;
    if (state !== 'R' && w.sys !== undefined) {
      const text = this.read(w.sys);
      const nr = text === undefined ? NaN : Number(text.split(' ', 1)[0]);
      if (Number.isInteger(nr) && nr >= 0) sys = nr;
    }
    this.onSample(tid, {
      tUs,
      onNs: on,
      rqNs: rq,
      core: Number.isInteger(core) && core >= 0 ? core : -1,
      state,
      sys,
    });
  }
}

/** What a blocking system call means for the thread's state; per architecture. */
export type SyscallClass = 'futex' | 'io' | 'sleep' | 'other';

const X64: Record<number, SyscallClass> = {
  202: 'futex',
  0: 'io',
  17: 'io',
  19: 'io',
  23: 'io',
  7: 'io',
  232: 'io',
  281: 'io',
  270: 'io',
  271: 'io',
  441: 'io',
  45: 'io',
  47: 'io',
  43: 'io',
  288: 'io',
  42: 'io',
  35: 'sleep',
  230: 'sleep',
};
const ARM64: Record<number, SyscallClass> = {
  98: 'futex',
  63: 'io',
  67: 'io',
  65: 'io',
  72: 'io',
  73: 'io',
  22: 'io',
  441: 'io',
  207: 'io',
  212: 'io',
  202: 'io',
  242: 'io',
  203: 'io',
  101: 'sleep',
  115: 'sleep',
};

export function syscallClass(nr: number, arch: string = process.arch): SyscallClass | undefined {
  if (nr < 0) return undefined;
  const table = arch === 'x64' ? X64 : arch === 'arm64' ? ARM64 : undefined;
  if (table === undefined) return undefined;
  return table[nr] ?? 'other';
}
