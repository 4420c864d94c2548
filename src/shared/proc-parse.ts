// Parsers for Linux /proc texts, kept pure so they can be tested anywhere.

/** Field 39 ("processor") is index 36 after the text that follows the last ')' (comm may hold spaces). */
const PROCESSOR_INDEX = 36;

/** The core a thread last ran on, from /proc/<pid>/task/<tid>/stat; -1 when absent. */
export function parseStatCore(text: string): number {
  const close = text.lastIndexOf(')');
  if (close < 0) return -1;
  const fields = text
    .slice(close + 2)
    .trim()
    .split(' ');
  const core = Number(fields[PROCESSOR_INDEX]);
  return Number.isInteger(core) && core >= 0 ? core : -1;
}

/** Nanoseconds spent runnable but waiting for a core, from .../schedstat; 0 when absent. */
export function parseSchedstatDelay(text: string): number {
  const delay = Number(text.trim().split(' ')[1]);
  return Number.isFinite(delay) ? delay : 0;
}

/** Nanoseconds on a CPU (field 1 of .../schedstat); 0 when absent. */
export function parseSchedstatOnCpu(text: string): number {
  const ran = Number(text.trim().split(' ')[0]);
  return Number.isFinite(ran) ? ran : 0;
}
