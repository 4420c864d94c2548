// Accumulates a run's event stream into columnar buffers. The CLI, the trace writer, the summary
// and the renderer all read runs through this one structure.
import {
  F_ACTOR,
  F_CORE,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  LANE_ACTOR,
  SLICE_STRIDE,
  type ActorInfo,
  type FailureInfo,
  type RunEvent,
  type RunMeta,
  type TaskInfo,
} from './events';
import { STATE_CODE, assertNever } from './states';

export interface OsSample {
  readonly tUs: number;
  readonly busy: readonly number[];
}

export class RunStore {
  readonly actors = new Map<number, ActorInfo>();
  readonly tasks = new Map<number, TaskInfo>();
  readonly tasksDone = new Map<number, number>();
  readonly os: OsSample[] = [];
  readonly failures: FailureInfo[] = [];
  private buf = new Float64Array(SLICE_STRIDE * 1024);
  private count = 0;
  /** Latest end time seen in any slice, µs. */
  endUs = 0;

  constructor(readonly meta: RunMeta | undefined = undefined) {}

  get sliceCount(): number {
    return this.count;
  }

  /** The live slice columns (length sliceCount * SLICE_STRIDE). Do not keep across appends. */
  get slices(): Float64Array {
    return this.buf.subarray(0, this.count * SLICE_STRIDE);
  }

  apply(ev: RunEvent): void {
    switch (ev.kind) {
      case 'actor':
        this.actors.set(ev.actor.id, ev.actor);
        break;
      case 'tasks':
        for (const t of ev.tasks) this.tasks.set(t.id, t);
        break;
      case 'slices':
        this.appendSlices(ev.data);
        break;
      case 'os':
        this.os.push({ tUs: ev.tUs, busy: ev.busy });
        break;
      case 'task-done':
        this.tasksDone.set(ev.task, ev.tUs);
        if (ev.tUs > this.endUs) this.endUs = ev.tUs;
        break;
      case 'failure': {
        const f: FailureInfo = { reason: ev.reason };
        this.failures.push({
          ...f,
          ...(ev.actor !== undefined ? { actor: ev.actor } : {}),
          ...(ev.task !== undefined ? { task: ev.task } : {}),
        });
        break;
      }
      default:
        assertNever(ev);
    }
  }

  appendSlices(data: Float64Array): void {
    const n = Math.floor(data.length / SLICE_STRIDE);
    const need = (this.count + n) * SLICE_STRIDE;
    if (need > this.buf.length) {
      let cap = this.buf.length;
      while (cap < need) cap *= 2;
      const next = new Float64Array(cap);
      next.set(this.buf.subarray(0, this.count * SLICE_STRIDE));
      this.buf = next;
    }
    this.buf.set(data.subarray(0, n * SLICE_STRIDE), this.count * SLICE_STRIDE);
    for (let i = 0; i < n; i++) {
      const end = data[i * SLICE_STRIDE + F_END] ?? 0;
      if (end > this.endUs) this.endUs = end;
    }
    this.count += n;
  }

  /** Sum of running time on actor lanes, ms. */
  cpuMs(): number {
    let us = 0;
    const s = this.slices;
    for (let o = 0; o < s.length; o += SLICE_STRIDE) {
      if (s[o + F_LANE] === LANE_ACTOR && s[o + F_STATE] === STATE_CODE.running) {
        us += (s[o + F_END] ?? 0) - (s[o + F_START] ?? 0);
      }
    }
    return us / 1000;
  }

  /** Our running time on each core divided by wallUs; empty when no slice names a core. */
  coreBusy(cores: number, wallUs: number): number[] {
    const busy = new Array<number>(cores).fill(0);
    let any = false;
    const s = this.slices;
    for (let o = 0; o < s.length; o += SLICE_STRIDE) {
      if (s[o + F_LANE] !== LANE_ACTOR || s[o + F_STATE] !== STATE_CODE.running) continue;
      const core = s[o + F_CORE] ?? -1;
      if (core < 0 || core >= cores) continue;
      any = true;
      busy[core] = (busy[core] ?? 0) + (s[o + F_END] ?? 0) - (s[o + F_START] ?? 0);
    }
    return any && wallUs > 0 ? busy.map((b) => Math.min(1, b / wallUs)) : [];
  }

  /** Mean OS busy fraction per core across the samples. */
  osBusy(): number[] {
    if (this.os.length === 0) return [];
    const cores = this.os[0]?.busy.length ?? 0;
    const sum = new Array<number>(cores).fill(0);
    for (const s of this.os)
      for (let c = 0; c < cores; c++) sum[c] = (sum[c] ?? 0) + (s.busy[c] ?? 0);
    return sum.map((v) => v / this.os.length);
  }

  /** Distinct actor ids that have at least one slice of the given lane kind. */
  actorsWithSlices(): number[] {
    const seen = new Set<number>();
    const s = this.slices;
    for (let o = 0; o < s.length; o += SLICE_STRIDE) seen.add(s[o + F_ACTOR] ?? -1);
    return [...seen].sort((a, b) => a - b);
  }
}
