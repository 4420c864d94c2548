// Parses the lines the in-process Python tracer sends (src/python/corescope_tracer.py). Each
// line is one JSON object: {"hello": [...]} once per process, then {"t", "ev"?, "open"?}
// batches. The script under study can write to the same socket, so every field is checked and
// anything malformed is dropped rather than trusted. Times are CLOCK_MONOTONIC nanoseconds.

export type CallState = 'sleeping' | 'blocked' | 'io-wait';

export interface Hello {
  readonly pid: number;
  readonly ppid: number;
  readonly tNs: number;
  readonly name: string;
  readonly gil: boolean;
  readonly version: string;
  readonly mainTid: number;
}

export type TracerEvent =
  | { readonly kind: 'thread'; readonly tid: number; readonly name: string; readonly tNs: number }
  | { readonly kind: 'thread-end'; readonly tid: number; readonly tNs: number }
  | { readonly kind: 'loop'; readonly tid: number; readonly tNs: number }
  | {
      readonly kind: 'task';
      readonly key: string;
      readonly label: string;
      readonly parent: string | undefined;
      readonly tNs: number;
    }
  | { readonly kind: 'rename'; readonly key: string; readonly label: string }
  | {
      readonly kind: 'step';
      readonly key: string;
      readonly tid: number;
      readonly t0: number;
      readonly t1: number;
    }
  | { readonly kind: 'done'; readonly key: string; readonly tNs: number }
  | {
      readonly kind: 'call';
      readonly tid: number;
      readonly state: CallState;
      readonly t0: number;
      readonly t1: number;
      readonly key: string | undefined;
    }
  | {
      readonly kind: 'wait';
      readonly key: string;
      readonly state: CallState;
      readonly t0: number;
      readonly t1: number;
    }
  | {
      readonly kind: 'spawn';
      readonly pid: number;
      readonly t0: number;
      readonly t1: number;
      readonly name: string;
    }
  | { readonly kind: 'ready'; readonly tNs: number; readonly name: string }
  | {
      readonly kind: 'fail';
      readonly tid: number;
      readonly key: string | undefined;
      readonly reason: string;
      readonly tNs: number;
    }
  | {
      readonly kind: 'end';
      readonly tNs: number;
      readonly status: 'completed' | 'failed';
      readonly reason: string | undefined;
    };

export interface OpenCall {
  readonly tid: number;
  readonly state: CallState;
  readonly t0: number;
  readonly key: string | undefined;
}

export type TracerLine =
  | { readonly kind: 'hello'; readonly hello: Hello }
  | {
      readonly kind: 'batch';
      readonly tNs: number;
      readonly events: readonly TracerEvent[];
      readonly open: readonly OpenCall[];
    };

const MAX_TEXT = 2000;
const int = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
/** Monotonic ns pass 2^53 after 104 days of uptime: a time need only be finite (µs precision). */
const ns = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const key = (v: unknown): v is string => typeof v === 'string' && v.length <= 64;
const optKey = (v: unknown): string | undefined | false =>
  v === null ? undefined : key(v) ? v : false;
const callState = (v: unknown): v is CallState =>
  v === 'sleeping' || v === 'blocked' || v === 'io-wait';

function event(raw: unknown): TracerEvent | undefined {
  if (!Array.isArray(raw)) return undefined;
  const [k, a, b, c, d, e] = raw as unknown[];
  switch (k) {
    case 'thread':
      return int(a) && text(b) && ns(c) ? { kind: 'thread', tid: a, name: b, tNs: c } : undefined;
    case 'thread-end':
      return int(a) && ns(b) ? { kind: 'thread-end', tid: a, tNs: b } : undefined;
    case 'loop':
      return int(a) && ns(b) ? { kind: 'loop', tid: a, tNs: b } : undefined;
    case 'task': {
      const parent = optKey(c);
      return key(a) && text(b) && parent !== false && ns(d)
        ? { kind: 'task', key: a, label: b, parent, tNs: d }
        : undefined;
    }
    case 'rename':
      return key(a) && text(b) ? { kind: 'rename', key: a, label: b } : undefined;
    case 'step':
      return key(a) && int(b) && ns(c) && ns(d) && d >= c
        ? { kind: 'step', key: a, tid: b, t0: c, t1: d }
        : undefined;
    case 'done':
      return key(a) && ns(b) ? { kind: 'done', key: a, tNs: b } : undefined;
    case 'call': {
      const task = optKey(e);
      return int(a) && callState(b) && ns(c) && ns(d) && d >= c && task !== false
        ? { kind: 'call', tid: a, state: b, t0: c, t1: d, key: task }
        : undefined;
    }
    case 'wait':
      return key(a) && callState(b) && ns(c) && ns(d) && d >= c
        ? { kind: 'wait', key: a, state: b, t0: c, t1: d }
        : undefined;
    case 'spawn':
      return int(a) && ns(b) && ns(c) && text(d)
        ? { kind: 'spawn', pid: a, t0: b, t1: c, name: d }
        : undefined;
    case 'ready':
      return ns(a) && text(b) ? { kind: 'ready', tNs: a, name: b } : undefined;
    case 'fail': {
      const task = optKey(b);
      return int(a) && task !== false && typeof c === 'string' && ns(d)
        ? { kind: 'fail', tid: a, key: task, reason: c.slice(0, MAX_TEXT), tNs: d }
        : undefined;
    }
    case 'end': {
      const status = b === 'completed' || b === 'failed' ? b : undefined;
      const reason = c === null ? undefined : typeof c === 'string' ? c.slice(0, MAX_TEXT) : false;
      return ns(a) && status !== undefined && reason !== false
        ? { kind: 'end', tNs: a, status, reason }
        : undefined;
    }
    default:
      return undefined;
  }
}

function openCall(raw: unknown): OpenCall | undefined {
  if (!Array.isArray(raw)) return undefined;
  const [tid, state, t0, k] = raw as unknown[];
  const task = optKey(k);
  return int(tid) && callState(state) && ns(t0) && task !== false
    ? { tid, state, t0, key: task }
    : undefined;
}

/** One line from the tracer, or undefined when it is not one the tracer would send. */
export function parseTracerLine(line: string): TracerLine | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  if (Array.isArray(o.hello)) {
    const [pid, ppid, tNs, name, gil, version, mainTid] = o.hello as unknown[];
    if (int(pid) && int(ppid) && ns(tNs) && text(name) && typeof gil === 'boolean')
      if (text(version) && int(mainTid))
        return { kind: 'hello', hello: { pid, ppid, tNs, name, gil, version, mainTid } };
    return undefined;
  }
  if (!ns(o.t)) return undefined;
  const events: TracerEvent[] = [];
  if (Array.isArray(o.ev))
    for (const r of o.ev) {
      const ev = event(r);
      if (ev !== undefined) events.push(ev);
    }
  const open: OpenCall[] = [];
  if (Array.isArray(o.open))
    for (const r of o.open) {
      const c = openCall(r);
      if (c !== undefined) open.push(c);
    }
  return { kind: 'batch', tNs: o.t, events, open };
}
