// Coalesces redraw requests to one requestAnimationFrame callback.

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
