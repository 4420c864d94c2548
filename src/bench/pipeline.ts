// Benchmarks of the engine's plumbing measured on real workers: slices per second from workers to
// the engine, and the cost to start a worker thread or a child process up to its first message.
import type { FromWorker } from '../shared/worker-protocol';
import { startProcess, startThread, type WorkerHandle } from '../main/engine/worker-handle';
import type { WorkerEntries } from '../main/engine/types';

type Kind = 'thread' | 'process';

function start(
  kind: Kind,
  entries: WorkerEntries,
  onMessage: (m: FromWorker) => void,
): WorkerHandle {
  const listener = { message: onMessage, exit: () => undefined };
  return kind === 'thread'
    ? startThread(entries.thread, listener)
    : startProcess(entries.process, listener);
}

/** Starts `kind`, returns ms from spawn to its `ready` message, and stops it. */
export async function spawnMs(kind: Kind, entries: WorkerEntries): Promise<number> {
  const t0 = performance.now();
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((r) => (ready = r));
  const h = start(kind, entries, (m) => {
    if (m.kind === 'ready') ready();
  });
  h.send({ kind: 'init', actorId: 0, originNs: process.hrtime.bigint().toString(), trace: true });
  await isReady;
  const ms = performance.now() - t0;
  await h.kill();
  return ms;
}

/** `workers` workers each emit `perWorker` slices; returns slices per second received here. */
export async function throughput(
  kind: Kind,
  entries: WorkerEntries,
  workers: number,
  perWorker: number,
): Promise<number> {
  const origin = process.hrtime.bigint().toString();
  let received = 0;
  const handles: WorkerHandle[] = [];
  const readies: Promise<void>[] = [];
  const dones: Promise<void>[] = [];
  for (let i = 0; i < workers; i++) {
    let ready: () => void = () => undefined;
    let done: () => void = () => undefined;
    readies.push(new Promise<void>((r) => (ready = r)));
    dones.push(new Promise<void>((r) => (done = r)));
    const h = start(kind, entries, (m) => {
      if (m.kind === 'ready') ready();
      else if (m.kind === 'slices') received += m.data.length / 7;
      else if (m.kind === 'unit-done') done();
    });
    h.send({ kind: 'init', actorId: i, originNs: origin, trace: true });
    handles.push(h);
  }
  await Promise.all(readies);
  const t0 = performance.now();
  handles.forEach((h, i) =>
    h.send({ kind: 'run', unitId: i, unit: { kind: 'synthetic', events: perWorker } }),
  );
  await Promise.all(dones);
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(handles.map((h) => h.kill()));
  if (received < workers * perWorker)
    throw new Error(`lost slices: ${received} of ${workers * perWorker}`);
  return received / seconds;
}
