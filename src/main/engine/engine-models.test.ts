// The five models on real workers: cpu-bound speed ratios, where things ran, and the invariants
// each model implies (one running slice at a time under async and gil-threads).
import { describe, expect, it } from 'vitest';
import {
  F_ACTOR,
  F_CORE,
  F_END,
  F_LANE,
  F_START,
  F_STATE,
  LANE_ACTOR,
  SLICE_STRIDE,
} from '../../shared/events';
import type { Model } from '../../shared/params';
import type { RunStore } from '../../shared/run-store';
import { STATE_CODE } from '../../shared/states';
import { childPids, runToEnd, type Finished } from './test-support';
import { machineInfo } from './machine';

interface Slice {
  actor: number;
  state: number;
  core: number;
  start: number;
  end: number;
}

function actorSlices(store: RunStore): Slice[] {
  const s = store.slices;
  const out: Slice[] = [];
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    if (s[o + F_LANE] !== LANE_ACTOR) continue;
    out.push({
      actor: s[o + F_ACTOR] ?? -1,
      state: s[o + F_STATE] ?? -1,
      core: s[o + F_CORE] ?? -1,
      start: s[o + F_START] ?? 0,
      end: s[o + F_END] ?? 0,
    });
  }
  return out;
}

/** Largest number of running slices that overlap at any instant. */
function maxConcurrentRunning(store: RunStore): number {
  const edges: [number, number][] = [];
  for (const s of actorSlices(store)) {
    if (s.state !== STATE_CODE.running) continue;
    edges.push([s.start, 1], [s.end, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of edges) max = Math.max(max, (cur += d));
  return max;
}

const cores = machineInfo().logicalCores;
const linux = machineInfo().coresObservable;

describe('cpu-bound --tasks 4 under every model', () => {
  const runs = new Map<Model, Finished>();
  const models: Model[] = ['sequential', 'async', 'threads', 'gil-threads', 'processes'];

  it('runs all five models to completion', async () => {
    for (const model of models) {
      const r = await runToEnd({ scenario: 'cpu-bound', model, workers: 2, tasks: 4 });
      expect(r.summary.status).toBe('completed');
      expect(r.summary.tasksDone).toBe(4);
      runs.set(model, r);
    }
    expect(childPids()).toEqual([]);
  });

  const wall = (m: Model): number => runs.get(m)?.summary.wallMs ?? Number.NaN;

  it('threads and processes take at most 0.8x sequential; async and gil-threads at least 0.9x', () => {
    expect(wall('threads') / wall('sequential')).toBeLessThanOrEqual(0.8);
    expect(wall('processes') / wall('sequential')).toBeLessThanOrEqual(0.8);
    expect(wall('async') / wall('sequential')).toBeGreaterThanOrEqual(0.9);
    expect(wall('gil-threads') / wall('sequential')).toBeGreaterThanOrEqual(0.9);
  });

  it('processes ran on 2 pids; threads on 1 pid and 2 thread ids', () => {
    const ids = (m: Model) => [...(runs.get(m)?.store.actors.values() ?? [])];
    const procs = ids('processes');
    expect(new Set(procs.map((a) => a.pid)).size).toBeGreaterThanOrEqual(2);
    expect(procs.every((a) => a.pid !== process.pid && a.tid === a.pid)).toBe(true);
    const threads = ids('threads');
    expect(new Set(threads.map((a) => a.pid))).toEqual(new Set([process.pid]));
    expect(new Set(threads.map((a) => a.tid)).size).toBeGreaterThanOrEqual(2);
    expect(threads.every((a) => a.tid > 0 && a.tid !== process.pid)).toBe(true);
  });

  it.runIf(linux)(
    'every running slice names a core in [0, nproc), and two processes use both cores',
    () => {
      for (const m of models) {
        const store = runs.get(m)?.store;
        if (!store) throw new Error(`no run for ${m}`);
        const running = actorSlices(store).filter((s) => s.state === STATE_CODE.running);
        expect(running.length).toBeGreaterThan(0);
        for (const s of running) {
          expect(s.core).toBeGreaterThanOrEqual(0);
          expect(s.core).toBeLessThan(cores);
        }
      }
      const procStore = runs.get('processes')?.store;
      if (!procStore) throw new Error('no processes run');
      const used = new Set(
        actorSlices(procStore)
          .filter((s) => s.state === STATE_CODE.running)
          .map((s) => s.core),
      );
      expect(used.size).toBe(Math.min(2, cores));
    },
  );

  it('gil-threads and async never have two running slices at once; threads do', () => {
    for (const m of ['gil-threads', 'async', 'sequential'] as const) {
      const store = runs.get(m)?.store;
      if (!store) throw new Error(`no run for ${m}`);
      expect(maxConcurrentRunning(store), m).toBe(1);
    }
    const threads = runs.get('threads')?.store;
    if (!threads) throw new Error('no threads run');
    expect(maxConcurrentRunning(threads)).toBe(2);
  });

  it('gil-threads wait for the GIL; every model records spawning; one actor lane never overlaps', () => {
    const gil = runs.get('gil-threads')?.store;
    if (!gil) throw new Error('no gil run');
    expect(actorSlices(gil).some((s) => s.state === STATE_CODE['gil-wait'])).toBe(true);
    for (const m of models) {
      const store = runs.get(m)?.store;
      if (!store) throw new Error(`no run for ${m}`);
      const slices = actorSlices(store);
      // Pools spawn inside the run; a sequential or async program's host starts before it.
      const pool = m !== 'sequential' && m !== 'async';
      expect(slices.some((s) => s.state === STATE_CODE.spawning)).toBe(pool);
      const byActor = new Map<number, Slice[]>();
      for (const sl of slices) byActor.set(sl.actor, [...(byActor.get(sl.actor) ?? []), sl]);
      for (const list of byActor.values()) {
        list.sort((a, b) => a.start - b.start);
        for (let i = 1; i < list.length; i++) {
          expect(list[i]?.start ?? 0).toBeGreaterThanOrEqual(list[i - 1]?.end ?? 0);
        }
      }
    }
  });

  it('summaries never report more busy cores than exist', () => {
    for (const m of models) {
      const s = runs.get(m)?.summary;
      if (!s) throw new Error(`no run for ${m}`);
      expect(s.cpuMs / s.wallMs).toBeLessThanOrEqual(cores + 0.05);
      for (const b of s.coreBusy) expect(b).toBeLessThanOrEqual(1);
    }
  });
});
