// Swallows a repeated press of the same key within a short window. Space both starts and cancels
// a run; a lecturer who presses it twice in quick succession (or holds it down) means "run", not
// "run, then cancel what I just started". The clock is injected so tests need no real time.

/** How long after an accepted press a second one is ignored, ms. */
export const REPEAT_WINDOW_MS = 600;

export class PressGuard {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs: number = REPEAT_WINDOW_MS,
  ) {}

  /** True when this press should act; false for a repeat inside the window. */
  accept(): boolean {
    const t = this.now();
    if (t - this.last < this.windowMs) return false;
    this.last = t;
    return true;
  }
}
