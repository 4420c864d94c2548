// The shared visible time window of every chart panel and the axis. It follows the live edge
// (a live run: a window that grows in round steps; afterwards: the whole run) until the user
// zooms or pans; fitting again resumes following.
import { clampDomain, EMPTY_SPAN_US, fitDomain, liveDomain } from '../lib/viewport';

export class TimeView {
  t0 = $state(0);
  t1 = $state(EMPTY_SPAN_US);
  /** Chart drawing width, CSS px (the canvas column, without the label column). */
  width = $state(600);
  follow = $state(true);
  /** Latest end of the run's data, µs. */
  endUs = $state(0);

  /** Called once per frame with the run's latest end time; `live` while the run goes on. */
  setEnd(endUs: number, live = false): void {
    this.endUs = endUs;
    if (!this.follow) return;
    const [t0, t1] = live ? liveDomain(endUs) : fitDomain(endUs);
    // Assign only on change: an unchanged window must not wake the axis or the panels.
    if (t0 !== this.t0) this.t0 = t0;
    if (t1 !== this.t1) this.t1 = t1;
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
