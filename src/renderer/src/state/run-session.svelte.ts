// One run at a time, from the Run button to its summary: starts and cancels runs through the
// API, applies the run's message batches to a RunStore as they arrive, and publishes at most one
// `version` bump per live frame (about 15 a second, see createLiveScheduler) so the chart redraws
// at that rate however fast events come.
// A second run resets everything.
import type { CoreScopeApi, RunMessage } from '../../../shared/contract';
import type { RunEvent, RunMeta, RunSummary } from '../../../shared/events';
import type { LoadedRun } from '../../../shared/loaded-run';
import type { RunParamsInput } from '../../../shared/params';
import { RunStore } from '../../../shared/run-store';
import { createLiveScheduler } from '../components/frame';
import { drawCost, withDrawCost } from '../lib/draw-cost';
import { LaneIndex } from '../lib/lane-index';
import { Notices } from './notices.svelte';

export type RunState = 'idle' | 'running' | 'finished' | 'error';

/** Most failure notices shown at once; the summary lists them all. */
const MAX_FAILURE_NOTICES = 5;

export interface RunSessionHooks {
  /** Called after each publish with the store, e.g. to move the time window's live edge. */
  readonly onPublish?: (store: RunStore) => void;
  /** Called once when a started run ends with a summary (e.g. to keep it in the library). */
  readonly onFinish?: (store: RunStore, summary: RunSummary) => void;
}

export class RunSession {
  state = $state<RunState>('idle');
  meta = $state.raw<RunMeta | undefined>(undefined);
  summary = $state.raw<RunSummary | undefined>(undefined);
  /** The live run's columns; replaced (not mutated reactively) per run. */
  store = $state.raw(new RunStore());
  index = $state.raw(new LaneIndex(1));
  /** Bumped once per live frame in which events were applied. */
  version = $state(0);
  /** Bumped when lanes or their labels change (new actor, task or core lane). */
  lanesVersion = $state(0);
  cancelling = $state(false);
  readonly notices = new Notices();

  private runId: string | undefined;
  private starting = false;
  private early: RunMessage[] = [];
  private readonly frame = createLiveScheduler(() => this.publish());
  private laneShape = '';
  private actorUpdates = 0;
  /** Cancel pressed before the engine answered the start request. */
  private cancelRequested = false;
  private failureNotices = 0;

  /** `api` is called lazily so a missing transport becomes a message, not a crash. */
  constructor(
    private readonly api: () => CoreScopeApi,
    private cores: number,
    private readonly hooks: RunSessionHooks = {},
  ) {}

  get running(): boolean {
    return this.state === 'running';
  }

  setCores(cores: number): void {
    this.cores = cores;
    if (this.state === 'idle') this.index = new LaneIndex(cores);
    this.lanesVersion++;
  }

  /** Subscribes to run messages; returns the unsubscribe function. */
  connect(): () => void {
    return this.api().subscribeRuns((m) => this.onMessage(m));
  }

  async start(params: RunParamsInput): Promise<void> {
    if (this.running) return;
    this.reset();
    drawCost.reset();
    this.state = 'running';
    this.starting = true;
    try {
      const meta = await this.api().startRun(params);
      this.runId = meta.runId;
      this.meta = meta;
      this.store = new RunStore(meta);
      this.index = new LaneIndex(Math.max(this.cores, meta.machine.logicalCores));
      const early = this.early.filter((m) => m.runId === meta.runId);
      this.early = [];
      this.starting = false;
      for (const m of early) this.onMessage(m);
      if (this.cancelRequested && this.running) void this.cancel();
    } catch (e) {
      this.fail(`The run did not start: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.starting = false;
      this.early = [];
    }
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

  private reset(): void {
    this.runId = undefined;
    this.meta = undefined;
    this.summary = undefined;
    this.cancelling = false;
    this.cancelRequested = false;
    this.failureNotices = 0;
    this.store = new RunStore();
    this.index = new LaneIndex(this.cores);
    this.notices.clear();
    this.laneShape = '';
    this.publish();
  }

  private fail(message: string): void {
    this.state = 'error';
    this.cancelling = false;
    this.notices.add(message);
    this.publish();
  }

  private onMessage(m: RunMessage): void {
    if (this.starting) {
      this.early.push(m);
      return;
    }
    if (m.runId !== this.runId || !this.running) return;
    switch (m.kind) {
      case 'events':
        for (const ev of m.events) this.apply(ev);
        this.schedule();
        break;
      case 'end': {
        const summary = withDrawCost(m.summary);
        this.summary = summary;
        this.state = 'finished';
        this.cancelling = false;
        if (m.summary.status === 'failed' && this.store.failures.length === 0) {
          this.notices.add('The run failed.');
        }
        this.publish();
        this.hooks.onFinish?.(this.store, summary);
        break;
      }
      case 'error':
        this.fail(`The run stopped with an error: ${m.error}`);
        break;
    }
  }

  private apply(ev: RunEvent): void {
    this.store.apply(ev);
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

  private schedule(): void {
    this.frame.request();
  }

  /** Ingests new slices into lanes and tells the views, now. */
  private publish(): void {
    const started = performance.now();
    this.frame.cancel();
    this.index.ingest(this.store);
    const idx = this.index;
    const shape = `${idx.cores.length}/${idx.actors.size}/${idx.tasks.size}/${this.actorUpdates}/${this.store.tasks.size}`;
    if (shape !== this.laneShape) {
      this.laneShape = shape;
      this.lanesVersion++;
    }
    this.version++;
    this.hooks.onPublish?.(this.store);
    if (this.running) drawCost.add(performance.now() - started);
  }
}
