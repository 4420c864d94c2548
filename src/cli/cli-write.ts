// Writes a trace file through the one atomic writer (temp file, flush, rename; only onto nothing
// or a regular file). Events are written one per line in batches, so a run of millions of slices
// never has to exist as one giant string.
import { writeFileAtomic } from '../main/engine/atomic-write';
import type { ChromeTrace } from '../main/engine/chrome-trace';

const BATCH = 2000;

export async function writeTraceFile(path: string, trace: ChromeTrace): Promise<void> {
  await writeFileAtomic(path, async (write) => {
    await write('{"traceEvents":[\n');
    const events = trace.traceEvents;
    for (let i = 0; i < events.length; i += BATCH) {
      const lines = events.slice(i, i + BATCH).map((e) => JSON.stringify(e));
      await write(lines.join(',\n') + (i + BATCH < events.length ? ',\n' : '\n'));
    }
    await write(`],\n"displayTimeUnit":${JSON.stringify(trace.displayTimeUnit)},\n`);
    await write(`"otherData":${JSON.stringify(trace.otherData)}}\n`);
  });
}
