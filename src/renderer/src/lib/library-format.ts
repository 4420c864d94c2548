// How the library panel prints an entry's size and date (pure, so it is unit-tested); its
// workload (what ran) is shared/run-label's workloadLabel, the one the library names runs with.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local date and minute, e.g. `2026-11-25 16:56`; the raw text when it is not a date. */
export function formatSavedAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
