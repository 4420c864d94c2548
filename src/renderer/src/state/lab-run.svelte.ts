// One run of a comparison or a sweep: starts it through the API, collects its messages into its
// own RunStore and lanes (published at most once per live frame, ~15 a second), and resolves when it has
// ended. Messages that arrive before the engine names the run are kept and replayed.
import type { CoreScopeApi, RunMessage } from '../../../shared/contract';
import type { RunMeta, RunSummary } from '../../../shared/events';
import type { RunParamsInput } from '../../../shared/params';
import { runFigures, type RunFigures } from '../../../shared/run-figures';
import { RunStore } from '../../../shared/run-store';
import { createLiveScheduler } from '../components/frame';
import { LaneIndex } from '../lib/lane-index';

export type LabRunState = 'waiting' | 'running' | 'finished' | 'error';

export class LabRun {
  state = $state<LabRunState>('waiting');
  meta = $state.raw<RunMeta | undefined>(undefined);
  summary = $state.raw<RunSummary | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  store = $state.raw(new RunStore());
  index = $state.raw(new LaneIndex(1));
  /** Bumped once per live frame in which events were applied. */
  version = $state(0);
  /** The run's figures once it has ended. */
  figures = $state.raw<RunFigures | undefined>(undefined);

  private runId: string | undefined;
  private readonly frame = createLiveScheduler(() => this.publish());
  private early: RunMessage[] = [];
  private starting = false;
  private resolveEnd: () => void = () => undefined;

  constructor(
    readonly params: RunParamsInput,
    private readonly cores: number,
    /** Called after each publish, e.g. to stretch a shared time axis. */
    private readonly onPublish: (run: LabRun) => void = () => undefined,
  ) {
    this.index = new LaneIndex(cores);
  }

  get id(): string | undefined {
    return this.runId;
  }

  /** Runs to the end; never rejects (a failure becomes state 'error'). */
  async execute(api: CoreScopeApi): Promise<void> {
    const ended = new Promise<void>((resolve) => (this.resolveEnd = resolve));
    const unsubscribe = api.subscribeRuns((m) => this.onMessage(m));
    this.state = 'running';
    this.starting = true;
    try {
      const meta = await api.startRun(this.params);
      this.runId = meta.runId;
      this.meta = meta;
      this.store = new RunStore(meta);
      this.index = new LaneIndex(Math.max(this.cores, meta.machine.logicalCores));
      this.starting = false;
      const early = this.early.filter((m) => m.runId === meta.runId);
      this.early = [];
      for (const m of early) this.onMessage(m);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    } finally {
      this.starting = false;
      this.early = [];
    }
    await ended;
    unsubscribe();
  }

  async cancel(api: CoreScopeApi): Promise<void> {
    if (this.runId !== undefined && this.state === 'running') await api.cancelRun(this.runId);
  }

  private fail(error: string): void {
    this.error = error;
    this.state = 'error';
    this.publish();
    this.resolveEnd();
  }

  private onMessage(m: RunMessage): void {
    if (this.starting) {
      this.early.push(m);
      return;
    }
    if (m.runId !== this.runId || this.state !== 'running') return;
    if (m.kind === 'events') {
      for (const ev of m.events) this.store.apply(ev);
      this.schedule();
    } else if (m.kind === 'end') {
      this.summary = m.summary;
      this.figures = runFigures(this.store, m.summary);
      this.state = 'finished';
      this.publish();
      this.resolveEnd();
    } else {
      this.fail(m.error);
    }
  }

  private schedule(): void {
    this.frame.request();
  }

  private publish(): void {
    this.frame.cancel();
    this.index.ingest(this.store);
    this.version++;
    this.onPublish(this);
  }
}
