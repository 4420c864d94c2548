// Cancel, crashing and hung workers, time limits, and the shared clock: the engine survives,
// records the failure, and leaves no process or thread behind.
import { describe, expect, it } from 'vitest';
import { parseRunParams } from '../../shared/scenarios';
import { RunStore } from '../../shared/run-store';
import { startRun } from './engine';
import { LANE_TASK } from '../../shared/events';
import { ENTRIES, childPids, runToEnd, slicesOf } from './test-support';

function params(input: Parameters<typeof parseRunParams>[0]) {
  const p = parseRunParams(input, 2);
  if (!p.ok) throw new Error(p.error);
  return p.params;
}

async function drain(events: AsyncIterable<unknown>): Promise<void> {
  for await (const ev of events) void ev;
}

describe('cancel', () => {
  for (const model of ['processes', 'threads', 'gil-threads'] as const) {
    it(`stops a long ${model} run mid-computation and leaves no process behind`, async () => {
      const ctl = new AbortController();
      const handle = startRun(
        params({ scenario: 'cpu-bound', model, workers: 2, tasks: 8, size: 4000 }),
        { entries: ENTRIES, signal: ctl.signal },
      );
      const store = new RunStore(handle.meta);
      // Cancel as soon as the trace shows both workers computing (a signal, not a sleep).
      let computing: () => void = () => undefined;
      const bothComputing = new Promise<void>((res) => (computing = res));
      const consumed = (async () => {
        for await (const ev of handle.events) {
          store.apply(ev);
          if (new Set(slicesOf(store, { state: 'running' }).map((s) => s.actor)).size >= 2)
            computing();
        }
      })();
      await bothComputing;
      ctl.abort();
      const summary = await handle.summary;
      await consumed;
      expect(summary.status).toBe('cancelled');
      // 8 tasks of seconds each: the run was stopped, not waited out.
      expect(summary.tasksDone).toBeLessThan(8);
      expect(childPids()).toEqual([]);
    });
  }
});

describe('faults', () => {
  for (const kind of ['throw', 'exit'] as const) {
    for (const model of ['threads', 'processes'] as const) {
      it(`records a worker that ${kind}s under ${model}; the others finish`, async () => {
        const r = await runToEnd(
          { scenario: 'cpu-bound', model, workers: 2, tasks: 4, size: 20 },
          { fault: { task: 1, kind } },
        );
        expect(r.summary.status).toBe('failed');
        expect(r.summary.failures.some((f) => f.actor !== undefined)).toBe(true);
        expect(r.store.failures.some((f) => f.task === 1)).toBe(true);
        expect(r.summary.tasksDone).toBe(3);
        expect(childPids()).toEqual([]);
      });
    }
  }

  it('stops a hung worker at the time limit', async () => {
    const r = await runToEnd(
      { scenario: 'cpu-bound', model: 'processes', workers: 2, tasks: 2, size: 10 },
      { fault: { task: 0, kind: 'hang' }, maxRunMs: 1500 },
    );
    expect(r.summary.status).toBe('failed');
    expect(r.summary.failures.map((f) => f.reason).join(' ')).toMatch(/time limit/);
    expect(childPids()).toEqual([]);
  });

  it('records a child process killed from outside', async () => {
    const handle = startRun(
      params({ scenario: 'cpu-bound', model: 'processes', workers: 2, tasks: 4, size: 300 }),
      {
        entries: ENTRIES,
      },
    );
    const store = new RunStore(handle.meta);
    const consumed = (async () => {
      for await (const ev of handle.events) {
        store.apply(ev);
        const victim = store.actors.get(0);
        if (ev.kind === 'slices' && victim && victim.pid > 0 && store.failures.length === 0) {
          try {
            process.kill(victim.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
    })();
    const summary = await handle.summary;
    await consumed;
    expect(summary.status).toBe('failed');
    expect(summary.failures.some((f) => /SIGKILL/.test(f.reason))).toBe(true);
    expect(childPids()).toEqual([]);
  });
});

describe('clock', () => {
  // How close the clocks agree (µs) is a bench figure; here: it was measured, and every child's
  // slice lies inside the engine's run.
  it('measures each child process against the engine and places its slices inside the run', async () => {
    const r = await runToEnd({
      scenario: 'say-after',
      model: 'processes',
      workers: 2,
      scale: 0.01,
    });
    expect(r.summary.status).toBe('completed');
    const offset = r.summary.clock.maxOffsetUs;
    expect(offset).toBeDefined();
    expect(Number.isFinite(offset)).toBe(true);
    expect(offset ?? -1).toBeGreaterThanOrEqual(0);
    const slices = [...slicesOf(r.store), ...slicesOf(r.store, { lane: LANE_TASK })];
    const actors = [...r.store.actors.values()];
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.every((a) => a.pid > 0 && a.pid !== process.pid)).toBe(true);
    for (const s of slices) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThanOrEqual(s.start);
    }
    // Both tasks' sleeps were recorded on their task lanes.
    expect(slicesOf(r.store, { lane: LANE_TASK, state: 'sleeping' }).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});

describe('a run after a cancelled run', () => {
  it('works', async () => {
    const handle = startRun(params({ scenario: 'cpu-bound', model: 'threads', tasks: 2 }), {
      entries: ENTRIES,
    });
    handle.cancel();
    await drain(handle.events);
    expect((await handle.summary).status).toBe('cancelled');
    const r = await runToEnd({ scenario: 'cpu-bound', model: 'threads', tasks: 2, size: 20 });
    expect(r.summary.status).toBe('completed');
  });
});
