// Slow-motion replay of a finished (or reopened) run: a cursor in run time that moves at a chosen
// speed (0.01×–1×) once per animation frame, pauses, steps from slice boundary to boundary and
// scrubs. It only moves the cursor; the chart draws the recorded slices up to it. The workload is
// never run again.
import type { RunStore } from '../../../shared/run-store';
import { DEFAULT_SPEED, advance, boundaries, stepEvents } from '../lib/replay-clock';

export class Replay {
  /** A replay is loaded: the chart draws up to the cursor. */
  active = $state(false);
  playing = $state(false);
  speed = $state(DEFAULT_SPEED);
  cursorUs = $state(0);
  endUs = $state(0);
  private bounds: Float64Array = new Float64Array(0);
  private frame = 0;
  private last = 0;

  /** `pixelUs`: run time one chart pixel covers now, so a step always moves a visible amount. */
  constructor(private readonly pixelUs: () => number = () => 0) {}

  /** Loads a run and plays it from the start. */
  start(store: RunStore): void {
    this.stopFrames();
    this.bounds = boundaries(store.slices);
    this.endUs = store.endUs;
    this.cursorUs = 0;
    this.active = true;
    this.play();
  }

  play(): void {
    if (!this.active) return;
    if (this.cursorUs >= this.endUs) this.cursorUs = 0;
    this.playing = true;
    this.last = performance.now();
    this.schedule();
  }

  pause(): void {
    this.playing = false;
    this.stopFrames();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /**
   * Pauses and moves to the next or previous event (slice start or end), or ten events and at
   * least 5 % of the run when coarse. Events less than a chart pixel away are passed over so
   * every press shows a change.
   */
  step(direction: 1 | -1, coarse = false): void {
    if (!this.active) return;
    this.pause();
    const px = this.pixelUs();
    const minGapUs = Number.isFinite(px) && px > 0 ? px : 0;
    this.cursorUs = stepEvents(this.bounds, this.cursorUs, direction, this.endUs, {
      coarse,
      minGapUs,
    });
  }

  seek(tUs: number): void {
    if (!this.active) return;
    this.cursorUs = Math.min(this.endUs, Math.max(0, tUs));
  }

  setSpeed(speed: number): void {
    if (speed > 0 && speed <= 1) this.speed = speed;
  }

  /** Leaves replay: the chart shows the whole run again. */
  stop(): void {
    this.pause();
    this.active = false;
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame((now) => {
      this.frame = 0;
      if (!this.playing) return;
      this.cursorUs = advance(this.cursorUs, now - this.last, this.speed, this.endUs);
      this.last = now;
      if (this.cursorUs >= this.endUs) this.playing = false;
      else this.schedule();
    });
  }

  private stopFrames(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
