// Every scenario on the real engine, exported as a Chrome trace and read back: the same slices
// (to the µs the format keeps), and a trace that follows Perfetto's JSON rules: complete events
// nested per thread, integer tids (the real OS ids, which fit 32 bits), every thread named, flows
// that pair up.
import { describe, expect, it } from 'vitest';
import { F_START } from '../../shared/events';
import type { RunStore } from '../../shared/run-store';
import { SCENARIOS, type RunParamsInput } from '../../shared/params';
import { sliceArrays } from '../../shared/test-figures';
import { fromChromeTrace, toChromeTrace, type TraceEvent } from './chrome-trace';
import { runToEnd } from './test-support';

const RUNS: Record<(typeof SCENARIOS)[number], RunParamsInput> = {
  'say-after': { scenario: 'say-after', model: 'async', scale: 0.02 },
  'fib-sleep': {
    scenario: 'fib-sleep',
    model: 'async',
    size: 5,
    scale: 0.01,
    variant: 'nonblocking',
  },
  downloads: { scenario: 'downloads', model: 'threads', workers: 2, size: 4, scale: 0.02 },
  'cpu-bound': { scenario: 'cpu-bound', model: 'processes', workers: 2, tasks: 2, size: 5 },
  mixed: { scenario: 'mixed', model: 'gil-threads', workers: 2, tasks: 2, size: 1, scale: 0.02 },
};

/** Slices as sorted rows, times rounded to the µs a trace keeps. */
function rows(store: RunStore): number[][] {
  const out = sliceArrays(store.slices).map((r) =>
    r.map((v, i) => (i >= F_START ? Math.round(v) : v)),
  );
  return out.sort((a, b) => a.join(',').localeCompare(b.join(',')));
}

function checkPerfettoRules(events: readonly TraceEvent[]): void {
  const named = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') named.add(`${e.pid}:${e.tid ?? -1}`);
  const perThread = new Map<string, { ts: number; end: number }[]>();
  const flows = new Map<number, number>();
  for (const e of events) {
    if (e.ph === 'M') continue;
    // Linux tids are at most pid_max (2^22): small integers, as Perfetto's importer expects.
    expect(Number.isInteger(e.tid) && e.tid > 0 && e.tid <= 2 ** 22 + 64).toBe(true);
    expect(named.has(`${e.pid}:${e.tid}`)).toBe(true);
    if (e.ph === 's' || e.ph === 'f') flows.set(e.id, (flows.get(e.id) ?? 0) + 1);
    if (e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    perThread.set(key, [...(perThread.get(key) ?? []), { ts: e.ts, end: e.ts + e.dur }]);
  }
  for (const list of perThread.values()) {
    let prevEnd = -Infinity;
    for (const x of list) {
      expect(x.ts).toBeGreaterThanOrEqual(prevEnd); // siblings in order, never overlapping
      prevEnd = x.end;
    }
  }
  for (const n of flows.values()) expect(n).toBe(2);
}

describe('Chrome trace round trip on every scenario', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: re-imports to the same slices and follows Perfetto's rules`, async () => {
      const { store, summary } = await runToEnd(RUNS[scenario]);
      expect(store.sliceCount).toBeGreaterThan(0);
      const trace = toChromeTrace(store, summary);
      checkPerfettoRules(trace.traceEvents);
      const back = fromChromeTrace(JSON.parse(JSON.stringify(trace)));
      if (!back.ok) throw new Error(back.error);
      expect(back.store.sliceCount).toBe(store.sliceCount);
      const want = rows(store);
      const got = rows(back.store);
      // Rounding is monotone and a start is clamped to the previous end on its thread: at most
      // a µs of difference where two rounded boundaries met.
      expect(got.map((r) => r.slice(0, 5))).toEqual(want.map((r) => r.slice(0, 5)));
      got.forEach((r, i) => {
        expect(Math.abs((r[5] ?? 0) - (want[i]?.[5] ?? 0))).toBeLessThanOrEqual(1);
        expect(Math.abs((r[6] ?? 0) - (want[i]?.[6] ?? 0))).toBeLessThanOrEqual(1);
      });
      expect([...back.store.actors.keys()]).toEqual([...store.actors.keys()]);
      expect(back.store.tasks.size).toBe(store.tasks.size);
      expect(back.summary).toEqual(summary);
      // A second round trip is exact: export is idempotent on what it wrote.
      expect(toChromeTrace(back.store, back.summary)).toEqual(trace);
    });
  }
});
