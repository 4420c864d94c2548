// What a sweep may claim. Two questions the plot alone gets wrong:
// - the ideal: min(workers, cores) holds for models whose workers compute at once (threads,
//   processes); a one-thread model (sequential, the event loop) or threads under one GIL compute
//   on one core at a time whatever the worker count, so their ideal is 1×;
// - the fit: Amdahl's serial fraction is a property of the program only if the runs had the
//   cores to themselves. When other programs, or CoreScope's own engine and drawing, took the
//   cores (the OS counted the cores busier than the runs were, or the actors waited preempted
//   with a core each to spare), the fit measures the machine's load, and the sentence says so.
import { busyCores, pct, times } from './figure-format';
import type { Model } from './params';
import type { RunFigures } from './run-figures';
import type { RunSummary } from './events';

/** Whether more workers can put more cores to work in this model (CPU work). */
export type CoreReach =
  { readonly kind: 'parallel' } | { readonly kind: 'one-core'; readonly why: string };

export function coreReach(model: Model): CoreReach {
  switch (model) {
    case 'threads':
    case 'processes':
      return { kind: 'parallel' };
    case 'sequential':
      return { kind: 'one-core', why: 'sequential runs every task on the main thread' };
    case 'async':
      return { kind: 'one-core', why: 'async runs every task on one event loop thread' };
    case 'gil-threads':
      return { kind: 'one-core', why: 'only the thread holding the GIL computes' };
  }
}

/** The speedup perfect scaling would give this model at `workers` on `cores`. */
export function idealSpeedup(model: Model, workers: number, cores: number): number {
  return coreReach(model).kind === 'parallel' ? Math.min(workers, cores) : 1;
}

/** The load one run met: what the OS saw busy beyond the run itself, and CoreScope's own share. */
export interface RunLoad {
  /** Cores' worth of CPU other processes used during the run (OS busy − the run − CoreScope). */
  readonly otherCores: number;
  /** Cores' worth CoreScope itself (engine, drawing) used, where it was measured. */
  readonly ownCores: number;
}

/** The run's load from its figures and summary; undefined where figures or OS figures are missing. */
export function runLoad(f: RunFigures | undefined, summary: RunSummary): RunLoad | undefined {
  if (f === undefined || summary.osBusy.length === 0) return undefined;
  const osCores = summary.osBusy.reduce((a, b) => a + b, 0);
  const own = (f.observer?.engineCores ?? 0) + (f.observer?.drawCores ?? 0);
  return { otherCores: Math.max(0, osCores - f.parallelism - own), ownCores: own };
}

/** Loads below these leave a sweep's fit standing. */
export const LOAD_LIMITS = {
  /** Other processes' share, in cores, for a run to count as disturbed. */
  otherCores: 0.25,
  /** CoreScope's own share, in cores. */
  ownCores: 0.25,
  /** Preempted share of the actors' time while every actor had a core of its own. */
  preempted: 0.1,
} as const;

/** What one point of the sweep met, as the verdict reads it. */
export interface PointLoad {
  readonly workers: number;
  readonly preemptedShare: number;
  readonly otherCores?: number;
  readonly ownCores?: number;
}

export type SweepLoad =
  | { readonly kind: 'quiet' }
  | {
      readonly kind: 'busy';
      /** Worker counts whose runs met the load. */
      readonly workers: readonly number[];
      /** Who took the cores, as far as the figures tell. */
      readonly who: 'others' | 'corescope' | 'both' | 'unknown';
      /** The worst figures among those runs. */
      readonly preempted: number;
      readonly otherCores: number;
      readonly ownCores: number;
    };

/**
 * Busy when a run's actors waited preempted although each had a core (workers ≤ cores; past the
 * core count they preempt one another, which is the plateau the fit is for), or when the OS saw
 * other processes, or CoreScope itself, use a quarter of a core or more during it.
 */
export function sweepLoad(points: readonly PointLoad[], cores: number, model: Model): SweepLoad {
  const actorsPerCore = (w: number): boolean =>
    coreReach(model).kind === 'parallel' ? w <= cores : true;
  const hit = points.filter(
    (p) =>
      (actorsPerCore(p.workers) && p.preemptedShare >= LOAD_LIMITS.preempted) ||
      (p.otherCores ?? 0) >= LOAD_LIMITS.otherCores ||
      (p.ownCores ?? 0) >= LOAD_LIMITS.ownCores,
  );
  if (hit.length === 0) return { kind: 'quiet' };
  const max = (f: (p: PointLoad) => number): number => Math.max(0, ...hit.map(f));
  const otherCores = max((p) => p.otherCores ?? 0);
  const ownCores = max((p) => p.ownCores ?? 0);
  const others = otherCores >= LOAD_LIMITS.otherCores;
  const own = ownCores >= LOAD_LIMITS.ownCores;
  return {
    kind: 'busy',
    workers: hit.map((p) => p.workers),
    who: others && own ? 'both' : others ? 'others' : own ? 'corescope' : 'unknown',
    preempted: max((p) => (actorsPerCore(p.workers) ? p.preemptedShare : 0)),
    otherCores,
    ownCores,
  };
}

/** What the sentence under the plot is built from. */
export interface FitInput {
  readonly model: Model;
  readonly cores: number;
  readonly fit: { readonly serialFraction: number; readonly rmse: number } | null;
  readonly load: SweepLoad;
}

/**
 * How the plot draws the Amdahl fit, always agreeing with the sentence under it: 'trusted' (a
 * solid curve) only where the sentence states the serial fraction; 'untrusted' (a dotted grey
 * curve, its legend saying so) where the sentence says the machine was busy; 'none' where there
 * is no fit to draw.
 */
export type FitDrawing = 'trusted' | 'untrusted' | 'none';

export function fitDrawing(r: FitInput): FitDrawing {
  if (r.fit === null || coreReach(r.model).kind === 'one-core') return 'none';
  return r.load.kind === 'busy' ? 'untrusted' : 'trusted';
}

/** The sentence under the sweep plot: the fit, or why there is none, or why it is not to trust. */
export function fitSentence(r: FitInput): string {
  const reach = coreReach(r.model);
  if (reach.kind === 'one-core')
    return `No Amdahl fit: ${reach.why}, so more workers cannot put more cores to work; the ideal is 1× at every worker count.`;
  if (r.load.kind === 'busy') return busySentence(r.load, r.fit?.serialFraction);
  if (r.fit === null) return 'No Amdahl fit yet: it needs a point that ran on more than one core.';
  const s = r.fit.serialFraction;
  return `Amdahl fit: serial fraction ${s.toFixed(3)} (rms error ${r.fit.rmse.toFixed(3)}×): at most ${times(1 / Math.max(s, 1e-3))} however many cores.`;
}

function busySentence(load: Extract<SweepLoad, { kind: 'busy' }>, s: number | undefined): string {
  const runs = `the runs with ${load.workers.join(', ')} worker${load.workers.length === 1 && load.workers[0] === 1 ? '' : 's'}`;
  const who =
    load.who === 'others'
      ? `other programs used ${busyCores(load.otherCores)} cores' worth of CPU`
      : load.who === 'corescope'
        ? `CoreScope itself (its engine and drawing) used ${busyCores(load.ownCores)} cores' worth`
        : load.who === 'both'
          ? `other programs used ${busyCores(load.otherCores)} and CoreScope itself ${busyCores(load.ownCores)} cores' worth of CPU`
          : 'the cores were busy with other work (other programs, or CoreScope itself)';
  const waited =
    load.preempted >= LOAD_LIMITS.preempted
      ? `; the workers waited ${pct(load.preempted)} of their time preempted with a core each to spare`
      : '';
  const fit = s === undefined ? '' : ` (it would give a serial fraction of ${s.toFixed(3)})`;
  return `No trustworthy Amdahl fit: the machine was busy during ${runs}: ${who}${waited}. The fit${fit} would measure that load, not the program; sweep again on a quiet machine.`;
}
