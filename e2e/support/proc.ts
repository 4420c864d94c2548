// Process-tree inspection through /proc (Linux): which processes descend from a pid. Used to
// prove that no worker process outlives a cancelled run.
import { readdirSync, readFileSync } from 'node:fs';
import { parseStat } from '../../src/shared/proc-parse';

interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly state: string;
  readonly name: string;
}

function readProc(pid: number): ProcEntry | undefined {
  try {
    const stat = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return stat === undefined
      ? undefined
      : { pid, ppid: stat.ppid, state: stat.state, name: stat.name };
  } catch {
    return undefined; // exited while we looked
  }
}

/** Living descendants of `root` (zombies excluded: they have exited, only not yet reaped). */
export function descendants(root: number): ProcEntry[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is ProcEntry => p !== undefined);
  const out: ProcEntry[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop();
    for (const p of all) {
      if (p.ppid === parent) {
        frontier.push(p.pid);
        if (p.state !== 'Z') out.push(p);
      }
    }
  }
  return out;
}
