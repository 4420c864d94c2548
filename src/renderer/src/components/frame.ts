// Frame scheduling for the canvas. `createFrameScheduler` coalesces redraw requests to one
// requestAnimationFrame callback (interaction: full rate). `createLiveScheduler` does the same
// but at most once per `intervalMs`, for the stream of a live run: measured in headless Chromium
// on 2 cores, drawing every frame (60/s) of a 1 s two-process run cost the browser ~0.6 of a
// core, most of it outside our script (paint, raster, compositing), so the way to spend less is
// to make fewer frames.

export interface FrameScheduler {
  request(): void;
  cancel(): void;
}

export function createFrameScheduler(run: () => void): FrameScheduler {
  let id = 0;
  return {
    request() {
      if (id !== 0) return;
      id = requestAnimationFrame(() => {
        id = 0;
        run();
      });
    },
    cancel() {
      if (id !== 0) cancelAnimationFrame(id);
      id = 0;
    },
  };
}

/**
 * Shortest gap between two live frames. The engine already paces a run's messages (one per
 * FRAME_MS, ~15 a second), and a frame follows each message at once (low latency); this only
 * caps bursts, e.g. several runs of Compare whose messages arrive out of step.
 */
export const LIVE_FRAME_MS = 50;

/**
 * Like createFrameScheduler, but a callback runs at most once per `intervalMs` (leading edge:
 * the first request after a quiet spell draws on the next frame, so latency stays low).
 */
export function createLiveScheduler(
  run: () => void,
  intervalMs = LIVE_FRAME_MS,
  now: () => number = () => performance.now(),
): FrameScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  const frame = createFrameScheduler(() => {
    last = now();
    run();
  });
  return {
    request() {
      if (timer !== undefined) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) {
        frame.request();
        return;
      }
      timer = setTimeout(() => {
        timer = undefined;
        frame.request();
      }, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      frame.cancel();
    },
  };
}

/** Longest wait for a frame before a run starts anyway (a hidden page gets no frames). */
export const SETTLE_MAX_MS = 100;

/**
 * Resolves once the browser has drawn the page as it is now: after the next animation frame and
 * the task that follows it (the frame's paint), or after SETTLE_MAX_MS if no frame comes (a page
 * in the background), or at once where there are no frames at all (unit tests in Node).
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, SETTLE_MAX_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
