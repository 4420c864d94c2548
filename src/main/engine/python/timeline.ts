// Merges what the in-process tracer reports (threads, tasks, steps, wrapped calls, spawns) with
// what the /proc sampler saw from outside (on-CPU and run-queue time, core, blocking syscall)
// into CoreScope's slices.
//
// Actor lanes: between two samples of a thread (a "tick", ~5 ms) the wrapped calls and the
// spawning period are exact; the rest of the tick ("free" time) is split by schedstat into
// running, preempted (run-queue wait) and off-CPU time. Off-CPU time outside any wrapped call is
// classified by the syscall the thread was seen blocked in: a futex while another Python thread
// of the process is alive is the GIL (CPython parks GIL waiters in a futex condvar), a read or
// poll is io-wait, a nanosleep is sleeping, anything else is left idle. Within a tick the order
// of the pieces follows the state seen at its two ends (running at the start goes first, running
// at the end goes last), and the core is the one stat reported at the end (the CPU the thread last
// ran on), except that a thread running at both ends runs its first half on the earlier core.
//
// A tick is only laid out once the tracer has reported everything before it: each batch carries
// its send time and the calls still open, and ticks older than that time minus HORIZON_MARGIN_US
// are final. Task lanes (asyncio steps, pool items, the task's own waits) come from the tracer
// alone and are exact.
import {
  LANE_ACTOR,
  LANE_TASK,
  SLICE_STRIDE,
  type ActorInfo,
  type ActorKind,
  type RunEvent,
  type TaskInfo,
} from '../../../shared/events';
import { STATE_CODE, type SliceState } from '../../../shared/states';
import { syscallClass, type ThreadSample } from './proc-sampler';
import type { Hello, OpenCall, TracerEvent, TracerLine } from './tracer-wire';

/** How far behind a process's last batch ticks stay open (a thread may append late). */
export const HORIZON_MARGIN_US = 50_000;
/** Run-queue time shorter than this is left inside a wrapped wait (µs), as in the recorder. */
const MIN_CARVE_US = 100;

interface Interval {
  readonly start: number;
  readonly end: number;
  readonly state: SliceState;
  readonly task: number;
}

interface Pending {
  state: SliceState;
  core: number;
  task: number;
  start: number;
  end: number;
}

interface ThreadRec {
  info: ActorInfo;
  readonly pid: number;
  readonly tid: number;
  ended: boolean;
  /** Closed wrapped calls and the spawning period, not yet behind the laid-out cursor. */
  covers: Interval[];
  open: { readonly state: SliceState; readonly start: number; readonly task: number } | undefined;
  samples: ThreadSample[];
  prev: ThreadSample | undefined;
  pending: Pending | undefined;
}

interface ProcRec {
  readonly pid: number;
  horizonUs: number;
  gil: boolean;
  name: string | undefined;
  spawnUs: number | undefined;
  readyUs: number | undefined;
  readonly threads: Set<number>;
}

export interface TimelineOptions {
  /** Whether /proc samples arrive (Linux); without them steps stand in for running time. */
  readonly sampled: boolean;
  /** Off-CPU time may be read as GIL wait (false on free-threaded builds and when asked). */
  readonly inferGil: boolean;
}

export interface ScriptEnd {
  readonly tUs: number;
  readonly status: 'completed' | 'failed';
  readonly reason: string | undefined;
}

export class PythonTimeline {
  private readonly threads = new Map<number, ThreadRec>();
  private readonly procs = new Map<number, ProcRec>();
  private readonly taskIds = new Map<string, number>();
  private readonly taskInfo = new Map<number, TaskInfo>();
  private readonly taskActor = new Map<number, number>();
  /** Wrapped calls inside a task, carved out of its next step. */
  private readonly taskCalls = new Map<number, Interval[]>();
  private nextActor = 0;
  private out: number[] = [];
  private newTasks: TaskInfo[] = [];
  private readonly originNs: number;
  /** Where a process that was spawned by another starts its spawning slice, by pid. */
  private readonly spawnStarts = new Map<number, { readonly us: number; readonly name: string }>();
  end: ScriptEnd | undefined;
  tasksDone = 0;
  lastDoneUs = 0;
  gil = true;

  constructor(
    origin: bigint,
    private readonly rootPid: number,
    private readonly options: TimelineOptions,
    private readonly emit: (ev: RunEvent) => void,
    private readonly watch: (pid: number, tid: number) => void,
  ) {
    this.originNs = Number(origin);
  }

  private us(ns: number): number {
    return (ns - this.originNs) / 1000;
  }

  get taskCount(): number {
    return this.taskInfo.size;
  }

  get actorCount(): number {
    return this.threads.size;
  }

  /** The first process of the run: known from spawn, before its tracer says hello. */
  addRoot(pid: number): void {
    const proc = this.proc(pid);
    proc.spawnUs = 0;
    this.thread(pid, pid, 'MainThread', 'thread');
  }

  private proc(pid: number): ProcRec {
    let p = this.procs.get(pid);
    if (p === undefined) {
      p = {
        pid,
        horizonUs: 0,
        gil: true,
        name: undefined,
        spawnUs: undefined,
        readyUs: undefined,
        threads: new Set(),
      };
      this.procs.set(pid, p);
    }
    return p;
  }

  private thread(pid: number, tid: number, label: string, kind: ActorKind): ThreadRec {
    let t = this.threads.get(tid);
    if (t !== undefined) return t;
    t = {
      info: { id: this.nextActor++, kind, label, pid, tid },
      pid,
      tid,
      ended: false,
      covers: [],
      open: undefined,
      samples: [],
      prev: undefined,
      pending: undefined,
    };
    this.threads.set(tid, t);
    this.proc(pid).threads.add(tid);
    this.emit({ kind: 'actor', actor: t.info });
    this.watch(pid, tid);
    return t;
  }

  private relabel(t: ThreadRec, label: string, kind: ActorKind): void {
    if (t.info.label === label && t.info.kind === kind) return;
    t.info = { ...t.info, label, kind };
    this.emit({ kind: 'actor', actor: t.info });
  }

  private task(key: string | undefined): number {
    if (key === undefined) return -1;
    return this.taskIds.get(key) ?? -1;
  }

  hello(h: Hello): void {
    const proc = this.proc(h.pid);
    proc.gil = h.gil;
    if (!h.gil) this.gil = false;
    const started = this.spawnStarts.get(h.pid);
    if (h.pid === this.rootPid) {
      this.thread(h.pid, h.mainTid, 'MainThread', 'thread');
      return;
    }
    if (proc.spawnUs === undefined) proc.spawnUs = started?.us ?? this.us(h.tNs);
    const own = h.name === 'child' || h.name === 'forked child' ? undefined : h.name;
    const name =
      proc.name ?? started?.name ?? (own !== undefined ? `${own} ${h.pid}` : `process ${h.pid}`);
    const t = this.thread(h.pid, h.mainTid, name, 'process');
    this.relabel(t, name, 'process');
  }

  sample(tid: number, s: ThreadSample): void {
    this.threads.get(tid)?.samples.push(s);
  }

  /** One line from process `pid`'s connection. */
  line(pid: number, line: TracerLine): void {
    if (line.kind === 'hello') {
      this.hello(line.hello);
      return;
    }
    for (const ev of line.events) this.event(pid, ev);
    this.setOpen(pid, line.open);
    const proc = this.proc(pid);
    proc.horizonUs = Math.max(proc.horizonUs, this.us(line.tNs) - HORIZON_MARGIN_US);
    this.layOut(proc, proc.horizonUs);
    this.flush();
  }

  private setOpen(pid: number, open: readonly OpenCall[]): void {
    const proc = this.proc(pid);
    const byTid = new Map(open.map((o) => [o.tid, o]));
    for (const tid of proc.threads) {
      const t = this.threads.get(tid);
      if (t === undefined) continue;
      const o = byTid.get(tid);
      t.open =
        o === undefined
          ? undefined
          : { state: o.state, start: this.us(o.t0), task: this.task(o.key) };
    }
  }

  private event(pid: number, ev: TracerEvent): void {
    switch (ev.kind) {
      case 'thread':
        this.thread(pid, ev.tid, ev.name, 'thread');
        return;
      case 'thread-end': {
        const t = this.threads.get(ev.tid);
        if (t !== undefined) t.ended = true;
        return;
      }
      case 'loop': {
        const t = this.threads.get(ev.tid);
        if (t !== undefined && t.info.kind !== 'event-loop')
          this.relabel(t, `${t.info.label} (event loop)`, 'event-loop');
        return;
      }
      case 'task': {
        if (this.taskIds.has(ev.key)) return;
        const id = this.taskIds.size;
        this.taskIds.set(ev.key, id);
        const parent = ev.parent === undefined ? undefined : this.taskIds.get(ev.parent);
        const info: TaskInfo =
          parent === undefined ? { id, label: ev.label } : { id, label: ev.label, parent };
        this.taskInfo.set(id, info);
        this.newTasks.push(info);
        return;
      }
      case 'rename': {
        const id = this.taskIds.get(ev.key);
        const info = id === undefined ? undefined : this.taskInfo.get(id);
        if (info === undefined) return;
        const renamed = { ...info, label: ev.label };
        this.taskInfo.set(info.id, renamed);
        this.newTasks.push(renamed);
        return;
      }
      case 'step':
        this.step(ev.key, ev.tid, this.us(ev.t0), this.us(ev.t1));
        return;
      case 'done': {
        const id = this.taskIds.get(ev.key);
        if (id === undefined) return;
        const tUs = this.us(ev.tNs);
        this.tasksDone++;
        this.lastDoneUs = Math.max(this.lastDoneUs, tUs);
        this.emit({ kind: 'task-done', task: id, tUs });
        return;
      }
      case 'call': {
        const t = this.threads.get(ev.tid);
        if (t === undefined) return;
        const call: Interval = {
          start: this.us(ev.t0),
          end: this.us(ev.t1),
          state: ev.state,
          task: this.task(ev.key),
        };
        if (this.options.sampled) t.covers.push(call);
        else this.pushActor(t, call.state, -1, call.task, call.start, call.end);
        if (call.task >= 0) {
          const list = this.taskCalls.get(call.task) ?? [];
          list.push(call);
          this.taskCalls.set(call.task, list);
        }
        return;
      }
      case 'wait': {
        const task = this.task(ev.key);
        const actor = this.taskActor.get(task);
        if (task < 0 || actor === undefined) return;
        this.slice(LANE_TASK, actor, task, ev.state, -1, this.us(ev.t0), this.us(ev.t1));
        return;
      }
      case 'spawn': {
        const start = { us: this.us(ev.t0), name: ev.name };
        this.spawnStarts.set(ev.pid, start);
        const child = this.proc(ev.pid);
        child.name = ev.name;
        child.spawnUs = start.us;
        const t = this.thread(ev.pid, ev.pid, ev.name, 'process');
        this.relabel(t, ev.name, 'process');
        return;
      }
      case 'ready': {
        const proc = this.proc(pid);
        const t = this.threads.get(this.mainTid(pid));
        proc.readyUs = this.us(ev.tNs);
        if (pid !== this.rootPid && ev.name !== 'main' && t !== undefined) {
          proc.name = ev.name;
          this.relabel(t, ev.name, 'process');
        }
        const start = proc.spawnUs;
        if (t !== undefined && start !== undefined && proc.readyUs > start) {
          const spawn = { start, end: proc.readyUs, state: 'spawning', task: -1 } as const;
          if (this.options.sampled) t.covers.push(spawn);
          else this.pushActor(t, 'spawning', -1, -1, spawn.start, spawn.end);
        }
        return;
      }
      case 'fail': {
        const t = this.threads.get(ev.tid);
        const task = this.task(ev.key);
        this.emit({
          kind: 'failure',
          tUs: this.us(ev.tNs),
          reason: `${t?.info.label ?? `thread ${ev.tid}`}: ${ev.reason}`,
          ...(t !== undefined ? { actor: t.info.id } : {}),
          ...(task >= 0 ? { task } : {}),
        });
        return;
      }
      case 'end':
        if (pid === this.rootPid)
          this.end = { tUs: this.us(ev.tNs), status: ev.status, reason: ev.reason };
        return;
    }
  }

  private mainTid(pid: number): number {
    return pid;
  }

  /** A task step: running on the task lane, minus the wrapped calls made inside it. */
  private step(key: string, tid: number, start: number, end: number): void {
    const task = this.task(key);
    const t = this.threads.get(tid);
    if (task < 0 || t === undefined) return;
    this.taskActor.set(task, t.info.id);
    const calls = (this.taskCalls.get(task) ?? []).filter((c) => c.end > start && c.start < end);
    this.taskCalls.delete(task);
    calls.sort((a, b) => a.start - b.start);
    let at = start;
    for (const c of calls) {
      const s = Math.max(c.start, start);
      const e = Math.min(c.end, end);
      if (s > at) this.runningPiece(t, task, at, s);
      this.slice(LANE_TASK, t.info.id, task, c.state, -1, s, e);
      at = Math.max(at, e);
    }
    if (end > at) this.runningPiece(t, task, at, end);
  }

  private runningPiece(t: ThreadRec, task: number, start: number, end: number): void {
    this.slice(LANE_TASK, t.info.id, task, 'running', -1, start, end);
    if (!this.options.sampled) this.pushActor(t, 'running', -1, task, start, end);
  }

  private slice(
    lane: number,
    actor: number,
    task: number,
    state: SliceState,
    core: number,
    start: number,
    end: number,
  ): void {
    if (!(end > start)) return;
    this.out.push(lane, actor, task, STATE_CODE[state], core, start, end);
  }

  /** Appends to a thread's actor lane, merging with the previous piece where it continues it. */
  private pushActor(
    t: ThreadRec,
    state: SliceState | undefined,
    core: number,
    task: number,
    start: number,
    end: number,
  ): void {
    if (!(end > start)) return;
    const p = t.pending;
    if (
      p !== undefined &&
      state !== undefined &&
      p.state === state &&
      p.core === core &&
      p.task === task &&
      start - p.end < 1
    ) {
      p.end = Math.max(p.end, end);
      return;
    }
    if (p !== undefined) this.slice(LANE_ACTOR, t.info.id, p.task, p.state, p.core, p.start, p.end);
    t.pending = state === undefined ? undefined : { state, core, task, start, end };
  }

  private layOut(proc: ProcRec, horizonUs: number): void {
    for (const tid of proc.threads) {
      const t = this.threads.get(tid);
      if (t === undefined) continue;
      let i = 0;
      for (; i < t.samples.length; i++) {
        const s = t.samples[i];
        if (s === undefined || s.tUs > horizonUs) break;
        if (t.prev !== undefined) this.tick(proc, t, t.prev, s);
        else this.beforeFirstSample(t, s.tUs);
        t.prev = s;
      }
      if (i > 0) t.samples.splice(0, i);
    }
  }

  /** Covers that began before the sampler first saw the thread (a child's spawning period). */
  private beforeFirstSample(t: ThreadRec, firstUs: number): void {
    for (const v of t.covers)
      if (v.start < firstUs)
        this.pushActor(t, v.state, -1, v.task, v.start, Math.min(v.end, firstUs));
  }

  private offState(proc: ProcRec, p: ThreadSample, c: ThreadSample): SliceState | undefined {
    const seen = c.state !== 'R' ? c : p.state !== 'R' ? p : undefined;
    if (seen?.state === 'D') return 'io-wait';
    const cls = seen === undefined ? undefined : syscallClass(seen.sys);
    const gilPossible = this.options.inferGil && proc.gil && this.liveThreads(proc) >= 2;
    switch (cls) {
      case 'futex':
        return gilPossible ? 'gil-wait' : undefined;
      case 'io':
        return 'io-wait';
      case 'sleep':
        return 'sleeping';
      case 'other':
        return undefined;
      case undefined:
        // Not seen blocked (it went off and back between samples) or syscall unreadable.
        return gilPossible ? 'gil-wait' : undefined;
    }
  }

  private liveThreads(proc: ProcRec): number {
    let n = 0;
    for (const tid of proc.threads) if (this.threads.get(tid)?.ended === false) n++;
    return n;
  }

  /** Lays out one tick [p.tUs, c.tUs] of thread t. */
  private tick(proc: ProcRec, t: ThreadRec, p: ThreadSample, c: ThreadSample): void {
    const a = p.tUs;
    const b = c.tUs;
    if (!(b > a)) return;
    // Covered parts of the tick, in order: wrapped calls, spawning, a call still open.
    const covers = t.covers.filter((v) => v.end > a && v.start < b);
    if (t.open !== undefined && t.open.start < b)
      covers.push({ start: t.open.start, end: b, state: t.open.state, task: t.open.task });
    covers.sort((x, y) => x.start - y.start);
    t.covers = t.covers.filter((v) => v.end > b);
    const free: [number, number][] = [];
    const pieces: { start: number; end: number; cover: Interval | undefined }[] = [];
    let at = a;
    for (const v of covers) {
      const s = Math.max(v.start, at);
      const e = Math.min(v.end, b);
      if (s > at) pieces.push({ start: at, end: s, cover: undefined });
      if (e > s) pieces.push({ start: s, end: e, cover: v });
      at = Math.max(at, e);
    }
    if (b > at) pieces.push({ start: at, end: b, cover: undefined });
    for (const pc of pieces) if (pc.cover === undefined) free.push([pc.start, pc.end]);
    const freeUs = free.reduce((sum, [s, e]) => sum + e - s, 0);
    const len = b - a;
    const onUs = Math.min(Math.max(0, (c.onNs - p.onNs) / 1000), len);
    const rqUs = Math.min(Math.max(0, (c.rqNs - p.rqNs) / 1000), len);
    const run = Math.min(onUs, freeUs);
    const rq = Math.min(rqUs, freeUs - run);
    const off = freeUs - run - rq;
    // Run-queue time that does not fit in the free time came at the end of a wait the tracer
    // wrapped (a woken thread queues for a core before the call returns): carve it out of the
    // last wait that ended in this tick, as the Node recorder does at a wake-up.
    const carveTarget = [...pieces]
      .reverse()
      .find((pc) => pc.cover !== undefined && pc.cover.state !== 'spawning' && pc.cover.end <= b);
    const carve =
      carveTarget === undefined || rqUs - rq < MIN_CARVE_US
        ? 0
        : Math.min(rqUs - rq, carveTarget.end - carveTarget.start);
    const offState = this.offState(proc, p, c);
    const startR = p.state === 'R';
    const endR = c.state === 'R';
    const early = p.core >= 0 ? p.core : c.core;
    type Seg = readonly [SliceState | undefined, number, number];
    let order: Seg[];
    if (startR && endR)
      order = [
        ['running', run / 2, early],
        [offState, off, -1],
        ['preempted', rq, -1],
        ['running', run / 2, c.core],
      ];
    else if (startR)
      order = [
        ['preempted', rq, -1],
        ['running', run, c.core],
        [offState, off, -1],
      ];
    else if (endR)
      order = [
        [offState, off, -1],
        ['preempted', rq, -1],
        ['running', run, c.core],
      ];
    else
      order = [
        [offState, off / 2, -1],
        ['preempted', rq, -1],
        ['running', run, c.core],
        [offState, off / 2, -1],
      ];
    // Walk the pieces in time order; free pieces take the laid-out segments in order.
    let seg = 0;
    let segLeft = order[0]?.[1] ?? 0;
    for (const pc of pieces) {
      if (pc.cover !== undefined) {
        const cut = pc === carveTarget ? pc.end - carve : pc.end;
        this.pushActor(t, pc.cover.state, -1, pc.cover.task, pc.start, cut);
        if (cut < pc.end) this.pushActor(t, 'preempted', -1, pc.cover.task, cut, pc.end);
        continue;
      }
      let s = pc.start;
      while (s < pc.end - 1e-6 && seg < order.length) {
        const o = order[seg];
        if (o === undefined) break;
        if (segLeft <= 1e-6) {
          seg++;
          segLeft = order[seg]?.[1] ?? 0;
          continue;
        }
        const take = Math.min(segLeft, pc.end - s);
        this.pushActor(t, o[0], o[2], -1, s, s + take);
        s += take;
        segLeft -= take;
      }
    }
  }

  /** Emits what has accumulated (slices, new task infos) as events. */
  flush(): void {
    if (this.newTasks.length > 0) {
      this.emit({ kind: 'tasks', tasks: this.newTasks });
      this.newTasks = [];
    }
    if (this.out.length >= SLICE_STRIDE) {
      this.emit({ kind: 'slices', data: Float64Array.from(this.out) });
      this.out = [];
    }
  }

  /** The run is over: lay out every tick left, close open calls and pending slices. */
  finish(endUs: number): void {
    for (const proc of this.procs.values()) this.layOut(proc, Infinity);
    for (const t of this.threads.values()) {
      if (!this.options.sampled && t.open !== undefined)
        this.pushActor(t, t.open.state, -1, t.open.task, t.open.start, endUs);
      this.pushActor(t, undefined, -1, -1, endUs, endUs + 1);
    }
    this.flush();
  }
}
