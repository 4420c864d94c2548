// Running totals for a run's summary, updated as events pass, so the engine needs no second copy
// of the slices.
import {
  F_CORE,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  LANE_ACTOR,
  SLICE_STRIDE,
  type RunEvent,
} from '../../shared/events';
import { STATE_CODE } from '../../shared/states';

export class RunStats {
  cpuUs = 0;
  slices = 0;
  tasksDone = 0;
  lastDoneUs = 0;
  private readonly coreUs: number[];
  private anyCore = false;
  private readonly osSum: number[];
  private osCount = 0;

  constructor(private readonly cores: number) {
    this.coreUs = new Array<number>(cores).fill(0);
    this.osSum = new Array<number>(cores).fill(0);
  }

  add(ev: RunEvent): void {
    if (ev.kind === 'task-done') {
      this.tasksDone++;
      this.lastDoneUs = Math.max(this.lastDoneUs, ev.tUs);
    } else if (ev.kind === 'os') {
      this.osCount++;
      ev.busy.forEach((b, i) => {
        if (i < this.cores) this.osSum[i] = (this.osSum[i] ?? 0) + b;
      });
    } else if (ev.kind === 'slices') {
      const d = ev.data;
      for (let o = 0; o + SLICE_STRIDE <= d.length; o += SLICE_STRIDE) {
        this.slices++;
        if (d[o + F_LANE] !== LANE_ACTOR || d[o + F_STATE] !== STATE_CODE.running) continue;
        const us = (d[o + F_END] ?? 0) - (d[o + F_START] ?? 0);
        this.cpuUs += us;
        const core = d[o + F_CORE] ?? -1;
        if (core >= 0 && core < this.cores) {
          this.anyCore = true;
          this.coreUs[core] = (this.coreUs[core] ?? 0) + us;
        }
      }
    }
  }

  coreBusy(wallUs: number): number[] {
    return this.anyCore && wallUs > 0 ? this.coreUs.map((u) => Math.min(1, u / wallUs)) : [];
  }

  osBusy(): number[] {
    return this.osCount === 0 ? [] : this.osSum.map((s) => s / this.osCount);
  }
}
