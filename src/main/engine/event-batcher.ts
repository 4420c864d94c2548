// Coalesces a run's events into at most one message per interval (an animation frame), merging
// consecutive slice batches into one buffer so a window gets few, large messages.
import { SLICE_STRIDE, type RunEvent } from '../../shared/events';

export class EventBatcher {
  private pending: RunEvent[] = [];
  private slices: Float64Array[] = [];
  private sliceLen = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (events: readonly RunEvent[]) => void,
    private readonly intervalMs: number,
  ) {}

  push(ev: RunEvent): void {
    if (ev.kind === 'slices') {
      this.slices.push(ev.data);
      this.sliceLen += ev.data.length;
    } else {
      // Keep order: slices seen so far go before this event.
      this.mergeSlices();
      this.pending.push(ev);
    }
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  private mergeSlices(): void {
    if (this.sliceLen === 0) return;
    const data = new Float64Array(this.sliceLen - (this.sliceLen % SLICE_STRIDE));
    let o = 0;
    for (const s of this.slices) {
      data.set(s, o);
      o += s.length;
    }
    this.pending.push({ kind: 'slices', data });
    this.slices = [];
    this.sliceLen = 0;
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.mergeSlices();
    if (this.pending.length === 0) return;
    const out = this.pending;
    this.pending = [];
    this.send(out);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
