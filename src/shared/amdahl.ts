// Amdahl's law and its least-squares fit to measured speedups. With n workers on c cores at most
// p = min(n, c) run at once, so the model is S(n) = 1 / (s + (1 − s) / min(n, c)): beyond the
// core count it predicts a plateau, never a gain, and the fitted serial fraction s says how much
// of the work behaved as if it could not be shared out.

export interface SpeedupPoint {
  readonly workers: number;
  readonly speedup: number;
}

export interface AmdahlFit {
  /** Fitted serial fraction, 0..1. */
  readonly serialFraction: number;
  /** Root-mean-square error of the fit, in speedup units. */
  readonly rmse: number;
}

export function amdahlSpeedup(serialFraction: number, workers: number, cores: number): number {
  const p = Math.max(1, Math.min(workers, cores));
  return 1 / (serialFraction + (1 - serialFraction) / p);
}

function sse(points: readonly SpeedupPoint[], s: number, cores: number): number {
  let sum = 0;
  for (const pt of points) sum += (pt.speedup - amdahlSpeedup(s, pt.workers, cores)) ** 2;
  return sum;
}

/**
 * Fits s on [0, 1] by a fine grid then a local refinement (one parameter, a handful of points:
 * exhaustive search is exact enough and cannot diverge). Undefined when no point ran on more
 * than one core, since then every s fits equally.
 */
export function fitAmdahl(points: readonly SpeedupPoint[], cores: number): AmdahlFit | undefined {
  const usable = points.filter((p) => Number.isFinite(p.speedup) && p.speedup > 0);
  if (!usable.some((p) => Math.min(p.workers, cores) > 1)) return undefined;
  let best = 0;
  let bestErr = Infinity;
  const scan = (from: number, to: number, step: number): void => {
    for (let s = from; s <= to + 1e-12; s += step) {
      const clamped = Math.min(1, Math.max(0, s));
      const err = sse(usable, clamped, cores);
      if (err < bestErr) {
        bestErr = err;
        best = clamped;
      }
    }
  };
  scan(0, 1, 0.001);
  scan(best - 0.001, best + 0.001, 0.00001);
  return { serialFraction: best, rmse: Math.sqrt(bestErr / usable.length) };
}
