// The machine the tests run on, as the app sees it: it draws one lane per logical core that
// os.cpus() lists (not availableParallelism(), which a CPU affinity mask or a container's cpuset
// can lower). Tests must hold on 1, 2, 4 or 16 cores.
import { cpus } from 'node:os';

/** How many core lanes the app draws on this machine. */
export const CORES = cpus().length;

/**
 * Running slices per core lane the app shows for an opened trace whose cores hold `counts`: it
 * draws a lane for every core of this machine and of the trace, whichever has more.
 */
export function lanesFor(counts: readonly number[]): number[] {
  return Array.from({ length: Math.max(CORES, counts.length) }, (_, c) => counts[c] ?? 0);
}
