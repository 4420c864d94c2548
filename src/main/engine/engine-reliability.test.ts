// Cancel, crashing and hung workers, time limits, and the shared clock: the engine survives,
// records the failure, and leaves no process or thread behind.
import { describe, expect, it } from 'vitest';
import { parseRunParams } from '../../shared/scenarios';
import { RunStore } from '../../shared/run-store';
import { startRun } from './engine';
import { ENTRIES, childPids, runToEnd } from './test-support';

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
    it(`stops a long ${model} run within a second and leaves no process behind`, async () => {
      const ctl = new AbortController();
      const handle = startRun(
        params({ scenario: 'cpu-bound', model, workers: 2, tasks: 8, size: 4000 }),
        {
          entries: ENTRIES,
          signal: ctl.signal,
        },
      );
      const store = new RunStore(handle.meta);
      const consumed = (async () => {
        for await (const ev of handle.events) store.apply(ev);
      })();
      // Wait until both workers really compute.
      while (store.actors.size < 2 || [...store.actors.values()].some((a) => a.tid === 0)) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 200));
      const t0 = performance.now();
      ctl.abort();
      const summary = await handle.summary;
      const took = performance.now() - t0;
      await consumed;
      expect(summary.status).toBe('cancelled');
      expect(took).toBeLessThan(1000);
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
  it('aligns child processes with the engine within 50 µs', async () => {
    const r = await runToEnd({
      scenario: 'say-after',
      model: 'processes',
      workers: 2,
      scale: 0.01,
    });
    expect(r.summary.clock.maxOffsetUs).toBeDefined();
    expect(r.summary.clock.maxOffsetUs ?? Infinity).toBeLessThan(50);
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
