// The cores limit: restricts the program under study (worker threads, child processes and all
// their threads) to the first k cores this process may use. Node has no affinity API, so on
// Linux this runs util-linux's `taskset` on each worker right after it reports ready and before
// it gets any work, then reads /proc/<pid>/task/<tid>/status to confirm the kernel applied it.
// Elsewhere (or without taskset) the limit is unavailable and says why.
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { platform } from 'node:os';

export interface AffinitySupport {
  readonly supported: boolean;
  /** Plain words: how the limit works here, or why it cannot. */
  readonly note: string;
  /** Cores this process may run on (Linux), in order. */
  readonly allowed: readonly number[];
}

/** "0-2,5,7-8" → [0, 1, 2, 5, 7, 8]; [] for anything malformed. */
export function parseCpuList(text: string): number[] {
  const out: number[] = [];
  for (const part of text.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (m === null) return [];
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b - a > 4096) return [];
    for (let c = a; c <= b; c++) out.push(c);
  }
  return out;
}

export function formatCpuList(cores: readonly number[]): string {
  return cores.join(',');
}

/** The Cpus_allowed_list line of a /proc status text. */
export function parseAllowedList(status: string): number[] {
  const m = /^Cpus_allowed_list:\s*(\S+)/m.exec(status);
  return m?.[1] === undefined ? [] : parseCpuList(m[1]);
}

/** Cores a thread may run on now, from /proc (Linux). */
export function threadAllowed(pid: number, tid: number): number[] {
  return parseAllowedList(readFileSync(`/proc/${pid}/task/${tid}/status`, 'latin1'));
}

let cached: AffinitySupport | undefined;

export function affinitySupport(): AffinitySupport {
  if (cached !== undefined) return cached;
  cached = probe();
  return cached;
}

function probe(): AffinitySupport {
  if (platform() !== 'linux') {
    return {
      supported: false,
      note: `${platform()} offers no way to restrict a thread to chosen cores from Node: the cores limit works on Linux only.`,
      allowed: [],
    };
  }
  let allowed: number[] = [];
  try {
    allowed = parseAllowedList(readFileSync('/proc/self/status', 'latin1'));
  } catch {
    // handled below
  }
  if (allowed.length === 0) {
    return {
      supported: false,
      note: 'Linux, but /proc/self/status shows no Cpus_allowed_list: the cores limit is unavailable.',
      allowed,
    };
  }
  const probeRun = spawnSync('taskset', ['-p', String(process.pid)], {
    encoding: 'utf8',
    timeout: 2000,
  });
  if (probeRun.error !== undefined || probeRun.status !== 0) {
    return {
      supported: false,
      note: 'Linux, but the taskset command (util-linux) is not installed or not allowed here: the cores limit is unavailable.',
      allowed,
    };
  }
  return {
    supported: true,
    note: `Linux: taskset pins every worker thread and child process to the first k of cores ${formatCpuList(allowed)}.`,
    allowed,
  };
}

/** Why a run with this cores limit cannot start here, or undefined when it can. */
export function coresLimitError(cores: number | undefined): string | undefined {
  if (cores === undefined) return undefined;
  const support = affinitySupport();
  if (!support.supported) return `the cores limit is unavailable here: ${support.note}`;
  if (cores > support.allowed.length)
    return `cores must be from 1 to ${support.allowed.length} (the cores this process may use)`;
  return undefined;
}

/** The cores a run limited to k uses: the first k this process may run on. */
export function limitedCores(k: number): number[] {
  return affinitySupport().allowed.slice(0, k);
}

function taskset(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('taskset', [...args], { timeout: 5000 }, (error, _out, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`taskset ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
    });
  });
}

/**
 * Pins one worker thread (by OS tid), or a whole child process with all its threads, to `cores`,
 * and confirms it from /proc. Rejects with a plain reason if either step fails.
 */
export async function pinActor(
  target: { readonly kind: 'thread' | 'process'; readonly pid: number; readonly tid: number },
  cores: readonly number[],
): Promise<void> {
  const list = formatCpuList(cores);
  if (target.kind === 'process') await taskset(['-a', '-p', '-c', list, String(target.pid)]);
  else await taskset(['-p', '-c', list, String(target.tid)]);
  const now = threadAllowed(target.pid, target.tid);
  if (formatCpuList(now) !== list) {
    throw new Error(
      `asked for cores ${list} but ${target.pid}/${target.tid} may use ${formatCpuList(now)}`,
    );
  }
}
