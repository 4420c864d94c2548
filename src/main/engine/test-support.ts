// Helpers for the engine's tests: run to the end on the built worker entries, and list what this
// process has left behind (child processes, extra OS threads).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANE_ACTOR } from '../../shared/events';
import { parseRunParams } from '../../shared/scenarios';
import { STATE_CODE, type SliceState } from '../../shared/states';
import type { RunParamsInput } from '../../shared/params';
import { RunStore } from '../../shared/run-store';
import { parseStat } from '../../shared/proc-parse';
import { sliceRows, type SliceRow } from '../../shared/test-figures';
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

export type Slice = SliceRow;

/** The recorded slices of a run, filtered by lane kind (actor lanes by default) and state. */
export function slicesOf(
  store: RunStore,
  { lane = LANE_ACTOR, state }: { lane?: number; state?: SliceState } = {},
): Slice[] {
  return sliceRows(store.slices).filter(
    (r) => r.lane === lane && (state === undefined || r.state === STATE_CODE[state]),
  );
}

/** Most slices that overlap at any instant (touching ends do not overlap). */
export function maxOverlap(slices: readonly Slice[]): number {
  const edges: [number, number][] = [];
  for (const s of slices) if (s.end > s.start) edges.push([s.start, 1], [s.end, -1]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of edges) max = Math.max(max, (cur += d));
  return max;
}

/** Fields of /proc/<pid>/stat after the parenthesised name (which may hold spaces or ')'). */
function statFields(pid: number): string[] | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'latin1'))?.rest.slice();
  } catch {
    return undefined; // the process ended while we looked
  }
}

/** Whether `pid` is a live process (a zombie has exited; it is only not yet reaped). */
export function alive(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z';
}

/** CPU time `pid` has used (user + system), in clock ticks (10 ms on Linux). */
export function cpuTicks(pid: number): number {
  const f = statFields(pid);
  return f ? Number(f[11]) + Number(f[12]) : 0;
}

/** Pids of live processes whose parent is `parent` (Linux). */
export function childrenOf(parent: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f !== undefined && Number(f[1]) === parent && f[0] !== 'Z') out.push(Number(name));
  }
  return out;
}

/** Pids of live processes whose parent is this process (Linux). */
export function childPids(): number[] {
  return childrenOf(process.pid);
}
