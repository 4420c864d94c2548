// The controller's one activity and its rules: what each control may do while a run, Compare,
// Sweep or replay is going, and the repeated-Space guard. The host here is a scripted stand-in
// that validates parameters with the engine's real schema and answers when the test says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreScopeApi, RunMessage } from '../../../shared/contract';
import { testApi } from '../api/test-api';
import type { RunMeta, RunSummary } from '../../../shared/events';
import { SCENARIO_CATALOG, parseRunParams } from '../../../shared/scenarios';
import { sliceData } from '../lib/test-helpers';
import { ACTIVITIES, activityOf, permits, primaryAction } from './activity';
import { AppController } from './app-controller.svelte';
import { TEST_MACHINE as machine, testSummary } from '../../../shared/test-figures';

const summary = (status: RunSummary['status']): RunSummary =>
  testSummary({
    status,
    wallMs: 10,
    cpuMs: 15,
    coreBusy: [0.5, 0.5],
    tasks: 1,
    tasksDone: 1,
    slices: 1,
  });

type StartInput = Parameters<CoreScopeApi['startRun']>[0];

interface Host {
  readonly api: CoreScopeApi;
  readonly started: StartInput[];
  readonly cancelled: string[];
  /** Ends the latest run with this status. */
  end(status: RunSummary['status']): void;
}

function scriptedHost(): Host {
  const listeners = new Set<(m: RunMessage) => void>();
  const started: StartInput[] = [];
  const cancelled: string[] = [];
  let n = 0;
  const send = (m: RunMessage): void => listeners.forEach((l) => l(m));
  const api = testApi({
    machineInfo: async () => machine,
    listScenarios: async () => SCENARIO_CATALOG,
    listLibrary: async () => [],
    currentRun: async () => null,
    startRun: async (input): Promise<RunMeta> => {
      const parsed = parseRunParams(input, machine.logicalCores);
      if (!parsed.ok) throw new Error(parsed.error);
      started.push(input);
      n++;
      const runId = `r${n}`;
      queueMicrotask(() =>
        send({
          kind: 'events',
          runId,
          events: [{ kind: 'slices', data: sliceData([[0, 0, 0, 0, 0, 0, 10]]) }],
        }),
      );
      return { runId, machine, startedAt: '', clock: { source: 'test' }, params: parsed.params };
    },
    cancelRun: async (id) => {
      cancelled.push(id);
      send({ kind: 'end', runId: id, summary: summary('cancelled') });
      return null;
    },
    subscribeRuns: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  });
  return {
    api,
    started,
    cancelled,
    end: (status) => send({ kind: 'end', runId: `r${n}`, summary: summary(status) }),
  };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function mounted(now = () => 0): Promise<{ ctl: AppController; host: Host }> {
  const host = scriptedHost();
  const ctl = new AppController(() => host.api, { now, settle: () => undefined });
  ctl.mount();
  await vi.waitFor(() => expect(ctl.machine.loading).toBe(false));
  return { ctl, host };
}

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterEach(() => vi.unstubAllGlobals());

describe('activity rules', () => {
  it('names one activity, runs before replay', () => {
    const none = { running: false, comparing: false, sweeping: false, replaying: false };
    expect(activityOf(none)).toBe('idle');
    expect(activityOf({ ...none, replaying: true })).toBe('replay');
    expect(activityOf({ ...none, running: true, replaying: true })).toBe('run');
    expect(activityOf({ ...none, comparing: true })).toBe('compare');
    expect(activityOf({ ...none, sweeping: true })).toBe('sweep');
  });

  it('lets one thing use the cores at a time, and saving always', () => {
    for (const a of ACTIVITIES) {
      const p = permits(a);
      const busy = a === 'run' || a === 'compare' || a === 'sweep';
      expect([p.run, p.compare, p.sweep, p.editForm, p.open, p.replay]).toEqual(
        Array(6).fill(!busy),
      );
      expect(p.save).toBe(true);
    }
    expect(ACTIVITIES.map(primaryAction)).toEqual([
      'run',
      'cancel-run',
      'cancel-compare',
      'cancel-sweep',
      'run',
    ]);
  });
});

describe('AppController', () => {
  it('fills the form from the machine and runs it; while it runs, nothing else starts', async () => {
    const { ctl, host } = await mounted();
    expect(ctl.activity).toBe('idle');
    expect(ctl.form.text.workers).toBe('2');
    ctl.run();
    expect(ctl.activity).toBe('run');
    expect(ctl.can.editForm).toBe(false);
    await tick();
    ctl.startCompare();
    ctl.startSweep();
    ctl.chooseModel(0);
    expect(ctl.form.model).toBe('processes');
    expect(ctl.compare.state).toBe('idle');
    expect(ctl.sweep.state).toBe('idle');
    expect(host.started).toHaveLength(1);
    expect(ctl.session.notices.list.map((n) => n.text)).toEqual([
      'Cannot start Compare now: a run is going: cancel it or wait for it to finish.',
      'Cannot start a sweep now: a run is going: cancel it or wait for it to finish.',
    ]);
    host.end('completed');
    expect(ctl.activity).toBe('idle');
    ctl.chooseModel(0);
    expect(ctl.form.model).toBe('sequential');
  });

  it('refuses to run an invalid form, saying which field, and starts nothing', async () => {
    const { ctl, host } = await mounted();
    ctl.form.text.workers = 'two';
    ctl.form.text.scale = '';
    expect(ctl.runnable).toBe(false);
    ctl.run();
    expect(ctl.activity).toBe('idle');
    expect(host.started).toEqual([]);
    expect(ctl.session.notices.list.at(-1)?.text).toBe(
      'Fix the run form first: Workers must be a whole number (got "two"); Scale is empty: type a number.',
    );
    ctl.form.text.workers = '1';
    ctl.form.text.scale = '0.5';
    expect(ctl.runnable).toBe(true);
  });

  it('ignores a second Space soon after the first, so the run it started goes on', async () => {
    let now = 10_000;
    const { ctl, host } = await mounted(() => now);
    ctl.primaryKey();
    expect(ctl.activity).toBe('run');
    await tick();
    now += 120;
    ctl.primaryKey();
    await tick();
    expect(host.cancelled).toEqual([]);
    expect(ctl.activity).toBe('run');
    // later, Space cancels as it says
    now += 1000;
    ctl.primaryKey();
    await vi.waitFor(() => expect(ctl.activity).toBe('idle'));
    expect(host.cancelled).toEqual(['r1']);
    expect(ctl.session.summary?.status).toBe('cancelled');
  });

  it('the primary button cancels at once, and cancels Compare when Compare runs', async () => {
    const { ctl, host } = await mounted();
    ctl.primary();
    await tick();
    ctl.primary();
    await vi.waitFor(() => expect(ctl.activity).toBe('idle'));
    expect(host.cancelled).toEqual(['r1']);

    ctl.compare.models = ['threads', 'processes'];
    ctl.startCompare();
    expect(ctl.activity).toBe('compare');
    expect(ctl.primaryLabel).toBe('Cancel');
    await tick();
    ctl.primary();
    await vi.waitFor(() => expect(ctl.compare.state).toBe('cancelled'));
    expect(ctl.activity).toBe('idle');
    expect(host.started).toHaveLength(2);
  });

  it('a run started from a replay leaves the replay; replay waits for the run to end', async () => {
    const { ctl, host } = await mounted();
    ctl.run();
    await tick();
    ctl.startReplay();
    expect(ctl.replay.active).toBe(false);
    host.end('completed');
    ctl.startReplay();
    expect(ctl.activity).toBe('replay');
    expect(ctl.can.run).toBe(true);
    ctl.run();
    expect(ctl.replay.active).toBe(false);
    expect(ctl.activity).toBe('run');
  });

  it('opening a saved run sets the form to what it ran; opening is refused while busy', async () => {
    const { ctl, host } = await mounted();
    ctl.form.chooseScenario('say-after');
    ctl.form.model = 'async';
    ctl.form.text.scale = '0.05';
    ctl.run();
    await tick();
    host.end('completed');
    const { toRunFile } = await import('../../../shared/run-file');
    const saved = ctl.session.summary;
    if (saved === undefined) throw new Error('no summary');
    const file = toRunFile(ctl.session.store, saved);

    ctl.form.chooseScenario('cpu-bound');
    ctl.form.model = 'processes';
    ctl.form.text.workers = '1';
    expect(ctl.opening.openRunFile(file, 'kept.json')).toBe(true);
    expect(ctl.form.scenario).toBe('say-after');
    expect(ctl.form.model).toBe('async');
    expect(ctl.form.text.workers).toBe('2');
    expect(ctl.form.text.scale).toBe('0.05');
    expect(ctl.lecture.openedName).toBe('kept.json');

    ctl.run();
    expect(ctl.opening.openRunFile(file, 'again.json')).toBe(false);
    expect(ctl.session.notices.list.at(-1)?.text).toBe(
      'Cannot open a file now: a run is going: cancel it or wait for it to finish.',
    );
    expect(host.started.at(-1)).toMatchObject({
      scenario: 'say-after',
      model: 'async',
      scale: 0.05,
    });
  });
});
