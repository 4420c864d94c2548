// Turns the text of a file the user opened, dropped or reopened into a run to show: a CoreScope
// run file, a CoreScope trace, or another tool's Chrome trace. Every failure is one clear line
// and builds nothing; nothing in a file is ever executed (JSON.parse and schemas only).
import { fromChromeTrace } from './chrome-trace';
import { fromForeignTrace } from './foreign-trace';
import type { OpenResult } from './loaded-run';
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
    return {
      ok: true,
      run: { store: r.store, summary: r.summary, source: 'corescope-trace', name },
    };
  }
  return prefixed(fromForeignTrace(value, name), name);
}

function prefixed(r: OpenResult, name: string): OpenResult {
  return r.ok ? r : { ok: false, error: `Cannot open ${name}: ${r.error}` };
}
