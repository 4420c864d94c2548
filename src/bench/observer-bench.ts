// The observer figure of `npm run bench`: what CoreScope's own live drawing costs the run it
// draws. The same cpu-bound run (processes, 2 workers, 4 tasks) alternates between the browser
// host page (live drawing on, Debian's Chromium) and the engine alone in this process; the table
// gets the medians of wall UI ÷ engine, the preempted-share difference, the browser's CPU per
// second of run, and the live latency from a slice's end in a worker to the frame that drew it.
//
// How each figure is read, so nothing in the measured run pays for the measuring:
// - CPU: on-CPU nanoseconds of every thread of every Chromium process (/proc/<pid>/task/*/
//   schedstat), read when the page receives the run's first events and its end (Playwright
//   reports each WebSocket frame the page receives), so the figure covers the run itself: what
//   the window does before the engine starts (the click, the form) and after it ends (the full
//   draw) takes no core from the run. The same reads at the Run click and at "finished" give the
//   whole click-to-drawn figure, printed beside it. The host's own threads the same way (the
//   engine's share).
// - Wall and preempted share: from the run file the page keeps in the host's library.
// - Latency: the page marks each core-lane frame with how many slices it drew (data-drawn-slices);
//   a MutationObserver logs (page time, count). Slice i's pixels appear at the first frame whose
//   count exceeds i; its end is `startedAt + end µs` on the same wall clock (startedAt is taken
//   within a millisecond of the run's origin).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startBenchHost, type BenchHost } from './host-process';
import { F_CORE, F_END, F_LANE, F_STATE, LANE_ACTOR, SLICE_STRIDE } from '../shared/events';
import { parseRunFile, RUN_FILE_EXTENSION } from '../shared/run-file';
import { runFigures } from '../shared/run-figures';
import { RunStore } from '../shared/run-store';
import { parseRunParams } from '../shared/scenarios';
import { STATE_CODE } from '../shared/states';
import { median, quantile } from '../shared/stats';
import { machineInfo, startRun } from '../main/engine/engine';
import { FRAME_MS } from '../main/engine/run-service';
import type { WorkerEntries } from '../main/engine/types';
import { launchBenchBrowser } from './bench-browser';

export const OBSERVER_PARAMS = {
  scenario: 'cpu-bound',
  model: 'processes',
  workers: 2,
  tasks: 4,
  size: 200,
} as const;

export interface ObserverRun {
  readonly side: 'ui' | 'engine';
  readonly wallMs: number;
  readonly preemptedShare: number;
  /** Cores' worth of CPU the browser (all its processes) / its renderer used during the run. */
  readonly browserCores?: number;
  readonly rendererCores?: number;
  /** The same from the Run click to the page's "finished" (start-up and the final draw too). */
  readonly browserCoresWhole?: number;
  readonly rendererCoresWhole?: number;
  /** Live frames drawn during the run, and the renderer's CPU per frame, ms. */
  readonly frames?: number;
  readonly rendererMsPerFrame?: number;
  /** Cores' worth of CPU the engine's process used (its own threads; workers are children). */
  readonly engineCores: number;
  readonly latencyMs?: readonly number[];
  /** The run's parameters as the engine recorded them (both sides must match). */
  readonly params: string;
}

export interface ObserverFigures {
  readonly runs: readonly ObserverRun[];
  readonly wallRatio: number;
  readonly preemptedDiffPoints: number;
  readonly browserCoresPerSecond: number;
  readonly rendererCoresPerSecond: number;
  readonly browserCoresWhole: number;
  readonly rendererCoresWhole: number;
  readonly rendererMsPerFrame: number;
  readonly engineCoresPerSecondUi: number;
  readonly latencyMedianMs: number;
  readonly latencyP95Ms: number;
  /** The same browser's own cost at the live rate, on an empty page (see `browserFloor`). */
  readonly floor: BrowserFloor;
  readonly loadAverage: readonly number[];
}

/** What one change does to an empty page each frame while the floor is read. */
export type FloorChange = 'nothing' | 'canvas' | 'text';

/**
 * Cores' worth of renderer CPU an empty page costs in the bench's browser when it asks for a
 * frame every live message interval and changes, each frame, nothing, a 20 × 20 px rectangle of
 * one canvas, or one text node; and ms per frame. The floor any live drawing stands on: the
 * latency target needs a frame at about that rate, and no page can draw a changing pixel for less.
 */
export type BrowserFloor = Readonly<
  Record<FloorChange, { readonly cores: number; readonly msPerFrame: number }>
>;

/** Nanoseconds on a CPU of every thread of `pid` (threads that exited are not counted). */
function threadNs(pid: number): number {
  let ns = 0;
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const tid of tids) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread exited while we looked
    }
  }
  return ns;
}

/** The pid and its descendants, each with its command line. */
function tree(root: number): { pid: number; cmd: string }[] {
  const parents = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parents.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited
    }
  }
  const out: { pid: number; cmd: string }[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const pid = frontier.pop() ?? -1;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    out.push({ pid, cmd });
    for (const [child, parent] of parents) if (parent === pid) frontier.push(child);
  }
  return out;
}

function browserNs(root: number): { all: number; renderer: number } {
  let all = 0;
  let renderer = 0;
  for (const p of tree(root)) {
    const ns = threadNs(p.pid);
    all += ns;
    if (p.cmd.includes('--type=renderer')) renderer += ns;
  }
  return { all, renderer };
}

/**
 * Page-side log of core-lane frames, (epoch ms, slices drawn), and a promise that settles when
 * the run state goes running → finished. A string so this Node-typed file needs no DOM types.
 */
const RECORD_FRAMES = `(() => {
  const el = document.querySelector('[data-testid="core-lanes"]');
  const app = document.querySelector('[data-run-state]');
  window.__frames = [];
  const frames = new MutationObserver(() => {
    window.__frames.push([performance.timeOrigin + performance.now(), Number(el.dataset.drawnSlices || 0)]);
  });
  frames.observe(el, { attributes: true, attributeFilter: ['data-drawn-slices'] });
  let ran = false;
  window.__finished = new Promise((resolve) => {
    new MutationObserver((records, self) => {
      const state = app.getAttribute('data-run-state');
      if (state === 'running') ran = true;
      if (ran && (state === 'finished' || state === 'error')) {
        self.disconnect();
        frames.disconnect();
        resolve(state);
      }
    }).observe(app, { attributes: true, attributeFilter: ['data-run-state'] });
  });
})()`;

async function fill(page: Page): Promise<void> {
  const form: Record<string, string> = {
    Scenario: OBSERVER_PARAMS.scenario,
    Model: OBSERVER_PARAMS.model,
    Workers: String(OBSERVER_PARAMS.workers),
    Tasks: String(OBSERVER_PARAMS.tasks),
    Size: String(OBSERVER_PARAMS.size),
  };
  for (const [label, value] of Object.entries(form)) {
    const field = page.getByLabel(label, { exact: true });
    const tag = await field.evaluate((el) => el.tagName.toLowerCase());
    if (tag === 'select') await field.selectOption(value);
    else await field.fill(value);
  }
}

function newestRunFile(dir: string, after: number): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(RUN_FILE_EXTENSION))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).mtimeMs > after);
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/**
 * The run the page just finished, as it kept it in the host's library (written after `after`,
 * ms since the epoch), its figures, the frames the page recorded and the run's start (epoch ms).
 */
async function keptRun(page: Page, host: BenchHost, after: number) {
  const frames = await page.evaluate(
    () => (globalThis as unknown as { __frames: [number, number][] }).__frames,
  );
  let file: string | undefined;
  for (let i = 0; i < 100 && file === undefined; i++) {
    file = newestRunFile(host.library, after);
    if (file === undefined) await new Promise((r) => setTimeout(r, 50));
  }
  if (file === undefined) throw new Error('the page did not keep the run in the library');
  const opened = parseRunFile(JSON.parse(readFileSync(file, 'utf8')), 'bench');
  if (!opened.ok) throw new Error(opened.error);
  const { store, summary } = opened.run;
  const fig = runFigures(store, summary);
  const origin = Date.parse(store.meta?.startedAt ?? '');
  return { store, summary, fig, frames, origin };
}

/** CPU so far of the browser, its renderer and the host, and when it was read (ms, this clock). */
interface CpuAt {
  readonly at: number;
  readonly browser: { all: number; renderer: number };
  readonly engine: number;
}

function cpuAt(hostPid: number): CpuAt {
  return { at: performance.now(), browser: browserNs(chromiumPid()), engine: threadNs(hostPid) };
}

/**
 * Reads the CPU when the page receives the next run's first events and its end. Armed per run;
 * Playwright reports the frames the page's WebSocket receives (`watchFrames` is called once per
 * page, before it connects).
 */
class RunMarks {
  start: CpuAt | undefined;
  end: CpuAt | undefined;
  private armed = false;

  constructor(private readonly hostPid: number) {}

  watchFrames(page: Page): void {
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (!this.armed) return;
        const text = typeof payload === 'string' ? payload : payload.toString('utf8');
        if (this.start === undefined && text.includes('"kind":"events"'))
          this.start = cpuAt(this.hostPid);
        else if (this.start !== undefined && text.includes('"kind":"end"')) {
          this.end = cpuAt(this.hostPid);
          this.armed = false;
        }
      }),
    );
  }

  arm(): void {
    this.start = undefined;
    this.end = undefined;
    this.armed = true;
  }
}

async function uiRun(page: Page, host: BenchHost, marks: RunMarks): Promise<ObserverRun> {
  await page.evaluate(RECORD_FRAMES);
  const before = Date.now();
  marks.arm();
  const click = cpuAt(host.pid);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const state = await page.evaluate(
    () => (globalThis as unknown as { __finished: Promise<string> }).__finished,
  );
  if (state !== 'finished') throw new Error(`the UI run ended in state ${state}`);
  const drawn = cpuAt(host.pid);
  const { start, end } = marks;
  if (start === undefined || end === undefined)
    throw new Error("the page's WebSocket frames did not show the run's start and end");
  const { store, summary, fig, frames, origin } = await keptRun(page, host, before);
  const seconds = (end.at - start.at) / 1000;
  const whole = (drawn.at - click.at) / 1000;
  const liveFrames = frames.length;
  const rendererMs = (end.browser.renderer - start.browser.renderer) / 1e6;
  return {
    side: 'ui',
    wallMs: summary.wallMs,
    preemptedShare: fig?.stateShare.preempted ?? NaN,
    browserCores: (end.browser.all - start.browser.all) / 1e9 / seconds,
    rendererCores: rendererMs / 1000 / seconds,
    browserCoresWhole: (drawn.browser.all - click.browser.all) / 1e9 / whole,
    rendererCoresWhole: (drawn.browser.renderer - click.browser.renderer) / 1e9 / whole,
    frames: liveFrames,
    rendererMsPerFrame: liveFrames > 0 ? rendererMs / liveFrames : NaN,
    engineCores: (end.engine - start.engine) / 1e9 / seconds,
    latencyMs: latencies(store, frames, origin),
    params: JSON.stringify(store.meta?.params),
  };
}

/** Per drawn core-lane slice: ms from its end to the first frame that included it. */
function latencies(store: RunStore, frames: readonly [number, number][], origin: number): number[] {
  const s = store.slices;
  const out: number[] = [];
  let drawn = 0;
  let f = 0;
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    if (s[o + F_LANE] !== LANE_ACTOR || s[o + F_STATE] !== STATE_CODE.running) continue;
    if ((s[o + F_CORE] ?? -1) < 0) continue;
    // The i-th core slice in arrival order is on screen from the first frame counting > i.
    while (f < frames.length && (frames[f]?.[1] ?? 0) <= drawn) f++;
    const frame = frames[f];
    drawn++;
    if (frame === undefined) break;
    out.push(frame[0] - (origin + (s[o + F_END] ?? 0) / 1000));
  }
  return out;
}

/** The Chromium that Playwright launched: a child of this process, the one without --type. */
function chromiumPid(): number {
  const root = tree(process.pid).find(
    (p) => p.pid !== process.pid && p.cmd.includes('chromium') && !p.cmd.includes('--type='),
  );
  if (root === undefined) throw new Error('cannot find the launched Chromium process');
  return root.pid;
}

async function engineRun(entries: WorkerEntries): Promise<ObserverRun> {
  const p = parseRunParams(OBSERVER_PARAMS, machineInfo().logicalCores);
  if (!p.ok) throw new Error(p.error);
  const e0 = threadNs(process.pid);
  const t0 = performance.now();
  const h = startRun(p.params, { entries });
  const store = new RunStore(h.meta);
  for await (const ev of h.events) store.apply(ev);
  const summary = await h.summary;
  const seconds = (performance.now() - t0) / 1000;
  const fig = runFigures(store, summary);
  return {
    side: 'engine',
    wallMs: summary.wallMs,
    preemptedShare: fig?.stateShare.preempted ?? NaN,
    engineCores: (threadNs(process.pid) - e0) / 1e9 / seconds,
    params: JSON.stringify(h.meta.params),
  };
}

/**
 * The page the floor is read on: one canvas and one line of text, and
 * `__floor(change, ms, interval)`, which asks for a frame, changes the one thing in it, waits
 * `interval` ms and again, for `ms`; it settles with the number of frames. A string so this Node-typed file needs no DOM types.
 */
const FLOOR_PAGE = `<!doctype html><html><body style="margin:0;font:13px sans-serif">
<canvas id="c" width="1200" height="300"></canvas><p id="t">0</p>
<script>
window.__floor = (change, ms, interval) => new Promise((resolve) => {
  const ctx = document.getElementById('c').getContext('2d');
  const text = document.getElementById('t').firstChild;
  const end = performance.now() + ms;
  let n = 0;
  const tick = () => {
    if (performance.now() >= end) return resolve(n);
    requestAnimationFrame(() => {
      n++;
      if (change === 'canvas') {
        ctx.fillStyle = n % 2 ? '#c0392b' : '#2e86c1';
        ctx.fillRect(10, 10, 20, 20);
      } else if (change === 'text') text.data = String(n);
      setTimeout(tick, interval);
    });
  };
  tick();
});
</script></body></html>`;

/** How long each change of the floor is read, ms. */
const FLOOR_MS = 3000;

/** The bench browser's own cost at the live rate on an empty page (the app's page is closed). */
async function browserFloor(browser: Browser): Promise<BrowserFloor> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.setContent(FLOOR_PAGE);
    const root = chromiumPid();
    const read = async (change: FloorChange) => {
      const a = browserNs(root).renderer;
      const t0 = performance.now();
      const frames = await page.evaluate(
        ([c, ms, interval]) =>
          (
            globalThis as unknown as {
              __floor: (c: string, ms: number, interval: number) => Promise<number>;
            }
          ).__floor(c, ms, interval),
        [change, FLOOR_MS, FRAME_MS] as const,
      );
      const seconds = (performance.now() - t0) / 1000;
      const ms = (browserNs(root).renderer - a) / 1e6;
      return { cores: ms / 1000 / seconds, msPerFrame: frames > 0 ? ms / frames : NaN };
    };
    await read('canvas'); // warm
    return {
      nothing: await read('nothing'),
      canvas: await read('canvas'),
      text: await read('text'),
    };
  } finally {
    await page.close();
  }
}

function loadAverage(): number[] {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

export async function observerBench(
  outDir: string,
  entries: WorkerEntries,
  repeats = 3,
): Promise<ObserverFigures> {
  const host = await startBenchHost(outDir, 'observer');
  const browser = await launchBenchBrowser();
  const runs: ObserverRun[] = [];
  const marks = new RunMarks(host.pid);
  let floor: BrowserFloor;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    marks.watchFrames(page);
    await page.goto(host.url);
    await page.getByTestId('core-lanes').waitFor();
    await fill(page);
    await engineRun(entries); // warm the page cache and this process's JIT
    for (let i = 0; i < repeats; i++) {
      // Alternate which side goes first, so drift in the machine's load favours neither.
      if (i % 2 === 0) {
        runs.push(await uiRun(page, host, marks));
        runs.push(await engineRun(entries));
      } else {
        runs.push(await engineRun(entries));
        runs.push(await uiRun(page, host, marks));
      }
    }
    await page.close();
    floor = await browserFloor(browser);
  } finally {
    await browser.close();
    await host.stop();
  }
  const ui = runs.filter((r) => r.side === 'ui');
  const differing = new Set(runs.map((r) => r.params));
  if (differing.size > 1)
    throw new Error(`the UI and engine runs differ in parameters: ${[...differing].join(' vs ')}`);
  const eng = runs.filter((r) => r.side === 'engine');
  const lat = ui.flatMap((r) => r.latencyMs ?? []);
  return {
    runs,
    wallRatio: median(ui.map((r) => r.wallMs)) / median(eng.map((r) => r.wallMs)),
    preemptedDiffPoints:
      100 * (median(ui.map((r) => r.preemptedShare)) - median(eng.map((r) => r.preemptedShare))),
    browserCoresPerSecond: median(ui.map((r) => r.browserCores ?? NaN)),
    rendererCoresPerSecond: median(ui.map((r) => r.rendererCores ?? NaN)),
    browserCoresWhole: median(ui.map((r) => r.browserCoresWhole ?? NaN)),
    rendererCoresWhole: median(ui.map((r) => r.rendererCoresWhole ?? NaN)),
    rendererMsPerFrame: median(ui.map((r) => r.rendererMsPerFrame ?? NaN)),
    engineCoresPerSecondUi: median(ui.map((r) => r.engineCores)),
    latencyMedianMs: median(lat),
    latencyP95Ms: quantile(lat, 0.95),
    floor,
    loadAverage: loadAverage(),
  };
}

// ---- The split: where the browser's CPU goes, per process type and thread name, by mode ----

/** One mode of the split: what the page does while the CPU is read. */
export type SplitMode = 'idle' | 'deferred' | 'live' | 'live-slow';

export interface SplitRun {
  readonly mode: SplitMode;
  readonly seconds: number;
  readonly wallMs: number;
  readonly preemptedShare: number;
  /** Cores' worth, per "process type/thread name" (digits dropped: ThreadPoolForegroundWorker). */
  readonly threads: Record<string, number>;
  readonly browserCores: number;
  readonly engineCores: number;
  readonly latencyMs?: readonly number[];
  /** Browser cores per 100 ms step from the Run click (all processes / renderer main thread). */
  readonly profile: readonly (readonly [number, number])[];
}

/** The slow live rate the split compares with the usual one, ms between messages. */
export const SPLIT_SLOW_FRAME_MS = 200;

function processType(cmd: string): string {
  const m = /--type=([a-z-]+)/.exec(cmd);
  if (m?.[1] === undefined) return 'browser';
  if (m[1] === 'utility') return cmd.includes('NetworkService') ? 'network' : 'utility';
  return m[1];
}

/** ns per "type/thread name" over every thread of the Chromium tree under `root`. */
function threadTable(root: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of tree(root)) {
    const type = processType(p.cmd);
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${p.pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const comm = readFileSync(`/proc/${p.pid}/task/${tid}/comm`, 'utf8')
          .trim()
          .replace(/\d+$/, '');
        const ns = Number(
          readFileSync(`/proc/${p.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0],
        );
        const key = `${type}/${comm}`;
        out.set(key, (out.get(key) ?? 0) + ns);
      } catch {
        // the thread exited while we looked
      }
    }
  }
  return out;
}

/** Samples the browser's total and renderer-main ns every 100 ms until stopped. */
function sampler(root: number): () => [number, number][] {
  const at = (): [number, number] => {
    let all = 0;
    let main = 0;
    for (const [k, v] of threadTable(root)) {
      all += v;
      if (k === 'renderer/chromium' || k === 'renderer/CrRendererMain') main += v;
    }
    return [all, main];
  };
  const samples = [at()];
  const timer = setInterval(() => samples.push(at()), 100);
  return () => {
    clearInterval(timer);
    samples.push(at());
    const out: [number, number][] = [];
    for (let i = 1; i < samples.length; i++) {
      const a = samples[i - 1] ?? [0, 0];
      const b = samples[i] ?? [0, 0];
      out.push([(b[0] - a[0]) / 1e8, (b[1] - a[1]) / 1e8]);
    }
    return out;
  };
}

function tableDelta(
  a: Map<string, number>,
  b: Map<string, number>,
  seconds: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of b) {
    const d = (v - (a.get(k) ?? 0)) / 1e9 / seconds;
    if (d > 0) out[k] = d;
  }
  return out;
}

async function splitRun(
  page: Page,
  host: BenchHost,
  mode: SplitMode,
  idleMs: number,
): Promise<SplitRun> {
  const before = Date.now();
  const root = chromiumPid();
  if (mode === 'idle') {
    const a = threadTable(root);
    const e0 = threadNs(host.pid);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, idleMs));
    const seconds = (performance.now() - t0) / 1000;
    const threads = tableDelta(a, threadTable(root), seconds);
    return {
      mode,
      seconds,
      wallMs: NaN,
      preemptedShare: NaN,
      threads,
      browserCores: Object.values(threads).reduce((x, y) => x + y, 0),
      engineCores: (threadNs(host.pid) - e0) / 1e9 / seconds,
      profile: [],
    };
  }
  const drawAfter = page.getByRole('checkbox', { name: 'Single runs' });
  if (mode === 'deferred') await drawAfter.check();
  else await drawAfter.uncheck();
  await page.evaluate(RECORD_FRAMES);
  const a = threadTable(root);
  const e0 = threadNs(host.pid);
  const t0 = performance.now();
  const stop = sampler(root);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const state = await page.evaluate(
    () => (globalThis as unknown as { __finished: Promise<string> }).__finished,
  );
  if (state !== 'finished') throw new Error(`the UI run ended in state ${state}`);
  const seconds = (performance.now() - t0) / 1000;
  const threads = tableDelta(a, threadTable(root), seconds);
  const profile = stop();
  const e1 = threadNs(host.pid);
  const { store, summary, fig, frames, origin } = await keptRun(page, host, before);
  return {
    mode,
    seconds,
    wallMs: summary.wallMs,
    preemptedShare: fig?.stateShare.preempted ?? NaN,
    threads,
    browserCores: Object.values(threads).reduce((x, y) => x + y, 0),
    engineCores: (e1 - e0) / 1e9 / seconds,
    profile,
    ...(mode === 'deferred' ? {} : { latencyMs: latencies(store, frames, origin) }),
  };
}

/**
 * Every mode `repeats` times, interleaved in one window (idle, draw after the run, live, live at
 * SPLIT_SLOW_FRAME_MS), with each run's CPU per process type and thread name.
 */
export async function observerSplit(outDir: string, repeats = 2): Promise<SplitRun[]> {
  const host = await startBenchHost(outDir, 'split');
  const slowHost = await startBenchHost(outDir, 'split-slow', {
    CORESCOPE_FRAME_MS: String(SPLIT_SLOW_FRAME_MS),
  });
  const browser = await launchBenchBrowser();
  const runs: SplitRun[] = [];
  try {
    const open = async (h: BenchHost): Promise<Page> => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(h.url);
      await page.getByTestId('core-lanes').waitFor();
      await fill(page);
      return page;
    };
    const page = await open(host);
    const warm = await splitRun(page, host, 'live', 0);
    const idleMs = warm.seconds * 1000;
    // The slow page stays open (idle) while the other runs: it is a second renderer, counted in
    // every mode alike. Its own live runs use its own host.
    const slowPage = await open(slowHost);
    for (let i = 0; i < repeats; i++) {
      runs.push(await splitRun(page, host, 'idle', idleMs));
      runs.push(await splitRun(page, host, 'deferred', idleMs));
      runs.push(await splitRun(page, host, 'live', idleMs));
      runs.push(await splitRun(slowPage, slowHost, 'live-slow', idleMs));
    }
  } finally {
    await browser.close();
    await host.stop();
    await slowHost.stop();
  }
  return runs;
}
