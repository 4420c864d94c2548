// The atomic trace writer: valid JSON that reads back equal, and no file left when it fails.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChromeTrace } from '../main/engine/chrome-trace';
import { writeTraceFile } from './cli-write';

const otherData: ChromeTrace['otherData'] = {
  app: 'CoreScope',
  formatVersion: 1,
  runId: 'r',
  startedAt: 't',
  scenario: 'say-after',
  model: 'async',
  workers: 1,
  params: {
    scenario: 'say-after',
    model: 'async',
    workers: 1,
    tasks: 2,
    size: 1,
    scale: 1,
    variant: 'nonblocking',
    trace: true,
  },
  status: 'completed',
  wallMs: 1,
  cpuMs: 1,
  actors: 1,
  tasks: 2,
  tasksDone: 2,
  slices: 0,
  cpuModel: 'cpu',
  logicalCores: 2,
  platform: 'linux',
  release: 'r',
  arch: 'x64',
  totalMemoryGiB: 1,
  runtime: 'node',
  coresObservable: false,
  coresNote: 'n',
  clock: { source: 's' },
  failures: [],
  coreBusy: [],
  osBusy: [],
  osSamples: [],
  taskDone: [],
  idleTasks: [],
};

describe('writeTraceFile', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corescope-write-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes JSON that parses back to the same trace, and no temporary file', async () => {
    for (const count of [0, 1, 4001]) {
      const trace: ChromeTrace = {
        traceEvents: Array.from({ length: count }, (_, i) => ({
          ph: 'X' as const,
          name: `n${i}`,
          cat: 'running' as const,
          ts: i,
          dur: 1,
          pid: 1,
          tid: 2,
          args: { task: i, cpu: 0 },
        })),
        displayTimeUnit: 'ms',
        otherData,
      };
      const path = join(dir, `t${count}.json`);
      await writeTraceFile(path, trace);
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(trace);
    }
    expect((await readdir(dir)).sort()).toEqual(['t0.json', 't1.json', 't4001.json']);
  });

  it('fails without leaving anything when the directory does not exist', async () => {
    const trace: ChromeTrace = { traceEvents: [], displayTimeUnit: 'ms', otherData };
    await expect(writeTraceFile(join(dir, 'missing', 't.json'), trace)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
