// Writes a trace file atomically: the JSON goes to a temporary file in the same directory, is
// flushed to disk, then renamed over the target, so a reader (or an interrupted run) never sees a
// half-written trace. Events are written one per line in batches, so a run of millions of slices
// never has to exist as one giant string.
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ChromeTrace } from '../main/engine/chrome-trace';

const BATCH = 2000;

export async function writeTraceFile(path: string, trace: ChromeTrace): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const file = await open(temp, 'wx');
  try {
    await file.write('{"traceEvents":[\n');
    const events = trace.traceEvents;
    for (let i = 0; i < events.length; i += BATCH) {
      const lines = events.slice(i, i + BATCH).map((e) => JSON.stringify(e));
      await file.write(lines.join(',\n') + (i + BATCH < events.length ? ',\n' : '\n'));
    }
    await file.write(`],\n"displayTimeUnit":${JSON.stringify(trace.displayTimeUnit)},\n`);
    await file.write(`"otherData":${JSON.stringify(trace.otherData)}}\n`);
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (e) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
}
