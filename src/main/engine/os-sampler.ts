// Samples per-core busy fractions of the whole machine (every process, not only ours) from
// os.cpus() tick deltas. os.cpus() ticks every 10 ms, so 100 ms samples are good to about ±10 %.
import { cpus, type CpuInfo } from 'node:os';

export const OS_SAMPLE_MS = 100;

function busyFractions(prev: readonly CpuInfo[], next: readonly CpuInfo[]): number[] {
  return next.map((c, i) => {
    const p = prev[i];
    if (!p) return 0;
    const d = (k: keyof CpuInfo['times']): number => c.times[k] - p.times[k];
    const idle = d('idle');
    const total = d('user') + d('nice') + d('sys') + d('irq') + idle;
    return total > 0 ? Math.min(1, Math.max(0, 1 - idle / total)) : 0;
  });
}

/** Calls `emit` every OS_SAMPLE_MS with the busy fraction of each core; returns the stop function. */
export function startOsSampler(emit: (busy: number[]) => void): () => void {
  let prev = cpus();
  const timer = setInterval(() => {
    const next = cpus();
    emit(busyFractions(prev, next));
    prev = next;
  }, OS_SAMPLE_MS);
  return () => {
    clearInterval(timer);
    const next = cpus();
    emit(busyFractions(prev, next));
  };
}

export { busyFractions };
