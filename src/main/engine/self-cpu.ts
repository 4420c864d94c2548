// CPU time of the engine's own thread (the event loop that receives the workers' batches,
// batches them for the window and serves the host), so a run can say what its observer cost.
// Linux: /proc/thread-self/schedstat, nanoseconds on a CPU, read on this thread. Elsewhere the
// per-process process.cpuUsage() would also count worker threads, so nothing is claimed.
import { readFileSync } from 'node:fs';

function threadNs(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns : undefined;
  } catch {
    return undefined;
  }
}

/** Starts measuring; the returned function gives the ms this thread ran since (or undefined). */
export function measureSelfCpu(): () => number | undefined {
  const start = threadNs();
  return () => {
    const end = threadNs();
    return start === undefined || end === undefined ? undefined : (end - start) / 1e6;
  };
}
