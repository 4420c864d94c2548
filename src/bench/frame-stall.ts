// How long the browser host stops serving other clients while one client saves a big run to
// the library and opens it again. A real host process; client A sends the save (then the open);
// client B, on a thread of its own so A's big frames never delay its timestamps, asks
// `machineInfo` back to back. The stall is B's worst round trip while A's request is in flight.
// The run file is a real run's file with its slices tiled in time up to the size asked for.
import { Worker } from 'node:worker_threads';
import { loadavg } from 'node:os';
import { parseRunParams } from '../shared/scenarios';
import { RunStore } from '../shared/run-store';
import { toRunFile, type RunFile } from '../shared/run-file';
import { SLICE_STRIDE, F_END, F_START } from '../shared/events';
import { machineInfo, startRun } from '../main/engine/engine';
import type { WorkerEntries } from '../main/engine/types';
import { BenchClient, replyOf, rssMb, startBenchHost, type BenchHost } from './host-process';
import { median } from '../shared/stats';

export interface PhaseFigures {
  readonly ok: boolean;
  readonly error?: string;
  /** From sending A's request to A's reply, ms. */
  readonly requestMs: number;
  /** B's replies that arrived while A's request was in flight. */
  readonly pings: number;
  readonly maxRttMs: number;
  readonly medianRttMs: number;
}

export interface StallFigures {
  readonly fileBytes: number;
  readonly slices: number;
  readonly idle: PhaseFigures;
  readonly save: PhaseFigures;
  readonly open: PhaseFigures;
  readonly hostPeakRssMb: number | undefined;
  readonly loadAverage: readonly number[];
}

/** A real run's file, its slices tiled in time until its JSON reaches `targetBytes`. */
export async function bigRunFile(
  entries: WorkerEntries,
  targetBytes: number,
): Promise<{ file: RunFile; text: string }> {
  const p = parseRunParams(
    { scenario: 'downloads', model: 'threads', workers: 8, tasks: 40, scale: 0.05 },
    machineInfo().logicalCores,
  );
  if (!p.ok) throw new Error(p.error);
  const h = startRun(p.params, { entries });
  const store = new RunStore(h.meta);
  for await (const ev of h.events) store.apply(ev);
  const base = toRunFile(store, await h.summary);
  const tile = base.slices;
  const spanUs = Math.max(1, ...tile.filter((_, i) => i % SLICE_STRIDE === F_END));
  const fixed = JSON.stringify({ ...base, slices: [] }).length;
  const perTile = JSON.stringify(tile).length;
  const slices: number[] = [];
  for (let k = 0; fixed + slices.length * (perTile / tile.length) * 1.1 < targetBytes; k++) {
    for (let i = 0; i < tile.length; i++) {
      const f = i % SLICE_STRIDE;
      const v = tile[i] ?? 0;
      slices.push(f === F_START || f === F_END ? v + k * spanUs : v);
    }
  }
  const file: RunFile = { ...base, slices };
  return { file, text: JSON.stringify(file) };
}

/** B's loop, on its own thread: machineInfo back to back, each (sent ns, round trip ms). */
const PINGER = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.ws);
const ws = new WebSocket(workerData.url, { origin: workerData.origin });
const samples = [];
let id = 0, stop = false, sent = 0n;
const next = () => {
  if (stop) { parentPort.postMessage({ kind: 'samples', samples }); ws.close(); return; }
  sent = process.hrtime.bigint();
  ws.send(JSON.stringify({ id: ++id, op: 'machineInfo', args: [] }));
};
ws.on('message', () => {
  const now = process.hrtime.bigint();
  samples.push([Number(sent), Number(now - sent) / 1e6]);
  next();
});
ws.on('open', () => { parentPort.postMessage({ kind: 'ready' }); next(); });
parentPort.on('message', () => { stop = true; });
`;

interface Pinger {
  /** Stops B and returns its samples: [sent at, ns; round trip, ms]. */
  stop(): Promise<readonly (readonly [number, number])[]>;
}

async function startPinger(host: BenchHost): Promise<Pinger> {
  const worker = new Worker(PINGER, {
    eval: true,
    workerData: { ws: require.resolve('ws'), url: host.wsUrl, origin: host.origin },
  });
  let gotSamples: (s: [number, number][]) => void = () => undefined;
  const samples = new Promise<[number, number][]>((r) => (gotSamples = r));
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: { kind: string; samples?: [number, number][] }) => {
      if (m.kind === 'ready') resolve();
      else gotSamples(m.samples ?? []);
    });
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const s = await samples;
      await worker.terminate();
      return s;
    },
  };
}

function phase(
  samples: readonly (readonly [number, number])[],
  t0: bigint,
  t1: bigint,
  reply: { ok: boolean; error?: string },
): PhaseFigures {
  const from = Number(t0);
  const to = Number(t1);
  // A round trip overlapping the window was delayed by it (its start or end falls inside).
  const inside = samples.filter(([sent, rtt]) => sent < to && sent + rtt * 1e6 > from);
  const rtts = inside.map(([, rtt]) => rtt);
  return {
    ok: reply.ok,
    ...(reply.error === undefined ? {} : { error: reply.error }),
    requestMs: (to - from) / 1e6,
    pings: inside.filter(([sent, rtt]) => sent + rtt * 1e6 < to).length,
    maxRttMs: rtts.length === 0 ? (to - from) / 1e6 : Math.max(...rtts),
    medianRttMs: rtts.length === 0 ? 0 : median(rtts),
  };
}

/** Save then open a run file of about `targetMiB` through a real host, timing B's replies. */
export async function frameStallBench(
  outDir: string,
  entries: WorkerEntries,
  targetMiB: number,
): Promise<StallFigures> {
  const { file, text } = await bigRunFile(entries, targetMiB * 1024 * 1024);
  const host = await startBenchHost(outDir, 'stall');
  try {
    const a = await BenchClient.open(host);
    const pinger = await startPinger(host);
    const idle0 = process.hrtime.bigint();
    await new Promise((r) => setTimeout(r, 1000));
    const idle1 = process.hrtime.bigint();

    const id = a.takeId();
    const frame = `{"id":${id},"op":"saveToLibrary","args":[{"file":${text},"auto":false}]}`;
    const s0 = process.hrtime.bigint();
    const saved = replyOf(await a.sendRaw(id, frame));
    const s1 = process.hrtime.bigint();
    const entry = saved.value;
    const entryId =
      typeof entry === 'object' && entry !== null && 'id' in entry ? String(entry.id) : '';

    const o0 = process.hrtime.bigint();
    const openedFrame = await a.request('openFromLibrary', [entryId]);
    const o1 = process.hrtime.bigint();
    const opened = openedFrame.subarray(0, 40).toString().includes('"ok":true')
      ? { ok: true }
      : replyOf(openedFrame);
    const samples = await pinger.stop();
    a.close();
    return {
      fileBytes: Buffer.byteLength(text),
      slices: file.slices.length / SLICE_STRIDE,
      idle: phase(samples, idle0, idle1, { ok: true }),
      save: phase(samples, s0, s1, saved),
      open: phase(samples, o0, o1, opened),
      hostPeakRssMb: rssMb(host.pid, 'VmHWM'),
      loadAverage: loadavg().map((x) => +x.toFixed(2)),
    };
  } finally {
    await host.stop();
  }
}

export function stallRows(f: StallFigures): [string, string, string][] {
  const fig = (p: PhaseFigures): string =>
    `${p.maxRttMs.toFixed(0)} / ${p.medianRttMs.toFixed(1)} ms, ${p.pings} replies in ${p.requestMs.toFixed(0)} ms${p.ok ? '' : ` (${p.error ?? 'failed'})`}`;
  return [
    [`stall: run file (MiB, slices)`, `${(f.fileBytes / 1048576).toFixed(1)}, ${f.slices}`, ''],
    ['stall: other client round trip, idle (max / median)', fig(f.idle), ''],
    ['stall: other client round trip during save', fig(f.save), ''],
    ['stall: other client round trip during open', fig(f.open), ''],
    ['stall: host peak RSS, MB', (f.hostPeakRssMb ?? 0).toFixed(0), ''],
    ['stall: load average (1/5/15 min)', f.loadAverage.join(' '), ''],
  ];
}
