// Runs one plan on a pool of workers: spawns them (recording the spawn), aligns clocks, hands out
// units as workers become free (like multiprocessing.Pool), turns crashes into recorded failures,
// and tears everything down on completion, cancel or time-out.
import {
  F_END,
  F_START,
  LANE_ACTOR,
  SLICE_STRIDE,
  type ActorInfo,
  type ActorKind,
  type FailureInfo,
  type RunEvent,
  type RunStatus,
} from '../../shared/events';
import type { RunParams } from '../../shared/params';
import { fibCalls } from '../../shared/scenarios';
import { STATE_CODE, assertNever } from '../../shared/states';
import { GIL_BUFFER_BYTES, type FromWorker, type WorkUnit } from '../../shared/worker-protocol';
import { limitedCores, pinActor } from './affinity';
import type { Plan } from './plan';
import type { StartOptions } from './types';
import { startProcess, startThread, type WorkerHandle } from './worker-handle';

const CLOCK_PINGS = 8;
const STOP_GRACE_MS = 500;

interface Slot {
  readonly actor: number;
  readonly handle: WorkerHandle;
  readonly spawnUs: number;
  info: ActorInfo;
  alive: boolean;
  ready: boolean;
  unit: number | undefined;
  pingSeq: number;
  pingSentNs: bigint;
  bestRttUs?: number;
  bestOffsetUs?: number;
}

export interface ControllerResult {
  readonly status: RunStatus;
  readonly lastUnitUs: number;
  readonly failures: readonly FailureInfo[];
  readonly clockOffsetUs: number | undefined;
  readonly clockRttUs: number | undefined;
  /** Sequential/async: how long CoreScope took to start the thread hosting the program (µs). */
  readonly hostStartUs: number | undefined;
}

/**
 * Sequential and async programs run on one worker thread that is CoreScope's machinery, not part
 * of the program (Python's `asyncio.run` has no such cost): their run's clock starts when the
 * program starts, and the host's start-up is reported apart. Pools keep spawning in wall time,
 * as Python's own timing of a `Pool` does.
 */
export function hostsProgram(model: RunParams['model']): boolean {
  return model === 'sequential' || model === 'async';
}

export function unitTasks(unit: WorkUnit): number[] {
  if (unit.kind === 'synthetic') return [];
  if (unit.kind === 'fib') {
    const count = unit.single ? 1 : fibCalls(unit.n);
    return Array.from({ length: count }, (_, i) => unit.task + i);
  }
  return unit.items.map((it) => it.task);
}

export class RunController {
  private readonly slots: Slot[] = [];
  private next = 0;
  private doneUnits = 0;
  private lastUnitUs = 0;
  private readonly failures: FailureInfo[] = [];
  private readonly done = new Set<number>();
  private status: RunStatus = 'completed';
  private finishing = false;
  private killAll = false;
  private resolveEnd: () => void = () => undefined;
  private clockOffsetUs: number | undefined;
  private clockRttUs: number | undefined;
  /** Subtracted from every time after a hosted program starts: its start is the run's zero. */
  private shiftUs = 0;
  private hostStartUs: number | undefined;
  /** Cores every worker is pinned to (the cores limit), or undefined for no limit. */
  private readonly pinTo: readonly number[] | undefined;

  constructor(
    private readonly params: RunParams,
    private readonly plan: Plan,
    private readonly origin: bigint,
    private readonly options: StartOptions,
    private readonly emit: (ev: RunEvent) => void,
  ) {
    this.pinTo = params.cores === undefined ? undefined : limitedCores(params.cores);
  }

  private nowUs(): number {
    return Number(process.hrtime.bigint() - this.origin) / 1000 - this.shiftUs;
  }

  /** µs between the engine's origin and the run's zero (non-zero for a hosted program). */
  get timeShiftUs(): number {
    return this.shiftUs;
  }

  async run(): Promise<ControllerResult> {
    const ended = new Promise<void>((resolve) => (this.resolveEnd = resolve));
    const gil =
      this.params.model === 'gil-threads' ? new SharedArrayBuffer(GIL_BUFFER_BYTES) : undefined;
    for (let actor = 0; actor < this.plan.poolSize; actor++) this.spawn(actor, gil);
    if (this.plan.units.length === 0) this.finish('completed');
    await ended;
    await this.teardown();
    return {
      status: this.status,
      lastUnitUs: this.lastUnitUs,
      failures: this.failures,
      clockOffsetUs: this.clockOffsetUs,
      clockRttUs: this.clockRttUs,
      hostStartUs: this.hostStartUs,
    };
  }

  private actorKind(): ActorKind {
    if (this.params.model === 'processes') return 'process';
    return this.params.model === 'async' ? 'event-loop' : 'thread';
  }

  /** Short names: the UI and the trace show pid and tid beside them. */
  private label(actor: number): string {
    switch (this.params.model) {
      case 'processes':
        return `process ${actor + 1}`;
      case 'async':
        return 'event loop';
      case 'sequential':
        return 'main thread';
      case 'threads':
      case 'gil-threads':
        return `thread ${actor + 1}`;
      default:
        return assertNever(this.params.model);
    }
  }

  private spawn(actor: number, gil: SharedArrayBuffer | undefined): void {
    const spawnUs = this.nowUs();
    const listener = {
      message: (m: FromWorker) => this.onMessage(slot, m),
      exit: (failure: string | undefined) => this.onExit(slot, failure),
    };
    const entries = this.options.entries;
    const handle =
      this.params.model === 'processes'
        ? startProcess(entries.process, listener)
        : startThread(entries.thread, listener);
    const kind = this.actorKind();
    const slot: Slot = {
      actor,
      handle,
      spawnUs,
      info: { id: actor, kind, label: this.label(actor), pid: handle.pid, tid: 0 },
      alive: true,
      ready: false,
      unit: undefined,
      pingSeq: 0,
      pingSentNs: 0n,
    };
    this.slots.push(slot);
    this.emit({ kind: 'actor', actor: slot.info });
    handle.send({
      kind: 'init',
      actorId: actor,
      originNs: this.origin.toString(),
      trace: this.params.trace,
      ...(gil ? { gil } : {}),
      ...(this.options.fault ? { fault: this.options.fault } : {}),
    });
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    switch (m.kind) {
      case 'ready': {
        slot.info = { ...slot.info, pid: m.pid, tid: m.tid };
        this.emit({ kind: 'actor', actor: slot.info });
        if (this.pinTo === undefined) this.ping(slot);
        else this.pin(slot, this.pinTo);
        return;
      }
      case 'pong': {
        const t1 = process.hrtime.bigint();
        const rtt = Number(t1 - slot.pingSentNs) / 1000;
        const mid = slot.pingSentNs + (t1 - slot.pingSentNs) / 2n;
        const offset = Math.abs(Number(BigInt(m.nowNs) - mid) / 1000);
        // The probe with the shortest round trip bounds the offset best.
        if (slot.bestRttUs === undefined || rtt < slot.bestRttUs) {
          slot.bestRttUs = rtt;
          slot.bestOffsetUs = offset;
        }
        if (slot.pingSeq < CLOCK_PINGS) {
          this.ping(slot);
          return;
        }
        if (this.clockOffsetUs === undefined || (slot.bestOffsetUs ?? 0) > this.clockOffsetUs) {
          this.clockOffsetUs = slot.bestOffsetUs;
          this.clockRttUs = slot.bestRttUs;
        }
        const t = this.nowUs();
        if (hostsProgram(this.params.model) && this.hostStartUs === undefined) {
          // The program starts now: from here on every time counts from this moment.
          this.hostStartUs = t - slot.spawnUs;
          this.shiftUs += t;
        } else if (this.params.trace) {
          this.emitSlice(slot.actor, -1, STATE_CODE.spawning, slot.spawnUs, t);
        }
        slot.ready = true;
        this.dispatch(slot);
        return;
      }
      case 'slices':
        this.emit({ kind: 'slices', data: this.shifted(m.data) });
        return;
      case 'task-done':
        this.done.add(m.task);
        this.emit({ kind: 'task-done', task: m.task, tUs: m.tUs - this.shiftUs });
        return;
      case 'unit-done':
        this.lastUnitUs = Math.max(this.lastUnitUs, m.tUs - this.shiftUs);
        this.unitFinished(slot);
        return;
      case 'unit-failed':
        this.fail({ actor: slot.actor, reason: m.reason }, slot.unit);
        this.unitFinished(slot);
        return;
    }
  }

  /** The cores limit: pinned before the clock probe, so no unit ever runs unpinned. */
  private pin(slot: Slot, cores: readonly number[]): void {
    const target = { kind: slot.handle.kind, pid: slot.info.pid, tid: slot.info.tid };
    pinActor(target, cores).then(
      () => {
        if (slot.alive && !this.finishing) this.ping(slot);
      },
      (e: unknown) => {
        if (this.finishing) return;
        const why = e instanceof Error ? e.message : String(e);
        this.finish(
          'failed',
          `${slot.info.label}: could not limit it to the chosen cores: ${why}`,
          true,
        );
      },
    );
  }

  private ping(slot: Slot): void {
    slot.pingSeq++;
    slot.pingSentNs = process.hrtime.bigint();
    slot.handle.send({ kind: 'ping', seq: slot.pingSeq });
  }

  /** Workers stamp times from the engine's origin: move them to the run's zero, in place. */
  private shifted(data: Float64Array): Float64Array {
    const shift = this.shiftUs;
    if (shift === 0) return data;
    for (let o = 0; o + SLICE_STRIDE <= data.length; o += SLICE_STRIDE) {
      data[o + F_START] = (data[o + F_START] ?? 0) - shift;
      data[o + F_END] = (data[o + F_END] ?? 0) - shift;
    }
    return data;
  }

  private emitSlice(actor: number, task: number, state: number, start: number, end: number): void {
    const d = new Float64Array(SLICE_STRIDE);
    d.set([LANE_ACTOR, actor, task, state, -1, start, end]);
    this.emit({ kind: 'slices', data: d });
  }

  private dispatch(slot: Slot): void {
    if (this.finishing || !slot.alive || !slot.ready || slot.unit !== undefined) return;
    const unit = this.plan.units[this.next];
    if (unit === undefined) return;
    slot.unit = this.next++;
    slot.handle.send({ kind: 'run', unitId: slot.unit, unit });
  }

  private unitFinished(slot: Slot): void {
    slot.unit = undefined;
    this.doneUnits++;
    if (this.doneUnits >= this.plan.units.length)
      this.finish(this.failures.length > 0 ? 'failed' : 'completed');
    else this.dispatch(slot);
  }

  private fail(f: FailureInfo, unitIndex: number | undefined): void {
    const t = this.nowUs();
    this.failures.push(f);
    this.emit({
      kind: 'failure',
      tUs: t,
      reason: f.reason,
      ...(f.actor !== undefined ? { actor: f.actor } : {}),
    });
    const unit = unitIndex === undefined ? undefined : this.plan.units[unitIndex];
    if (unit === undefined) return;
    for (const task of unitTasks(unit)) {
      if (this.done.has(task)) continue;
      this.emit({
        kind: 'failure',
        task,
        tUs: t,
        reason: `task ${task} did not finish: ${f.reason}`,
      });
    }
  }

  private onExit(slot: Slot, failure: string | undefined): void {
    slot.alive = false;
    if (this.finishing) return;
    const reason = failure ?? 'worker stopped unexpectedly';
    this.fail({ actor: slot.actor, reason: `${slot.info.label}: ${reason}` }, slot.unit);
    if (slot.unit !== undefined) {
      slot.unit = undefined;
      this.doneUnits++;
    }
    if (this.doneUnits >= this.plan.units.length) {
      this.finish('failed');
      return;
    }
    if (!this.slots.some((s) => s.alive)) {
      // No worker left: the remaining units can never run.
      while (this.next < this.plan.units.length)
        this.fail({ reason: 'no worker left to run it' }, this.next++);
      this.finish('failed');
    }
  }

  /** Ends the run: all units done, or (with `kill`) cancel and time-out stop every worker at once. */
  finish(status: RunStatus, reason?: string, kill = false): void {
    if (this.finishing) return;
    this.finishing = true;
    this.killAll = kill;
    this.status = status;
    if (reason) {
      this.failures.push({ reason });
      this.emit({ kind: 'failure', tUs: this.nowUs(), reason });
    }
    this.resolveEnd();
  }

  private async teardown(): Promise<void> {
    const graceful = !this.killAll;
    await Promise.all(
      this.slots.map(async (s) => {
        if (!s.alive) return s.handle.exited;
        if (!graceful) return s.handle.kill();
        s.handle.stop();
        const timer = setTimeout(() => void s.handle.kill(), STOP_GRACE_MS);
        await s.handle.exited;
        clearTimeout(timer);
      }),
    );
  }
}
