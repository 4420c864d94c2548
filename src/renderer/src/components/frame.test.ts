import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveScheduler } from './frame';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 16));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createLiveScheduler', () => {
  it('runs the first request on the next frame, then at most once per interval', () => {
    let runs = 0;
    const s = createLiveScheduler(
      () => runs++,
      66,
      () => Date.now(),
    );
    s.request();
    vi.advanceTimersByTime(16);
    expect(runs).toBe(1);
    // A stream of requests, one every 10 ms for 660 ms, makes ~10 frames, not 66.
    for (let t = 0; t < 66; t++) {
      s.request();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(200);
    expect(runs).toBeGreaterThanOrEqual(9);
    expect(runs).toBeLessThanOrEqual(12);
  });

  it('cancel drops a pending frame', () => {
    let runs = 0;
    const s = createLiveScheduler(
      () => runs++,
      66,
      () => Date.now(),
    );
    s.request();
    vi.advanceTimersByTime(16);
    s.request();
    s.cancel();
    vi.advanceTimersByTime(500);
    expect(runs).toBe(1);
  });
});
