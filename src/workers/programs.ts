// The scenarios' code, written the way the Python examples (examples/python) write it: in `sequential` mode one task after
// another (awaiting each), in `async` mode every task created at once on this one event loop and
// gathered. Pool models hand each worker single-item units.
import { get } from 'node:http';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { fibCalls } from '../shared/fib';
import { assertNever } from '../shared/states';
import type { UnitMode, WorkUnit } from '../shared/worker-protocol';
import type { Runtime } from './runtime';

/** asyncio.create_task: the coroutine starts on a later turn of the loop, not right now. */
function createTask<T>(f: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => setImmediate(() => f().then(resolve, reject)));
}

async function each<T>(
  mode: UnitMode,
  items: readonly T[],
  f: (item: T) => Promise<void>,
): Promise<void> {
  if (mode === 'sequential') {
    for (const item of items) await f(item);
    return;
  }
  await Promise.all(items.map((item) => createTask(() => f(item))));
}

export async function runUnit(rt: Runtime, unit: WorkUnit): Promise<void> {
  switch (unit.kind) {
    case 'say-after':
      return each(unit.mode, unit.items, async ({ task, ms }) => {
        rt.begin(task);
        await rt.sleep(task, ms);
        rt.end(task);
      });
    case 'cpu':
      return each(unit.mode, unit.items, async ({ task, iterations }) => {
        rt.begin(task);
        rt.compute(task, iterations);
        rt.end(task);
      });
    case 'download':
      return each(unit.mode, unit.items, ({ task, url }) => download(rt, task, url));
    case 'mixed':
      return each(unit.mode, unit.items, (item) => readAndCompute(rt, item));
    case 'fib':
      if (unit.single) return fibCall(rt, unit.task, unit.sleepMs, unit.blocking);
      return unit.mode === 'async'
        ? fibAsync(rt, unit.n, unit.task, unit.sleepMs, unit.blocking).then(() => undefined)
        : fibSequential(rt, unit.n, unit.task, unit.sleepMs, unit.blocking).then(() => undefined);
    case 'synthetic':
      for (let left = unit.events; left > 0; left -= 4096)
        rt.rec.emitSynthetic(Math.min(4096, left));
      return;
    default:
      return assertNever(unit);
  }
}

async function sleepIn(rt: Runtime, task: number, ms: number, blocking: boolean): Promise<void> {
  if (blocking) rt.blockingSleep(task, ms);
  else await rt.sleep(task, ms);
}

async function fibCall(rt: Runtime, task: number, ms: number, blocking: boolean): Promise<void> {
  rt.begin(task);
  await sleepIn(rt, task, ms, blocking);
  rt.end(task);
}

/** The Python examples' plain fib: count, sleep, recurse. Children's task ids follow pre-order. */
async function fibSequential(
  rt: Runtime,
  n: number,
  task: number,
  ms: number,
  blocking: boolean,
): Promise<number> {
  rt.begin(task);
  await sleepIn(rt, task, ms, blocking);
  let result = n;
  if (n > 1) {
    result = await rt.awaitChildren(task, async () => {
      const a = await fibSequential(rt, n - 1, task + 1, ms, blocking);
      const b = await fibSequential(rt, n - 2, task + 1 + fibCalls(n - 1), ms, blocking);
      return a + b;
    });
  }
  rt.end(task);
  return result;
}

/** The Python examples' async fib: sleep (time.sleep or asyncio.sleep), then two tasks and gather. */
async function fibAsync(
  rt: Runtime,
  n: number,
  task: number,
  ms: number,
  blocking: boolean,
): Promise<number> {
  rt.begin(task);
  await sleepIn(rt, task, ms, blocking);
  let result = n;
  if (n > 1) {
    const left = createTask(() => fibAsync(rt, n - 1, task + 1, ms, blocking));
    const right = createTask(() => fibAsync(rt, n - 2, task + 1 + fibCalls(n - 1), ms, blocking));
    const [a, b] = await rt.awaitChildren(task, () => Promise.all([left, right]));
    result = a + b;
  }
  rt.end(task);
  return result;
}

async function download(rt: Runtime, task: number, url: string): Promise<void> {
  rt.begin(task);
  const req = get(url);
  const [res] = (await rt.io(task, once(req, 'response'))) as [IncomingMessage];
  if (res.statusCode !== 200) throw new Error(`download of ${url} failed: HTTP ${res.statusCode}`);
  const it = res[Symbol.asyncIterator]();
  let sum = 1;
  for (;;) {
    const next = await rt.io(task, () => it.next());
    if (next.done === true) break;
    if (next.value instanceof Uint8Array) sum = rt.checksum(task, next.value, 1, sum);
  }
  rt.end(task);
}

async function readAndCompute(
  rt: Runtime,
  item: { task: number; file: string; chunkBytes: number; latencyMs: number; passes: number },
): Promise<void> {
  const { task } = item;
  rt.begin(task);
  const fh = await rt.io(task, open(item.file, 'r'));
  try {
    const buf = new Uint8Array(item.chunkBytes);
    let pos = 0;
    let sum = 1;
    for (;;) {
      // A real read of the file, plus the device latency the scenario sets (page cache would
      // otherwise answer in microseconds).
      const [{ bytesRead }] = await rt.io(
        task,
        Promise.all([
          fh.read(buf, 0, buf.length, pos),
          new Promise<void>((r) => setTimeout(r, item.latencyMs)),
        ]),
      );
      if (bytesRead === 0) break;
      pos += bytesRead;
      sum = rt.checksum(task, buf.subarray(0, bytesRead), item.passes, sum);
    }
  } finally {
    await fh.close();
  }
  rt.end(task);
}
