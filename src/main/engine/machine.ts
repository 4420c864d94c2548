// Facts about this machine that every run records, including whether per-core placement can be
// observed at all (Linux /proc only).
import { readFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import type { MachineInfo } from '../../shared/events';
import { parseStatCore } from '../../shared/proc-parse';
import { affinitySupport } from './affinity';

export function machineInfo(): MachineInfo {
  const list = cpus();
  const limit = affinitySupport();
  let observable = false;
  let note: string;
  if (platform() === 'linux') {
    try {
      observable = parseStatCore(readFileSync('/proc/thread-self/stat', 'latin1')) >= 0;
      note = observable
        ? 'Linux: each thread reads its core from /proc/thread-self/stat (field 39).'
        : 'Linux, but /proc/thread-self/stat gave no core: placement is not shown.';
    } catch {
      note = 'Linux, but /proc/thread-self is not readable here: placement is not shown.';
    }
  } else {
    note = `${platform()} does not tell a thread which core it runs on: per-core placement is not shown, only per-thread timelines.`;
  }
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown CPU',
    logicalCores: list.length,
    platform: platform(),
    release: release(),
    arch: arch(),
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    runtime: `Node ${process.versions.node}${process.versions.electron ? `, Electron ${process.versions.electron}` : ''}`,
    coresObservable: observable,
    coresNote: note,
    coresLimitable: limit.supported,
    coresLimitNote: limit.note,
  };
}
