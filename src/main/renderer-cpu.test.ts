import { describe, expect, it } from 'vitest';
import type { RunMessage } from '../shared/contract';
import { testSummary } from '../shared/test-figures';
import { createRendererMeter, windowCpuSeconds, type ProcessMetricLike } from './renderer-cpu';

const metric = (pid: number, type: string, seconds?: number): ProcessMetricLike => ({
  pid,
  type,
  cpu: seconds === undefined ? {} : { cumulativeCPUUsage: seconds },
});

describe('windowCpuSeconds', () => {
  it("adds the GPU process (it composites the window's drawing) to the window's renderer", () => {
    const m = [
      metric(1, 'Browser', 9),
      metric(7, 'Tab', 2.5),
      metric(8, 'Tab', 4),
      metric(3, 'GPU', 1),
    ];
    expect(windowCpuSeconds(m, 7)).toBe(3.5);
  });

  it('counts the renderer alone without a GPU process, and nothing without the renderer', () => {
    expect(windowCpuSeconds([metric(7, 'Tab', 2.5)], 7)).toBe(2.5);
    expect(windowCpuSeconds([metric(3, 'GPU', 1)], 7)).toBeUndefined();
    expect(windowCpuSeconds([metric(7, 'Tab')], 7)).toBeUndefined();
  });
});

describe('createRendererMeter', () => {
  function meter(pid: () => number | undefined = () => 7) {
    let seconds = 10;
    const metrics = () => [metric(pid() ?? 0, 'Tab', seconds), metric(3, 'GPU', 1)];
    const annotate = createRendererMeter({ metrics, rendererPid: pid });
    return { annotate, spend: (s: number) => (seconds += s) };
  }
  const events = (runId: string): RunMessage => ({ kind: 'events', runId, events: [] });
  const end = (runId: string): RunMessage => ({
    kind: 'end',
    runId,
    summary: testSummary({ observer: { engineCpuMs: 5 } }),
  });

  it("puts the window's CPU from the run's first message to its end into the summary, ms", () => {
    const { annotate, spend } = meter();
    const first = events('a');
    expect(annotate(first)).toBe(first);
    spend(0.03);
    annotate(events('a')); // later batches do not move the starting point
    spend(0.012);
    const out = annotate(end('a'));
    expect(out.kind).toBe('end');
    if (out.kind !== 'end') return;
    expect(out.summary.observer?.engineCpuMs).toBe(5);
    expect(out.summary.observer?.rendererCpuMs).toBeCloseTo(42, 6);
  });

  it('leaves ends it could not measure as they are', () => {
    const { annotate } = meter();
    const unseen = end('b');
    expect(annotate(unseen)).toBe(unseen); // no first message seen
    let pid = 7;
    const moving = meter(() => pid);
    moving.annotate(events('c'));
    pid = 9; // the window was reloaded into a new renderer process
    const e = end('c');
    expect(moving.annotate(e)).toBe(e);
    const none = meter(() => undefined);
    none.annotate(events('d'));
    const d = end('d');
    expect(none.annotate(d)).toBe(d);
  });

  it('passes error messages through and forgets the run', () => {
    const { annotate } = meter();
    annotate(events('e'));
    const err: RunMessage = { kind: 'error', runId: 'e', error: 'boom' };
    expect(annotate(err)).toBe(err);
    const late = end('e');
    expect(annotate(late)).toBe(late);
  });
});
