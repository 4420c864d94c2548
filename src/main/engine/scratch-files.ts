// Real files for the mixed scenario, written before the run starts (so writing them is not timed)
// into a private temporary folder that is removed when the run ends.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScratchFiles {
  readonly files: readonly string[];
  remove(): Promise<void>;
}

/** At most this much is written; with many tasks, tasks share files round-robin. */
const MAX_TOTAL_MIB = 512;

export async function writeScratchFiles(count: number, mib: number): Promise<ScratchFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'corescope-'));
  const distinct = Math.max(1, Math.min(count, Math.floor(MAX_TOTAL_MIB / mib)));
  const data = randomBytes(mib * 2 ** 20);
  const written: string[] = [];
  for (let i = 0; i < distinct; i++) {
    const file = join(dir, `file-${i + 1}.bin`);
    await writeFile(file, data);
    written.push(file);
  }
  const files = Array.from({ length: count }, (_, i) => written[i % distinct] ?? '');
  return { files, remove: () => rm(dir, { recursive: true, force: true }) };
}
