// Plain-words formatting of times, durations and fractions for labels, tooltips and the table.

/** A duration given in µs, with a unit that keeps 3 significant digits: "850 µs", "12.3 ms", "1.23 s". */
export function formatDuration(us: number): string {
  if (!Number.isFinite(us)) return '—';
  const a = Math.abs(us);
  if (a < 1) return `${round(us, 3)} µs`;
  if (a < 1000) return `${sig(us)} µs`;
  if (a < 1_000_000) return `${sig(us / 1000)} ms`;
  return `${sig(us / 1_000_000)} s`;
}

/** A point in run time, µs since the run's origin, in ms with µs precision for small values. */
export function formatTime(us: number): string {
  if (!Number.isFinite(us)) return '—';
  const ms = us / 1000;
  if (Math.abs(ms) < 10) return `${ms.toFixed(3)} ms`;
  if (Math.abs(ms) < 10_000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(3)} s`;
}

/** Milliseconds with a sensible unit: "950 ms", "2.04 s". */
export function formatMs(ms: number): string {
  return formatDuration(ms * 1000);
}

/** A fraction 0..1 as a whole percentage: "87 %". */
export function formatPercent(f: number): string {
  if (!Number.isFinite(f)) return '—';
  return `${Math.round(f * 100)} %`;
}

/** Tick labels for an axis whose domain is in ms. */
export function formatTickMs(ms: number, spanMs: number): string {
  if (spanMs >= 5000) return `${trim((ms / 1000).toFixed(spanMs >= 50_000 ? 0 : 1))} s`;
  if (spanMs >= 5) return `${trim(ms.toFixed(spanMs >= 50 ? 0 : 1))} ms`;
  return `${trim(ms.toFixed(spanMs >= 0.05 ? 3 : 4))} ms`;
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function sig(v: number): string {
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return trim(v.toFixed(digits));
}

function round(v: number, d: number): string {
  return trim(v.toFixed(d));
}
