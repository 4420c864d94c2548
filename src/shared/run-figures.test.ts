import { describe, expect, it } from 'vitest';
import { LANE_ACTOR, LANE_TASK } from './events';
import { compareRows, sortRows } from './compare-table';
import { runFigures } from './run-figures';
import { RunStore } from './run-store';
import { STATE_CODE } from './states';
import { testMeta, testSummary } from './test-figures';

const S = STATE_CODE;

function store(
  model: Parameters<typeof testMeta>[0],
  workers: number,
  rows: number[][],
  cores?: number,
) {
  const st = new RunStore(testMeta(model, workers, cores));
  st.appendSlices(Float64Array.from(rows.flat()));
  return st;
}

describe('runFigures', () => {
  it('sums state time on actor lanes and waits on task lanes', () => {
    // Two threads over a 100 ms run: each 10 ms spawning, then running / gil-wait.
    const st = store('gil-threads', 2, [
      [LANE_ACTOR, 0, -1, S.spawning, -1, 0, 10_000],
      [LANE_ACTOR, 1, -1, S.spawning, -1, 0, 10_000],
      [LANE_ACTOR, 0, 0, S.running, 0, 10_000, 60_000],
      [LANE_ACTOR, 1, 1, S['gil-wait'], -1, 10_000, 60_000],
      [LANE_ACTOR, 1, 1, S.running, 1, 60_000, 100_000],
      [LANE_TASK, 1, 1, S['io-wait'], -1, 0, 30_000],
    ]);
    const f = runFigures(st, testSummary({ wallMs: 100, cpuMs: 90, actors: 2 }));
    expect(f).toBeDefined();
    if (f === undefined) return;
    expect(f.stateMs.spawning).toBe(20);
    expect(f.stateMs['gil-wait']).toBe(50);
    expect(f.stateShare['gil-wait']).toBeCloseTo(0.25);
    expect(f.stateShare.spawning).toBeCloseTo(0.1);
    expect(f.taskWaitMs).toBe(30);
    expect(f.coresAvailable).toBe(2);
    expect(f.coresUsed).toBe(2);
    expect(f.parallelism).toBeCloseTo(0.9);
    expect(f.utilisation).toBeCloseTo(0.45);
  });

  it('counts only the allowed cores under a cores limit', () => {
    const st = store('threads', 4, [], 1);
    const f = runFigures(st, testSummary({ wallMs: 100, cpuMs: 100, actors: 4 }));
    expect(f?.coresAvailable).toBe(1);
    expect(f?.coresUsed).toBe(1);
    expect(f?.utilisation).toBe(1);
  });

  it("takes the drawing's cost from the OS where the host read it, else from page script time", () => {
    const st = store('processes', 2, []);
    // Browser host: the page's script time is all there is.
    const page = runFigures(
      st,
      testSummary({ wallMs: 1000, observer: { drawMs: 30, engineCpuMs: 20 } }),
    );
    expect(page?.observer).toEqual({ drawCores: 0.03, engineCores: 0.02 });
    // Electron: the window's processes as the OS counted them win over the script time.
    const os = runFigures(
      st,
      testSummary({ wallMs: 1000, observer: { drawMs: 30, rendererCpuMs: 80, engineCpuMs: 20 } }),
    );
    expect(os?.observer).toEqual({ drawCores: 0.08, drawFromOs: true, engineCores: 0.02 });
  });

  it('needs the run meta', () => {
    expect(runFigures(new RunStore(), testSummary())).toBeUndefined();
  });
});

describe('compareRows', () => {
  const fig = (
    model: Parameters<typeof testMeta>[0],
    workers: number,
    wallMs: number,
    actors: number,
  ) => {
    const f = runFigures(store(model, workers, []), testSummary({ wallMs, cpuMs: wallMs, actors }));
    if (f === undefined) throw new Error('no figures');
    return f;
  };

  it('computes speedup against sequential and efficiency per core used', () => {
    const rows = compareRows([
      fig('sequential', 1, 1000, 1),
      fig('async', 1, 1010, 1),
      fig('processes', 2, 520, 2),
    ]);
    expect(rows.map((r) => r.speedup?.toFixed(2))).toEqual(['1.00', '0.99', '1.92']);
    expect(rows[2]?.efficiency).toBeCloseTo(1000 / 520 / 2);
    expect(sortRows(rows, 'speedup', true).map((r) => r.figures.model)).toEqual([
      'processes',
      'sequential',
      'async',
    ]);
    expect(sortRows(rows, 'wall', false)[0]?.figures.model).toBe('processes');
    expect(sortRows(rows, 'model', false).map((r) => r.figures.model)).toEqual([
      'async',
      'processes',
      'sequential',
    ]);
  });

  it('leaves speedup empty without a sequential run', () => {
    const rows = compareRows([fig('threads', 2, 500, 2)]);
    expect(rows[0]?.speedup).toBeUndefined();
    expect(rows[0]?.efficiency).toBeUndefined();
  });
});
