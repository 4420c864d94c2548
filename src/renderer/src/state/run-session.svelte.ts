// One run at a time, from the Run button to its summary: starts and cancels runs through the
// API and shows their progress, failures and summary; the shared RunFeed collects the events and
// publishes them per live frame. A second run resets everything; a run opened from a file or the
// library is shown the same way, without running.
import type { CoreScopeApi } from '../../../shared/contract';
import type { RunEvent, RunSummary } from '../../../shared/events';
import type { LoadedRun } from '../../../shared/loaded-run';
import type { RunStore } from '../../../shared/run-store';
import { drawCost, withDrawCost } from '../lib/draw-cost';
import { LaneIndex } from '../lib/lane-index';
import { Notices } from './notices.svelte';
import { RunFeed, type StartInput } from './run-feed.svelte';

export type RunState = 'idle' | 'running' | 'finished' | 'error';

/** Most failure notices shown at once; the summary lists them all. */
const MAX_FAILURE_NOTICES = 5;

export interface RunSessionHooks {
  /** Called after each publish with the store, e.g. to move the time window's live edge. */
  readonly onPublish?: (store: RunStore) => void;
  /** Called once when a started run ends with a summary (e.g. to keep it in the library). */
  readonly onFinish?: (store: RunStore, summary: RunSummary) => void;
  /** What a start waits for before its request goes out (RunFeed's `settle`). */
  readonly settle?: () => Promise<void> | undefined;
}

export class RunSession extends RunFeed {
  state = $state<RunState>('idle');
  summary = $state.raw<RunSummary | undefined>(undefined);
  /** Bumped when lanes or their labels change (new actor, task or core lane). */
  lanesVersion = $state(0);
  cancelling = $state(false);
  readonly notices = new Notices();

  private laneShape = '';
  private actorUpdates = 0;
  /** Cancel pressed before the engine answered the start request. */
  private cancelRequested = false;
  private failureNotices = 0;

  /** `api` is called lazily so a missing transport becomes a message, not a crash. */
  constructor(
    private readonly api: () => CoreScopeApi,
    cores: number,
    private readonly hooks: RunSessionHooks = {},
  ) {
    super(cores, hooks.settle);
  }

  get running(): boolean {
    return this.state === 'running';
  }

  protected get live(): boolean {
    return this.running;
  }

  setCores(cores: number): void {
    this.cores = cores;
    if (this.state === 'idle') this.index = new LaneIndex(cores);
    this.lanesVersion++;
  }

  /** Subscribes to run messages; returns the unsubscribe function. */
  connect(): () => void {
    return this.api().subscribeRuns((m) => this.receive(m));
  }

  /** `drawAfter`: collect the run without drawing it, then draw it in full when it ends. */
  async start(params: StartInput, drawAfter = false): Promise<void> {
    if (this.running) return;
    // A run drawn after it ends leaves the chart (the previous run) alone until its end.
    this.deferred = drawAfter;
    this.reset(drawAfter);
    drawCost.reset();
    this.state = 'running';
    let error: string | undefined;
    try {
      error = await this.request(this.api(), params);
    } catch (e) {
      // this.api() itself may throw when there is no transport
      error = e instanceof Error ? e.message : String(e);
    }
    if (error !== undefined) this.fail(`The run did not start: ${error}`);
    else if (this.cancelRequested && this.running) void this.cancel();
  }

  /**
   * Shows the host's run in progress, if any, as this page's own (running, Cancel enabled): a
   * reload during a run must not leave the page idle while the host refuses every Run.
   */
  async adopt(): Promise<void> {
    if (this.state !== 'idle') return;
    this.state = 'running';
    let adopted = false;
    try {
      adopted = await this.adoptCurrent(this.api());
    } catch (e) {
      this.notices.add(`Cannot see the host's run: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!adopted) {
      this.state = 'idle';
      // The machine's cores may have arrived while this looked (setCores waits for idle).
      this.setCores(this.cores);
      return;
    }
    this.publish();
  }

  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelling = true;
    const id = this.runId;
    if (id === undefined) {
      this.cancelRequested = true; // sent once the engine names the run
      return;
    }
    this.cancelRequested = false;
    try {
      await this.api().cancelRun(id);
    } catch (e) {
      this.notices.add(`Cancel failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Shows a finished run opened from a file or the library (nothing is run). */
  showRun(run: LoadedRun): void {
    if (this.running) return;
    this.reset();
    const meta = run.store.meta;
    this.meta = meta;
    this.store = run.store;
    this.index = new LaneIndex(Math.max(this.cores, meta?.machine.logicalCores ?? 0));
    this.summary = run.summary;
    this.state = 'finished';
    this.publish();
  }

  private reset(keepShown = false): void {
    this.clear(keepShown);
    this.summary = undefined;
    this.cancelling = false;
    this.cancelRequested = false;
    this.failureNotices = 0;
    this.notices.clear();
    this.laneShape = '';
    // Nothing shown changed when the chart is kept: no frame for it.
    if (!keepShown) this.publish();
  }

  private fail(message: string): void {
    this.state = 'error';
    this.cancelling = false;
    this.notices.add(message);
    this.publish();
  }

  protected onEnd(engineSummary: RunSummary): void {
    // What the window's own drawing cost during the run goes with the engine's figures.
    const summary = withDrawCost(engineSummary);
    this.summary = summary;
    this.state = 'finished';
    this.cancelling = false;
    if (summary.status === 'failed' && this.store.failures.length === 0) {
      this.notices.add('The run failed.');
    }
    this.publish();
    this.hooks.onFinish?.(this.store, summary);
  }

  protected onError(error: string): void {
    this.fail(`The run stopped with an error: ${error}`);
  }

  protected onEvent(ev: RunEvent): void {
    // An actor is announced at spawn and again, with its real thread id, once it is ready.
    if (ev.kind === 'actor') this.actorUpdates++;
    if (ev.kind === 'failure') {
      this.failureNotices++;
      if (this.failureNotices <= MAX_FAILURE_NOTICES)
        this.notices.add(`A worker failed: ${ev.reason}`);
      else if (this.failureNotices === MAX_FAILURE_NOTICES + 1) {
        this.notices.add('More workers failed; the run summary lists every failure.');
      }
    }
  }

  /** New lanes (or new names for them) bump lanesVersion; every publish bumps version. */
  protected onPublished(): void {
    const idx = this.index;
    const shape = `${idx.cores.length}/${idx.actors.size}/${idx.tasks.size}/${this.actorUpdates}/${this.store.tasks.size}`;
    if (shape !== this.laneShape) {
      this.laneShape = shape;
      this.lanesVersion++;
    }
    this.hooks.onPublish?.(this.store);
  }
}
