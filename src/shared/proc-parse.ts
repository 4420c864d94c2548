// Parsers for Linux /proc texts, kept pure so they can be tested anywhere.

/** One /proc/<pid>/stat (or task stat) line, split. */
export interface StatLine {
  readonly pid: number;
  /** The command name, without its parentheses; it may itself hold spaces and ')'. */
  readonly name: string;
  /** One letter: R running, S sleeping, Z zombie (exited, not yet reaped), … */
  readonly state: string;
  readonly ppid: number;
  /** Fields after the name, from field 3 (state) on: field N is `rest[N - 3]`. */
  readonly rest: readonly string[];
}

/**
 * The one parser of stat lines. The name sits in parentheses and may contain ')', so the fields
 * are read after the last ')'.
 */
export function parseStat(text: string): StatLine | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const rest = text
    .slice(close + 2)
    .trim()
    .split(' ');
  const ppid = Number(rest[1]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return undefined;
  return { pid, name: text.slice(open + 1, close), state: rest[0] ?? '?', ppid, rest };
}

/** Field 39 ("processor"). */
const PROCESSOR_FIELD = 39;

/** The core a thread last ran on, from /proc/<pid>/task/<tid>/stat; -1 when absent. */
export function parseStatCore(text: string): number {
  const core = Number(parseStat(text)?.rest[PROCESSOR_FIELD - 3]);
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
