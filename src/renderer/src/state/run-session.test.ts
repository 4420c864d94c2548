import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreScopeApi, RunMessage, StartResult } from '../../../shared/contract';
import { testApi } from '../api/test-api';
import type { RunMeta, RunSummary } from '../../../shared/events';
import { sliceData } from '../lib/test-helpers';
import { RunSession } from './run-session.svelte';
import { TEST_MACHINE as machine, testSummary } from '../../../shared/test-figures';

const meta = (runId: string): RunMeta => ({
  runId,
  machine,
  startedAt: '',
  clock: { source: 'test' },
  params: {
    scenario: 'cpu-bound',
    model: 'processes',
    workers: 2,
    tasks: 2,
    size: 1,
    scale: 1,
    variant: 'nonblocking',
    trace: true,
  },
});
const summary: RunSummary = testSummary({
  wallMs: 10,
  cpuMs: 15,
  coreBusy: [0.5, 0.5],
  tasks: 1,
  tasksDone: 1,
  slices: 1,
});

/** An API whose startRun answers only after the test pushed the run's first messages. */
function fakeApi(): {
  api: CoreScopeApi;
  push: (m: RunMessage) => void;
  answer: (r: StartResult) => void;
  cancelled: string[];
} {
  let listener: (m: RunMessage) => void = () => undefined;
  let answer: (r: StartResult) => void = () => undefined;
  const cancelled: string[] = [];
  const api = testApi({
    // The host answers a start with the run's meta or refuses it with an error.
    startRun: () =>
      new Promise<RunMeta>((resolve, reject) => {
        answer = (r) => (r.ok ? resolve(r.meta) : reject(new Error(r.error)));
      }),
    cancelRun: async (id) => {
      cancelled.push(id);
      return null;
    },
    subscribeRuns: (l) => {
      listener = l;
      return () => undefined;
    },
  });
  return { api, push: (m) => listener(m), answer: (r) => answer(r), cancelled };
}

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterEach(() => vi.unstubAllGlobals());

describe('RunSession', () => {
  it('runs, keeps messages that beat the start reply, ends with a summary, then runs again', async () => {
    const { api, push, answer } = fakeApi();
    const session = new RunSession(() => api, 2, { settle: () => undefined });
    session.connect();
    const started = session.start({ scenario: 'cpu-bound', model: 'processes' });
    expect(session.state).toBe('running');
    push({
      kind: 'events',
      runId: 'r1',
      events: [{ kind: 'slices', data: sliceData([[0, 0, 0, 0, 1, 0, 10]]) }],
    });
    answer({ ok: true, meta: meta('r1') });
    await started;
    // The early slice is kept at once and indexed with the next live frame: wait for that frame.
    expect(session.store.sliceCount).toBe(1);
    await vi.waitFor(() => expect(session.index.coreSlices).toEqual([0, 1]));
    push({
      kind: 'events',
      runId: 'other',
      events: [{ kind: 'slices', data: sliceData([[0, 0, 0, 0, 0, 0, 10]]) }],
    });
    push({ kind: 'end', runId: 'r1', summary });
    expect(session.state).toBe('finished');
    // The engine's summary, plus what the window's own drawing cost during the run.
    expect(session.summary).toEqual({ ...summary, observer: { drawMs: expect.any(Number) } });
    expect(session.store.sliceCount).toBe(1);

    const again = session.start({ scenario: 'cpu-bound', model: 'processes' });
    expect(session.summary).toBeUndefined();
    expect(session.store.sliceCount).toBe(0);
    answer({ ok: true, meta: meta('r2') });
    await again;
    push({ kind: 'end', runId: 'r2', summary });
    expect(session.state).toBe('finished');
  });

  it('sends the start request only once the window has drawn what pressing Run changed', async () => {
    const { api, answer } = fakeApi();
    const sent = vi.spyOn(api, 'startRun');
    let painted = (): void => undefined;
    const session = new RunSession(() => api, 2, {
      settle: () => new Promise<void>((resolve) => (painted = resolve)),
    });
    session.connect();
    const started = session.start({ scenario: 'cpu-bound', model: 'processes' });
    // Run shows at once (the state the window draws), but nothing is asked of the engine yet.
    expect(session.state).toBe('running');
    await Promise.resolve();
    expect(sent).not.toHaveBeenCalled();
    painted();
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    answer({ ok: true, meta: meta('s1') });
    await started;
    expect(session.running).toBe(true);
  });

  it('a run drawn after it ends: collects, shows only progress, draws everything at its end', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    try {
      const { api, push, answer } = fakeApi();
      const published: number[] = [];
      const session = new RunSession(() => api, 2, {
        settle: () => undefined,
        onPublish: (store) => published.push(store.sliceCount),
      });
      session.connect();
      const started = session.start({ scenario: 'cpu-bound', model: 'processes' }, true);
      answer({ ok: true, meta: meta('d1') });
      await started;
      const before = session.version;
      published.length = 0;
      push({
        kind: 'events',
        runId: 'd1',
        events: [
          { kind: 'slices', data: sliceData([[0, 0, 0, 0, 1, 0, 10]]) },
          { kind: 'task-done', task: 0, tUs: 10 },
        ],
      });
      vi.advanceTimersByTime(1000);
      // Collected, not shown, laid out or drawn: the store on show is still the one from before
      // the run (here the empty one), no publish, no lanes; the progress ticked.
      expect(session.store.sliceCount).toBe(0);
      expect(session.version).toBe(before);
      expect(published).toEqual([]);
      expect(session.index.coreSlices).toEqual([0, 0]);
      expect(session.progress).toEqual({ elapsedUs: 1e6, tasksDone: 1, tasks: 2 });
      push({ kind: 'end', runId: 'd1', summary });
      expect(session.progress).toBeUndefined();
      expect(session.store.sliceCount).toBe(1);
      expect(session.index.coreSlices).toEqual([0, 1]);
      expect(published).toEqual([1]);
      // A live run after it: drawn per frame again, no progress line.
      const live = session.start({ scenario: 'cpu-bound', model: 'processes' });
      answer({ ok: true, meta: meta('d2') });
      await live;
      expect(session.progress).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a rejected start in plain words and stays usable', async () => {
    const { api, answer } = fakeApi();
    const session = new RunSession(() => api, 2, { settle: () => undefined });
    const started = session.start({ scenario: 'cpu-bound', model: 'processes', workers: 0 });
    answer({ ok: false, error: 'workers must be from 1 to 64' });
    await started;
    expect(session.state).toBe('error');
    expect(session.notices.list.map((n) => n.text)).toEqual([
      'The run did not start: workers must be from 1 to 64',
    ]);
  });

  it('reports failures and run errors', async () => {
    const { api, push, answer } = fakeApi();
    const session = new RunSession(() => api, 2, { settle: () => undefined });
    session.connect();
    const started = session.start({ scenario: 'mixed', model: 'threads' });
    answer({ ok: true, meta: meta('r1') });
    await started;
    push({
      kind: 'events',
      runId: 'r1',
      events: [{ kind: 'failure', tUs: 5, reason: 'worker threw' }],
    });
    expect(session.notices.list.at(-1)?.text).toBe('A worker failed: worker threw');
    push({ kind: 'error', runId: 'r1', error: 'connection lost' });
    expect(session.state).toBe('error');
    expect(session.notices.list.at(-1)?.text).toContain('connection lost');
  });

  it('cancels a run even when Cancel beats the start reply', async () => {
    const { api, answer, cancelled } = fakeApi();
    const session = new RunSession(() => api, 2, { settle: () => undefined });
    const started = session.start({ scenario: 'cpu-bound', model: 'processes' });
    await session.cancel();
    expect(session.cancelling).toBe(true);
    answer({ ok: true, meta: meta('r9') });
    await started;
    await new Promise((r) => setTimeout(r, 0));
    expect(cancelled).toEqual(['r9']);
  });
});
