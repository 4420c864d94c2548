// Helpers for the engine's tests: run to the end on the built worker entries, and list what this
// process has left behind (child processes, extra OS threads).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseRunParams } from '../../shared/scenarios';
import type { RunParamsInput } from '../../shared/params';
import { RunStore } from '../../shared/run-store';
import { parseStat } from '../../shared/proc-parse';
import { defaultEntries, startRun } from './engine';
import type { RunSummary, StartOptions } from './types';

export const ENTRIES = defaultEntries(join(__dirname, '../../../out/node'));

export interface Finished {
  readonly store: RunStore;
  readonly summary: RunSummary;
}

export async function runToEnd(
  input: RunParamsInput,
  extra: Omit<StartOptions, 'entries'> = {},
): Promise<Finished> {
  const parsed = parseRunParams(input, 2);
  if (!parsed.ok) throw new Error(parsed.error);
  const handle = startRun(parsed.params, { entries: ENTRIES, ...extra });
  const store = new RunStore(handle.meta);
  for await (const ev of handle.events) store.apply(ev);
  return { store, summary: await handle.summary };
}

/** Pids of live processes whose parent is `parent` (this process by default; Linux). */
export function childPids(parent = process.pid): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'latin1'));
      if (stat !== undefined && stat.ppid === parent && stat.state !== 'Z') out.push(stat.pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Number of OS threads of this process. */
export function threadCount(): number {
  return readdirSync('/proc/self/task').length;
}
