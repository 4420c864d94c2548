// The library panel's state against a fake API: listing, keeping a run (automatic or by hand)
// as a validated run file, a refused rename handed back to its row, failures as notices, and a
// host without a library.
import { describe, expect, it } from 'vitest';
import type { CoreScopeApi } from '../../../shared/contract';
import type { RunMeta, RunSummary } from '../../../shared/events';
import type { LibraryEntry, LibrarySaveRequest } from '../../../shared/library-contract';
import { parseRunFile } from '../../../shared/run-file';
import { RunStore } from '../../../shared/run-store';
import { LibraryModel } from './library.svelte';
import { Notices } from './notices.svelte';

const meta: RunMeta = {
  runId: 'run-7',
  startedAt: '2026-01-01T00:00:00.000Z',
  clock: { source: 'test' },
  machine: {
    cpuModel: 'x',
    logicalCores: 2,
    platform: 'linux',
    release: '',
    arch: 'x64',
    totalMemoryGiB: 1,
    runtime: '',
    coresObservable: true,
    coresNote: '',
  },
  params: {
    scenario: 'cpu-bound',
    model: 'threads',
    workers: 2,
    tasks: 2,
    size: 1,
    scale: 1,
    variant: 'blocking',
    trace: true,
  },
};
const summary: RunSummary = {
  status: 'completed',
  wallMs: 1,
  cpuMs: 1,
  coreBusy: [],
  osBusy: [],
  actors: 0,
  tasks: 0,
  tasksDone: 0,
  slices: 0,
  failures: [],
  clock: { source: 'test' },
};
const entry: LibraryEntry = {
  status: 'ok',
  id: 'run-1',
  name: 'cpu-bound · threads × 2',
  scenario: 'cpu-bound',
  model: 'threads',
  workers: 2,
  runId: 'run-7',
  savedAt: '2026-01-01T00:00:00.000Z',
  bytes: 100,
  kept: false,
};

function fakeApi() {
  const saved: LibrarySaveRequest[] = [];
  let entries: LibraryEntry[] = [];
  const api: CoreScopeApi = {
    machineInfo: () => Promise.reject(new Error('unused')),
    listScenarios: async () => [],
    startRun: async () => ({ ok: false, error: 'unused' }),
    cancelRun: async () => undefined,
    subscribeRuns: () => () => undefined,
    listLibrary: async () => ({ ok: true, value: entries }),
    saveToLibrary: async (request) => {
      saved.push(request);
      entries = [entry];
      return { ok: true, value: entry };
    },
    openFromLibrary: async () => ({ ok: false, error: 'That run is no longer in the library.' }),
    renameInLibrary: async () => ({ ok: false, error: 'A run named “x” is already there' }),
    deleteFromLibrary: async () => {
      entries = [];
      return { ok: true, value: null };
    },
  };
  return { api, saved };
}

describe('LibraryModel', () => {
  it('keeps a run as a valid run file, then lists it', async () => {
    const { api, saved } = fakeApi();
    const notices = new Notices();
    const lib = new LibraryModel(() => api, notices);
    await lib.refresh();
    expect(lib.loaded && lib.entries).toEqual([]);
    expect(lib.has('run-7')).toBe(false);
    await lib.keep(new RunStore(meta), summary, true);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.auto).toBe(true);
    expect(parseRunFile(saved[0]?.file, 'x').ok).toBe(true);
    expect(lib.entries).toEqual([entry]);
    expect(lib.has('run-7')).toBe(true);
    expect(notices.list).toEqual([]);
  });

  it('hands a refused rename back and reports other failures as notices', async () => {
    const { api } = fakeApi();
    const notices = new Notices();
    const lib = new LibraryModel(() => api, notices);
    expect(await lib.rename('run-1', 'x')).toMatch(/already there/);
    expect(await lib.open('run-1')).toBeUndefined();
    expect(notices.list.map((n) => n.text)).toEqual(['That run is no longer in the library.']);
    await lib.remove('run-1');
    expect(lib.entries).toEqual([]);
  });

  it('says when the host has no library', async () => {
    const { api } = fakeApi();
    const bare: CoreScopeApi = {
      machineInfo: api.machineInfo,
      listScenarios: api.listScenarios,
      startRun: api.startRun,
      cancelRun: api.cancelRun,
      subscribeRuns: api.subscribeRuns,
    };
    const lib = new LibraryModel(() => bare, new Notices());
    await lib.refresh();
    expect(lib.available).toBe(false);
    await lib.keep(new RunStore(meta), summary, true);
    expect(lib.entries).toEqual([]);
  });
});
