// Turns the text of a file the user opened, dropped or reopened into a run to show: a CoreScope
// run file, a CoreScope trace, or another tool's Chrome trace. Every failure is one clear line
// and builds nothing; nothing in a file is ever executed (JSON.parse and schemas only).
import { fromChromeTrace } from './chrome-trace';
import { F_END, F_START, SLICE_STRIDE } from './events';
import { fromForeignTrace } from './foreign-trace';
import type { LoadedRun, OpenResult } from './loaded-run';
import { looksLikeRunFile, parseRunFile } from './run-file';

/** Largest file CoreScope opens, bytes. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

export function checkFileSize(bytes: number, name: string): string | undefined {
  if (bytes > MAX_FILE_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(0);
    return `${name} is too large to open: ${mb} MB (at most ${MAX_FILE_BYTES / 1024 / 1024} MB)`;
  }
  if (bytes === 0) return `${name} is empty`;
  return undefined;
}

function isCoreScopeTrace(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('otherData' in value)) return false;
  const other = value.otherData;
  return typeof other === 'object' && other !== null && 'app' in other && other.app === 'CoreScope';
}

export function openRunText(text: string, name: string): OpenResult {
  const size = checkFileSize(text.length, name);
  if (size !== undefined) return { ok: false, error: size };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `${name} is not valid JSON (corrupt or truncated?): ${why}` };
  }
  if (looksLikeRunFile(value)) return prefixed(parseRunFile(value, name), name);
  if (isCoreScopeTrace(value)) {
    const r = fromChromeTrace(value);
    if (!r.ok) return prefixed(r, name);
    return prefixed(
      { ok: true, run: { store: r.store, summary: r.summary, source: 'corescope-trace', name } },
      name,
    );
  }
  return prefixed(fromForeignTrace(value, name), name);
}

/**
 * Why a run's times cannot be shown, or undefined. Every time is finite once parsed, but a span
 * from a huge negative start to a huge positive end is not (the view divides by it), and NaN
 * figures would follow the run into the library and into files saved from it.
 */
export function timesProblem(run: LoadedRun): string | undefined {
  const s = run.store.slices;
  let first = Infinity;
  let last = -Infinity;
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    first = Math.min(first, s[o + F_START] ?? 0);
    last = Math.max(last, s[o + F_END] ?? 0);
  }
  if (s.length > 0 && !Number.isFinite(last - first))
    return 'its slices span more time than a number can hold';
  const { wallMs, cpuMs } = run.summary;
  if (!Number.isFinite(wallMs) || !Number.isFinite(cpuMs))
    return 'its wall or CPU time is not a finite number';
  return undefined;
}

function prefixed(r: OpenResult, name: string): OpenResult {
  if (!r.ok) return { ok: false, error: `Cannot open ${name}: ${r.error}` };
  const problem = timesProblem(r.run);
  return problem === undefined ? r : { ok: false, error: `Cannot open ${name}: ${problem}` };
}
