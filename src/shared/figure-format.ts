// How the comparison table, the sweep and the explanations print figures. One module, so a
// sentence quotes a number exactly as the table beside it shows it.

/** A fraction 0..1 as a whole percentage: "48 %" ("<1 %" for a small non-zero share). */
export function pct(f: number): string {
  if (!Number.isFinite(f)) return '—';
  if (f > 0 && f < 0.005) return '<1 %';
  return `${Math.round(f * 100)} %`;
}

/** Milliseconds with three significant digits: "850 ms", "1.02 s". */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 1000) return `${(v / 1000).toFixed(v >= 10_000 ? 1 : 2)} s`;
  if (Math.abs(v) >= 100) return `${v.toFixed(0)} ms`;
  if (Math.abs(v) >= 10) return `${v.toFixed(1)} ms`;
  return `${v.toFixed(2)} ms`;
}

/** A ratio such as a speedup: "1.92×". */
export function times(v: number): string {
  return Number.isFinite(v) ? `${v.toFixed(2)}×` : '—';
}

/** A count of cores on average: "1.9". */
export function cores(v: number): string {
  return Number.isFinite(v) ? v.toFixed(1) : '—';
}
