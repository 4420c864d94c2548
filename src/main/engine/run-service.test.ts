import { describe, expect, it } from 'vitest';
import type { RunMessage } from '../../shared/contract';
import { RunStore } from '../../shared/run-store';
import { createRunService } from './run-service';
import { ENTRIES, childPids } from './test-support';

function collect(service: ReturnType<typeof createRunService>) {
  const messages: RunMessage[] = [];
  let resolveEnd: (m: RunMessage) => void = () => undefined;
  const ended = new Promise<RunMessage>((r) => (resolveEnd = r));
  service.subscribe((m) => {
    messages.push(m);
    if (m.kind !== 'events') resolveEnd(m);
  });
  return { messages, ended };
}

describe('RunService', () => {
  it('rejects bad input with one line and starts nothing', () => {
    const service = createRunService({ entries: ENTRIES });
    const r = service.startRun({ scenario: 'cpu-bound', model: 'threads', workers: 0 });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/workers must be from 1 to 64/) });
    expect(service.startRun('rm -rf /')).toMatchObject({ ok: false });
    expect(childPids()).toEqual([]);
  });

  it('checks a cores limit against this machine and says when it cannot limit cores', async () => {
    const service = createRunService({ entries: ENTRIES });
    const machine = service.machineInfo();
    const tooMany = machine.logicalCores + 1;
    const r = service.startRun({ scenario: 'say-after', model: 'async', cores: tooMany });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/cores must be from 1 to/) });
    expect(typeof machine.coresLimitNote).toBe('string');
    const one = service.startRun({ scenario: 'say-after', model: 'async', scale: 0.01, cores: 1 });
    if (machine.coresLimitable === true) {
      expect(one.ok).toBe(true);
      await service.dispose();
    } else {
      expect(one).toEqual({
        ok: false,
        error: expect.stringMatching(/cores limit is unavailable/),
      });
    }
  });

  it('streams coalesced batches, then one end message; refuses a second run meanwhile', async () => {
    const service = createRunService({ entries: ENTRIES });
    const { messages, ended } = collect(service);
    const r = service.startRun({
      scenario: 'cpu-bound',
      model: 'processes',
      workers: 2,
      tasks: 2,
      size: 50,
    });
    expect(r.ok).toBe(true);
    expect(service.startRun({ scenario: 'say-after', model: 'async' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already in progress/),
    });
    const end = await ended;
    expect(end.kind).toBe('end');
    const store = new RunStore();
    for (const m of messages) if (m.kind === 'events') m.events.forEach((e) => store.apply(e));
    expect(store.sliceCount).toBeGreaterThan(0);
    expect(store.actors.size).toBe(2);
    // Far fewer messages than events: batches are merged per frame.
    expect(messages.length).toBeLessThan(store.sliceCount);
    expect(service.startRun({ scenario: 'say-after', model: 'async', scale: 0.01 }).ok).toBe(true);
    await service.dispose();
    expect(childPids()).toEqual([]);
  });

  it('cancels the current run by id and ignores unknown ids', async () => {
    const service = createRunService({ entries: ENTRIES });
    const { ended } = collect(service);
    const r = service.startRun({
      scenario: 'cpu-bound',
      model: 'processes',
      workers: 2,
      tasks: 4,
      size: 4000,
    });
    if (!r.ok) throw new Error(r.error);
    service.cancelRun('not-a-run');
    service.cancelRun(r.meta.runId);
    const end = await ended;
    expect(end.kind === 'end' && end.summary.status).toBe('cancelled');
    expect(childPids()).toEqual([]);
  });
});
