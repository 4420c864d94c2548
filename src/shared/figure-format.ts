// How every figure is printed: the chart's labels, tooltips and table, the run summary, the
// comparison table, the sweep and the explanations, in the app and the CLIs. One module with one
// rule per kind of figure, so a sentence quotes a number exactly as the table beside it shows it.

/** A fraction 0..1 as a whole percentage: "48 %"; "<1 %" for a share too small to round to 1. */
export function pct(f: number): string {
  if (!Number.isFinite(f)) return '—';
  if (f > 0 && f < 0.005) return '<1 %';
  return `${Math.round(f * 100)} %`;
}

/**
 * A duration given in µs, with a unit and 3 significant digits, zeros kept so the precision is
 * visible and columns line up: "850 µs", "12.3 ms", "60.0 ms", "1.00 s".
 */
export function formatDuration(us: number): string {
  if (!Number.isFinite(us)) return '—';
  const a = Math.abs(us);
  if (a < 1000) return `${sig(us)} µs`;
  if (a < 1_000_000) return `${sig(us / 1000)} ms`;
  return `${sig(us / 1_000_000)} s`;
}

/** A duration given in ms, by the same rule: "850 ms", "1.02 s", "2.50 ms", "400 µs". */
export function ms(v: number): string {
  return formatDuration(v * 1000);
}

/** A point in run time, µs since the run's origin, in ms with µs precision for small values. */
export function formatTime(us: number): string {
  if (!Number.isFinite(us)) return '—';
  const t = us / 1000;
  if (Math.abs(t) < 10) return `${t.toFixed(3)} ms`;
  if (Math.abs(t) < 10_000) return `${t.toFixed(1)} ms`;
  return `${(t / 1000).toFixed(3)} s`;
}

/** Tick labels for an axis whose domain is in ms. */
export function formatTickMs(v: number, spanMs: number): string {
  if (spanMs >= 5000) return `${trim((v / 1000).toFixed(spanMs >= 50_000 ? 0 : 1))} s`;
  if (spanMs >= 5) return `${trim(v.toFixed(spanMs >= 50 ? 0 : 1))} ms`;
  return `${trim(v.toFixed(spanMs >= 0.05 ? 3 : 4))} ms`;
}

/** A ratio such as a speedup: "1.92×". */
export function times(v: number): string {
  return Number.isFinite(v) ? `${v.toFixed(2)}×` : '—';
}

/**
 * Cores busy on average (CPU time ÷ wall time) to 2 decimals: "1.94", "0.05"; "<0.01" for a share
 * too small to round to 0.01, so a run that did use the CPU never reads "0.00" beside its CPU time.
 */
export function busyCores(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v > 0 && v < 0.005) return '<0.01';
  return v.toFixed(2);
}

/** A count of cores on average: "1.9". */
export function cores(v: number): string {
  return Number.isFinite(v) ? v.toFixed(1) : '—';
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function sig(v: number): string {
  const a = Math.abs(v);
  return v.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2);
}
