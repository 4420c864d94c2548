// The desktop build's worker entries, run for real without Electron: the `?modulePath` bundles
// electron-vite emits into out/main/chunks (not the browser host's out/node copies) are found
// the way out/main/index.js names them, and the engine runs a workload on them in worker threads
// and child processes of plain Node. Electron's main process hands the engine exactly these paths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { parseRunParams } from '../src/shared/scenarios';
import { RunStore } from '../src/shared/run-store';
import { startRun } from '../src/main/engine/engine';
import type { WorkerEntries } from '../src/main/engine/types';
import { ELECTRON_MAIN, requireBuilt } from './support/paths';

/** The chunk out/main/index.js resolves for `name` (`join(__dirname, "./chunks/NAME-HASH.js")`). */
function chunkOf(main: string, name: string): string {
  const m = new RegExp(`"(\\./chunks/${name}-[\\w-]+\\.js)"`).exec(readFileSync(main, 'utf8'));
  if (m?.[1] === undefined) throw new Error(`${main} names no ${name} chunk`);
  return join(main, '..', m[1]);
}

for (const model of ['threads', 'processes'] as const) {
  test(`Electron's ${model === 'threads' ? 'thread' : 'process'} entry runs cpu-bound work in plain Node`, async () => {
    requireBuilt(ELECTRON_MAIN);
    const entries: WorkerEntries = {
      thread: chunkOf(ELECTRON_MAIN, 'thread-entry'),
      process: chunkOf(ELECTRON_MAIN, 'process-entry'),
    };
    expect(entries.thread).toContain(join('out', 'main', 'chunks'));
    const parsed = parseRunParams(
      { scenario: 'cpu-bound', model, workers: 2, tasks: 4, size: 20 },
      2,
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const handle = startRun(parsed.params, { entries });
    const store = new RunStore(handle.meta);
    for await (const ev of handle.events) store.apply(ev);
    const summary = await handle.summary;

    expect(summary.failures).toEqual([]);
    expect(summary.status).toBe('completed');
    expect(summary.tasksDone).toBe(4);
    const workers = [...store.actors.values()].filter((a) =>
      store.actorsWithSlices().includes(a.id),
    );
    expect(workers.length).toBeGreaterThanOrEqual(2);
    for (const actor of workers) {
      // Threads live in this process under their own OS thread ids; processes are children.
      if (model === 'threads') {
        expect(actor.pid).toBe(process.pid);
        expect(actor.tid).not.toBe(process.pid);
      } else {
        expect(actor.pid).not.toBe(process.pid);
      }
    }
    expect(summary.cpuMs).toBeGreaterThan(0);
  });
}
