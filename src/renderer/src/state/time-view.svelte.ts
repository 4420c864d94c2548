// The shared visible time window of every chart panel and the axis. It follows the live edge
// (fits the whole run as it grows) until the user zooms or pans; fitting again resumes following.
import { clampDomain, EMPTY_SPAN_US, fitDomain } from '../lib/viewport';

export class TimeView {
  t0 = $state(0);
  t1 = $state(EMPTY_SPAN_US);
  /** Chart drawing width, CSS px (the canvas column, without the label column). */
  width = $state(600);
  follow = $state(true);
  /** Latest end of the run's data, µs. */
  endUs = $state(0);

  /** Called once per frame with the run's latest end time. */
  setEnd(endUs: number): void {
    this.endUs = endUs;
    if (this.follow) [this.t0, this.t1] = fitDomain(endUs);
  }

  /** The window a fit shows now: the whole run. */
  get fitted(): [number, number] {
    return fitDomain(this.endUs);
  }

  /**
   * A window chosen by the user (zoom, pan, keys): stops following the live edge, unless the
   * window has grown back to the whole run.
   */
  show(t0: number, t1: number): void {
    const [, limit] = this.fitted;
    [this.t0, this.t1] = clampDomain(t0, t1, limit);
    this.follow = this.t0 <= 0 && this.t1 >= limit;
  }

  fit(): void {
    this.follow = true;
    [this.t0, this.t1] = this.fitted;
  }

  reset(): void {
    this.endUs = 0;
    this.fit();
  }
}
