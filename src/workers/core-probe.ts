// Reads, on the calling thread itself, which core it is on and how long it has waited on the run
// queue. Linux only (/proc/self/task/<tid>/stat field 39 and schedstat); elsewhere it is absent
// and the trace says cores were not observable instead of inventing one.
import { closeSync, openSync, readSync, readlinkSync } from 'node:fs';
import { parseSchedstatDelay, parseSchedstatOnCpu, parseStatCore } from '../shared/proc-parse';

export interface CoreSample {
  readonly core: number;
  /** Cumulative nanoseconds this thread spent runnable but waiting for a core. */
  readonly runDelayNs: number;
  /** Cumulative nanoseconds this thread spent on a core (may lag by up to a scheduler tick). */
  readonly onCpuNs: number;
}

export interface CoreProbe {
  read(): CoreSample;
  /** The core alone (one /proc read instead of two). */
  readCore(): number;
  close(): void;
}

export interface ThreadIdentity {
  readonly pid: number;
  readonly tid: number;
  readonly probe: CoreProbe | undefined;
}

export function identifyThread(): ThreadIdentity {
  if (process.platform !== 'linux') return { pid: process.pid, tid: process.pid, probe: undefined };
  try {
    // "<pid>/task/<tid>"
    const link = readlinkSync('/proc/thread-self');
    const tid = Number(link.split('/')[2]);
    if (!Number.isInteger(tid)) return { pid: process.pid, tid: process.pid, probe: undefined };
    const statFd = openSync(`/proc/self/task/${tid}/stat`, 'r');
    const schedFd = openSync(`/proc/self/task/${tid}/schedstat`, 'r');
    const buf = Buffer.alloc(1024);
    const readText = (fd: number): string => {
      const n = readSync(fd, buf, 0, buf.length, 0);
      return buf.toString('latin1', 0, n);
    };
    const probe: CoreProbe = {
      read: () => {
        const core = parseStatCore(readText(statFd));
        const sched = readText(schedFd);
        return {
          core,
          runDelayNs: parseSchedstatDelay(sched),
          onCpuNs: parseSchedstatOnCpu(sched),
        };
      },
      readCore: () => parseStatCore(readText(statFd)),
      close: () => {
        closeSync(statFd);
        closeSync(schedFd);
      },
    };
    return probe.read().core >= 0
      ? { pid: process.pid, tid, probe }
      : { pid: process.pid, tid, probe: undefined };
  } catch {
    return { pid: process.pid, tid: process.pid, probe: undefined };
  }
}
