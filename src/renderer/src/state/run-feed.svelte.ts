// The plumbing every run shown in the window shares (the main run, each run of Compare and
// Sweep): send the start request, keep the messages that arrive before the engine has named the
// run and apply them after, collect the run's events into its own RunStore and lanes, and publish
// at most once per live frame (about 15 a second, see createLiveScheduler) so the charts redraw at
// that rate however fast events come.
// A run may instead be drawn after it ends ("draw after the run"): its events are only collected
// into a store of its own, the store, lanes and charts on show stay as they were (the previous
// run, untouched: not even cleared), and a clock and the tasks done tick a few times a second, so
// the cores being measured lose almost nothing to the window. At the end the collected store
// replaces the shown one and is drawn in full.
// Subclasses say what the end of a run and an error mean to them.
import type { CoreScopeApi, RunMessage } from '../../../shared/contract';
import type { RunEvent, RunMeta, RunSummary } from '../../../shared/events';
import { RunStore } from '../../../shared/run-store';
import { decodeRunEvent } from '../../../shared/wire';
import { afterNextPaint, createLiveScheduler } from '../components/frame';
import { LaneIndex } from '../lib/lane-index';

export type StartInput = Parameters<CoreScopeApi['startRun']>[0];

/** A run drawn after it ends, while it goes on: what the window shows instead of lanes. */
export interface RunProgress {
  /** Time since the run started, µs (this window's clock, so it ticks between events). */
  readonly elapsedUs: number;
  readonly tasksDone: number;
  readonly tasks: number;
}

/** How often the progress of a run drawn after it ends is shown: 4 times a second. */
export const PROGRESS_MS = 250;

export abstract class RunFeed {
  meta = $state.raw<RunMeta | undefined>(undefined);
  /** The run's columns; replaced (not mutated reactively) per run. */
  store = $state.raw(new RunStore());
  index = $state.raw(new LaneIndex(1));
  /** Bumped once per live frame in which events were applied. */
  version = $state(0);
  /** Set while a run drawn after it ends goes on; undefined otherwise. */
  progress = $state.raw<RunProgress | undefined>(undefined);
  /** This run is drawn after it ends (set before `request`; adopted runs are drawn live). */
  protected deferred = $state(false);
  /** A run drawn after it ends: the store its events go to until it ends (then it is shown). */
  private incoming: RunStore | undefined;

  protected runId: string | undefined;
  private starting = false;
  private early: RunMessage[] = [];
  private readonly frame = createLiveScheduler(() => this.publish());
  private ticker: ReturnType<typeof setInterval> | undefined;

  /**
   * `settle`: what a start waits for before its request goes out (default: the window's next
   * paint). It may return undefined to send at once (tests that drive the request by hand).
   */
  protected constructor(
    protected cores: number,
    private readonly settle: () => Promise<void> | undefined = afterNextPaint,
  ) {
    this.index = new LaneIndex(cores);
  }

  /** Whether this run is drawn after it ends (nothing of it is drawn while it goes on). */
  get drawsAfter(): boolean {
    return this.deferred;
  }

  /** Whether the run's messages still apply (it has not ended here). */
  protected abstract get live(): boolean;
  protected abstract onEnd(summary: RunSummary): void;
  protected abstract onError(error: string): void;
  /** Called for each event applied to the store. */
  protected onEvent(_ev: RunEvent): void {}
  /** Called after each publish. */
  protected onPublished(): void {}

  /**
   * Sends the start request; undefined when the run started, otherwise why not. The request
   * waits until the window has drawn what pressing Run changed (form disabled, panels reset,
   * progress shown): that work, tens of ms on a slow machine, is then done before the engine
   * starts, not on the cores the run is measured on.
   */
  protected async request(api: CoreScopeApi, params: StartInput): Promise<string | undefined> {
    this.starting = true;
    try {
      const settled = this.settle();
      if (settled !== undefined) await settled;
      // A refused start (bad parameters, a run already going) rejects with the reason.
      const meta = await api.startRun(params);
      this.runId = meta.runId;
      this.meta = meta;
      if (this.deferred) {
        this.incoming = new RunStore(meta);
        this.startProgress(meta.params.tasks);
      } else {
        this.store = new RunStore(meta);
        this.index = new LaneIndex(Math.max(this.cores, meta.machine.logicalCores));
      }
      const early = this.early.filter((m) => m.runId === meta.runId);
      this.early = [];
      this.starting = false;
      for (const m of early) this.receive(m);
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    } finally {
      this.starting = false;
      this.early = [];
    }
  }

  /**
   * Takes over the host's run in progress, if there is one (this page was reloaded, or opened,
   * while it ran): its meta and every event so far; later messages follow as for any run. Messages
   * that came before the answer are already in it, so they are dropped. True when adopted.
   */
  protected async adoptCurrent(api: CoreScopeApi): Promise<boolean> {
    this.deferred = false;
    this.incoming = undefined;
    this.starting = true;
    try {
      const current = await api.currentRun();
      if (current === null) return false;
      const { meta } = current;
      this.runId = meta.runId;
      this.meta = meta;
      this.store = new RunStore(meta);
      this.index = new LaneIndex(Math.max(this.cores, meta.machine.logicalCores));
      for (const ev of current.events.map(decodeRunEvent)) {
        this.store.apply(ev);
        this.onEvent(ev);
      }
      return true;
    } finally {
      this.starting = false;
      this.early = [];
    }
  }

  /**
   * Forgets the run: its id, meta and data (lanes for `cores` cores). `keepShown`: the store and
   * lanes on show stay (a run drawn after it ends leaves the chart alone until its end).
   */
  protected clear(keepShown = false): void {
    this.stopProgress();
    this.runId = undefined;
    this.meta = undefined;
    this.incoming = undefined;
    if (keepShown) return;
    this.store = new RunStore();
    this.index = new LaneIndex(this.cores);
  }

  /** A run drawn after it ends is over: its collected store becomes the one on show. */
  private showIncoming(): void {
    const store = this.incoming;
    if (store === undefined) return;
    this.incoming = undefined;
    this.store = store;
    this.index = new LaneIndex(Math.max(this.cores, store.meta?.machine.logicalCores ?? 0));
  }

  /** Every run message goes through here; other runs' messages are ignored. */
  protected receive(m: RunMessage): void {
    if (this.starting) {
      this.early.push(m);
      return;
    }
    if (m.runId !== this.runId || !this.live) return;
    switch (m.kind) {
      case 'events': {
        const store = this.incoming ?? this.store;
        for (const ev of m.events) {
          store.apply(ev);
          this.onEvent(ev);
        }
        if (!this.deferred) this.frame.request();
        break;
      }
      case 'end':
        this.stopProgress();
        this.showIncoming();
        this.onEnd(m.summary);
        break;
      case 'error':
        this.stopProgress();
        this.showIncoming();
        this.onError(m.error);
        break;
    }
  }

  /** Ingests new slices into lanes and tells the views, now. */
  protected publish(): void {
    this.frame.cancel();
    this.index.ingest(this.store);
    this.version++;
    this.onPublished();
  }

  /** Progress of a run drawn after it ends: elapsed time and tasks done, every PROGRESS_MS. */
  private startProgress(tasks: number): void {
    this.stopProgress();
    const started = performance.now();
    const tick = (): void => {
      const store = this.incoming ?? this.store;
      this.progress = {
        elapsedUs: Math.max(store.endUs, (performance.now() - started) * 1000),
        tasksDone: store.tasksDone.size,
        tasks: Math.max(tasks, store.tasks.size),
      };
    };
    tick();
    this.ticker = setInterval(tick, PROGRESS_MS);
  }

  protected stopProgress(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
    this.progress = undefined;
  }
}
