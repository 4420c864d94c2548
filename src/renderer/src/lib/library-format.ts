// How the library panel prints an entry's size and date (pure, so it is unit-tested); its
// workload (what ran) is shared/run-label's workloadLabel, the one the library names runs with,
// cut into its two parts so a narrow column can break between them and never inside one.
import { poolLabel, workloadLabel, type Workload } from '../../../shared/run-label';

/** The workload's scenario (or script) and its pool (or runtime), with the label they join to. */
export interface WorkloadParts {
  readonly label: string;
  readonly what: string;
  readonly pool: string;
}

export function workloadParts(w: Workload): WorkloadParts {
  return { label: workloadLabel(w), what: w.scenario, pool: poolLabel(w.model, w.workers) };
}

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
