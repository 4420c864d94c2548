// Turns the text of a file the user opened, dropped or reopened into a run to show: a CoreScope
// run file, a CoreScope trace, or another tool's Chrome trace. Every failure is one clear line
// and builds nothing; nothing in a file is ever executed (JSON.parse and schemas only).
import { fromChromeTrace } from './chrome-trace';
import { F_END, F_START, SLICE_STRIDE } from './events';
import { fromForeignTrace, MAX_FOREIGN_EVENTS } from './foreign-trace';
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

/** Called while a large file is turned into a run: events done of the total. */
export type BuildProgress = (done: number, total: number) => void;

/** Opens file text: the size, then JSON, then the kind of file it holds. */
export function openRunText(text: string, name: string, onProgress?: BuildProgress): OpenResult {
  const size = checkFileSize(text.length, name);
  if (size !== undefined) return { ok: false, error: size };
  const many = tooManyEvents(text, name);
  if (many !== undefined) return { ok: false, error: many };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `${name} is not valid JSON (corrupt or truncated?): ${why}` };
  }
  return openRunValue(value, name, onProgress);
}

/**
 * Refuses, before JSON.parse builds millions of objects, a trace with more events than the view
 * can show: every event has a "ph" key, so counting that text bounds the events from above
 * (a name containing it only makes the count larger). Run files carry columns, not events.
 */
export function tooManyEvents(text: string, name: string): string | undefined {
  const limit = MAX_FOREIGN_EVENTS;
  let count = 0;
  for (let at = text.indexOf('"ph"'); at >= 0; at = text.indexOf('"ph"', at + 4)) {
    if (++count > limit) {
      return (
        `Cannot open ${name}: it has more than ${limit.toLocaleString('en-US')} events, more ` +
        'than CoreScope can show at once; cut it to a time range first (e.g. in Perfetto).'
      );
    }
  }
  return undefined;
}

/** Opens parsed JSON (the same rules as openRunText after its parse). */
export function openRunValue(value: unknown, name: string, onProgress?: BuildProgress): OpenResult {
  if (looksLikeRunFile(value)) return prefixed(parseRunFile(value, name), name);
  if (isCoreScopeTrace(value)) {
    const r = fromChromeTrace(value);
    if (!r.ok) return prefixed(r, name);
    return prefixed(
      { ok: true, run: { store: r.store, summary: r.summary, source: 'corescope-trace', name } },
      name,
    );
  }
  return prefixed(fromForeignTrace(value, name, onProgress), name);
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
