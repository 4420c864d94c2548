// Runs inside Chromium for `npm run bench`: builds synthetic runs in a RunStore and times the
// app's own drawing path (prepareRun + drawRunLayout) on a real canvas. Each timing ends with a
// one-pixel read-back so the rasterisation is inside the measured time, not deferred.
import { LANE_ACTOR, SLICE_STRIDE } from '../shared/events';
import { RunStore } from '../shared/run-store';
import { STATE_CODE } from '../shared/states';
import { drawRunLayout, makePaints, prepareRun } from '../renderer/src/lib/bench-entry';
import { median, quantile } from '../shared/stats';

const WIDTH = 1400;
const HEIGHT = 700;

/**
 * `perLane` back-to-back running slices on each of `cores` cores, served in turn by two actors
 * per core (so neighbours differ in colour and only sub-pixel slices can be merged).
 */
function syntheticRun(cores: number, perLane: number, sliceUs: number): RunStore {
  const store = new RunStore();
  for (let a = 0; a < cores * 2; a++) {
    store.apply({
      kind: 'actor',
      actor: { id: a, kind: 'thread', label: `thread ${a}`, pid: 1, tid: 100 + a },
    });
  }
  const data = new Float64Array(cores * perLane * SLICE_STRIDE);
  let o = 0;
  for (let c = 0; c < cores; c++) {
    let t = 0;
    for (let i = 0; i < perLane; i++) {
      const dur = sliceUs * (0.5 + ((i * 7919) % 100) / 100);
      data.set([LANE_ACTOR, c * 2 + (i % 2), i % 16, STATE_CODE.running, c, t, t + dur], o);
      o += SLICE_STRIDE;
      t += dur;
    }
  }
  store.appendSlices(data);
  return store;
}

function timeDraws(
  draw: (frame: number) => void,
  frames: number,
  ctx: CanvasRenderingContext2D,
): number[] {
  const times: number[] = [];
  for (let f = 0; f < frames; f++) {
    const t0 = performance.now();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    draw(f);
    ctx.getImageData(0, 0, 1, 1);
    times.push(performance.now() - t0);
  }
  return times;
}

const p95 = (xs: number[]): number => quantile(xs, 0.95);

export function runRenderBench() {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  document.body.append(canvas);
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx) throw new Error('no 2D context');
  const paints = makePaints(ctx, 1);

  // 1. 100 000 visible slices: 8 core lanes × 12 500 slices, whole run in view.
  const small = syntheticRun(8, 12_500, 400);
  const smallRun = prepareRun(small, 8);
  const view = { width: WIDTH, height: HEIGHT, t0: 0, t1: small.endUs };
  const draw100k = timeDraws(() => drawRunLayout(ctx, smallRun.cores, view, paints), 30, ctx);
  const visible100k = drawRunLayout(ctx, smallRun.cores, view, paints).visible;

  // 2. A 1 000 000-slice run zoomed to a tenth, panned by 1 % of the view per frame.
  const big = syntheticRun(8, 125_000, 400);
  const t0 = performance.now();
  const bigRun = prepareRun(big, 8);
  const indexMs = performance.now() - t0;
  const span = big.endUs / 10;
  const pan = timeDraws(
    (f) =>
      drawRunLayout(
        ctx,
        bigRun.cores,
        { width: WIDTH, height: HEIGHT, t0: f * span * 0.01, t1: f * span * 0.01 + span },
        paints,
      ),
    90,
    ctx,
  );

  // 3. Worst case the app never shows: 100 000 slices each wider than a pixel (100 lanes).
  const wide = syntheticRun(100, 1_000, 1_000);
  const wideRun = prepareRun(wide, 100);
  const wideView = { width: WIDTH, height: HEIGHT * 6, t0: 0, t1: wide.endUs / 1.5 };
  canvas.height = HEIGHT * 6;
  const worst = timeDraws(() => drawRunLayout(ctx, wideRun.cores, wideView, paints), 10, ctx);

  return {
    draw100kMs: median(draw100k),
    draw100kVisible: visible100k,
    pan1mFrameMs: median(pan),
    pan1mFrameP95Ms: p95(pan),
    index1mMs: indexMs,
    draw100kUnmergeableMs: median(worst),
  };
}

(globalThis as { runRenderBench?: typeof runRenderBench }).runRenderBench = runRenderBench;
