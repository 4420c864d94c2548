// Every shipped example on real CPython: the recorded structure (tasks, overlapping or never
// overlapping sleeps, a blocked loop, GIL waits, processes on different cores). Structure only:
// timings are bench figures. Sleeps are scaled down (--scale) to keep the suite short.
import { describe, expect, it } from 'vitest';
import { LANE_ACTOR, LANE_TASK } from '../../../shared/events';
import { overlapUs, runPython, slices } from './python-test-support';

describe('Python examples on real CPython', () => {
  it('say_after_tasks overlaps its two sleeps; say_after_awaits does not', async () => {
    const tasks = await runPython('say_after_tasks.py', 0.1);
    expect(tasks.summary.status).toBe('completed');
    const labels = [...tasks.store.tasks.values()].map((t) => t.label);
    expect(labels).toEqual(
      expect.arrayContaining(["say_after(1, 'hello')", "say_after(2, 'world')"]),
    );
    const sleepsT = slices(tasks.store).filter(
      (s) => s.lane === LANE_TASK && s.state === 'sleeping',
    );
    expect(sleepsT.length).toBe(2);
    // The 0.1 s sleep lies wholly inside the 0.2 s one.
    expect(overlapUs(sleepsT)).toBeGreaterThan(90_000);

    const awaits = await runPython('say_after_awaits.py', 0.1);
    expect(awaits.summary.status).toBe('completed');
    const sleepsA = slices(awaits.store).filter(
      (s) => s.lane === LANE_TASK && s.state === 'sleeping',
    );
    expect(sleepsA.length).toBe(2);
    expect(overlapUs(sleepsA)).toBe(0);
    // One thread, the event loop, ran both.
    const loop = [...awaits.store.actors.values()];
    expect(loop.map((a) => a.kind)).toEqual(['event-loop']);
    expect(slices(awaits.store).some((s) => s.lane === LANE_ACTOR && s.state === 'running')).toBe(
      true,
    );
  });
});
