// Order statistics over measured samples (sweep points, benchmark repeats). Non-finite samples
// (a failed run's NaN) are dropped rather than poisoning the result.

function sortedFinite(values: readonly number[]): number[] {
  return values.filter(Number.isFinite).sort((a, b) => a - b);
}

/** The middle value (mean of the two middle ones for an even count); NaN for no samples. */
export function median(values: readonly number[]): number {
  const s = sortedFinite(values);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The sample at rank ⌊q·n⌋ (nearest rank, no interpolation), q in [0, 1]; NaN for no samples. */
export function quantile(values: readonly number[], q: number): number {
  const s = sortedFinite(values);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? Number.NaN;
}
