// The library panel's state against a fake API: listing, keeping a run (automatic or by hand)
// as a validated run file, a refused rename handed back to its row, failures as notices, and a
// host that refuses every library operation.
import { describe, expect, it } from 'vitest';
import { testApi } from '../api/test-api';
import type { RunMeta, RunSummary } from '../../../shared/events';
import type { LibraryEntry, LibrarySaveRequest } from '../../../shared/library-contract';
import { parseRunFile } from '../../../shared/run-file';
import { RunStore } from '../../../shared/run-store';
import { LibraryModel } from './library.svelte';
import { Notices } from './notices.svelte';
import { TEST_MACHINE } from '../../../shared/test-figures';

const meta: RunMeta = {
  runId: 'run-7',
  startedAt: '2026-01-01T00:00:00.000Z',
  clock: { source: 'test' },
  machine: TEST_MACHINE,
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
  const api = testApi({
    listLibrary: async () => entries,
    saveToLibrary: async (request) => {
      saved.push(request);
      entries = [entry];
      return entry;
    },
    openFromLibrary: () => Promise.reject(new Error('That run is no longer in the library.')),
    renameInLibrary: () => Promise.reject(new Error('A run named “x” is already there')),
    deleteFromLibrary: async () => {
      entries = [];
      return null;
    },
  });
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
    const notices = new Notices();
    const lib = new LibraryModel(() => testApi({}), notices);
    await lib.refresh();
    await lib.keep(new RunStore(meta), summary, true);
    expect(lib.entries).toEqual([]);
    expect(notices.list.map((n) => n.text)).toEqual([
      'The library could not be listed: listLibrary is not part of this test',
      'The run was not kept in the library: saveToLibrary is not part of this test',
      'The library could not be listed: listLibrary is not part of this test',
    ]);
  });
});
