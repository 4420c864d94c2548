// The window's own CPU during a run, in the Electron shell: Electron's app.getAppMetrics() gives
// every process of the app with its cumulative CPU seconds, so the shell reads the window's
// renderer process and the GPU process (which rasterises and composites what it draws) when a
// run's first events reach the window and again at its end, and adds the difference to the run's
// summary (observer.rendererCpuMs). Unlike the page's own script timing (the browser host's only
// figure) this includes painting and compositing. Pure: minimal structural types instead of
// Electron's, so it is tested without the binary.
import type { RunMessage } from '../shared/contract';

/** The part of Electron's ProcessMetric read here. */
export interface ProcessMetricLike {
  readonly pid: number;
  readonly type: string;
  readonly cpu: { readonly cumulativeCPUUsage?: number };
}

/**
 * CPU seconds so far of the window's renderer (`rendererPid`) and the GPU process, or undefined
 * when either is missing or does not report cumulative usage (the figure would be a guess).
 */
export function windowCpuSeconds(
  metrics: readonly ProcessMetricLike[],
  rendererPid: number,
): number | undefined {
  const renderer = metrics.find((m) => m.pid === rendererPid);
  const r = renderer?.cpu.cumulativeCPUUsage;
  if (r === undefined || !Number.isFinite(r)) return undefined;
  // Without hardware acceleration there may be no GPU process: the renderer alone then.
  const gpu = metrics.find((m) => m.type === 'GPU')?.cpu.cumulativeCPUUsage;
  return r + (gpu !== undefined && Number.isFinite(gpu) ? gpu : 0);
}

export interface RendererMeterSource {
  readonly metrics: () => readonly ProcessMetricLike[];
  /** The window's renderer process id, or undefined when there is no window. */
  readonly rendererPid: () => number | undefined;
}

/**
 * Follows the run messages on their way to the window: notes the window's CPU at a run's first
 * message, and returns the run's end message with the CPU it used since (ms) in its summary.
 * Other messages, and ends it cannot measure, pass unchanged.
 */
export function createRendererMeter(source: RendererMeterSource): (m: RunMessage) => RunMessage {
  let run: { readonly runId: string; readonly pid: number; readonly seconds: number } | undefined;
  const read = (pid: number): number | undefined => {
    try {
      return windowCpuSeconds(source.metrics(), pid);
    } catch {
      return undefined; // metrics unavailable (the app is going away)
    }
  };
  return (m) => {
    if (m.kind === 'events') {
      if (run?.runId === m.runId) return m;
      const pid = source.rendererPid();
      const seconds = pid === undefined ? undefined : read(pid);
      run =
        pid === undefined || seconds === undefined ? undefined : { runId: m.runId, pid, seconds };
      return m;
    }
    const started = run?.runId === m.runId ? run : undefined;
    if (started !== undefined) run = undefined;
    if (m.kind !== 'end' || started === undefined) return m;
    // A different renderer (the window was reloaded into a new process) cannot be compared.
    if (source.rendererPid() !== started.pid) return m;
    const now = read(started.pid);
    if (now === undefined || now < started.seconds) return m;
    const rendererCpuMs = (now - started.seconds) * 1000;
    return {
      ...m,
      summary: { ...m.summary, observer: { ...m.summary.observer, rendererCpuMs } },
    };
  };
}
