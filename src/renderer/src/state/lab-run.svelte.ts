// One run of a comparison or a sweep: starts it through the API with the shared RunFeed (which
// collects its messages into its own RunStore and lanes, published per live frame), and resolves
// when it has ended, with the run's figures.
import type { CoreScopeApi } from '../../../shared/contract';
import type { RunSummary } from '../../../shared/events';
import { startLabel, type StartInput } from '../../../shared/start-input';
import { runFigures, type RunFigures } from '../../../shared/run-figures';
import { RunFeed } from './run-feed.svelte';

export type LabRunState = 'waiting' | 'running' | 'finished' | 'error';

export class LabRun extends RunFeed {
  state = $state<LabRunState>('waiting');
  summary = $state.raw<RunSummary | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  /** The run's figures once it has ended. */
  figures = $state.raw<RunFigures | undefined>(undefined);

  private resolveEnd: () => void = () => undefined;
  /** Cancel came before the engine named the run: sent once it does. */
  private cancelRequested = false;

  constructor(
    readonly params: StartInput,
    cores: number,
    /** Called after each publish, e.g. to stretch a shared time axis. */
    private readonly onPublish: (run: LabRun) => void = () => undefined,
    /** Draw the run when it ends, not live (measurements that must be clean). */
    drawAfter = false,
  ) {
    super(cores);
    this.deferred = drawAfter;
  }

  /** The model, or the script for a Python run: what Compare names this run by. */
  get label(): string {
    return startLabel(this.params);
  }

  get id(): string | undefined {
    return this.runId;
  }

  protected get live(): boolean {
    return this.state === 'running';
  }

  /** Runs to the end; never rejects (a failure becomes state 'error'). */
  async execute(api: CoreScopeApi): Promise<void> {
    const ended = new Promise<void>((resolve) => (this.resolveEnd = resolve));
    const unsubscribe = api.subscribeRuns((m) => this.receive(m));
    this.state = 'running';
    const error = await this.request(api, this.params);
    if (error !== undefined) this.onError(error);
    else if (this.cancelRequested) await this.cancel(api);
    await ended;
    unsubscribe();
  }

  async cancel(api: CoreScopeApi): Promise<void> {
    if (this.state !== 'running') return;
    // Before the start reply (the request may still wait for the window to draw) there is no
    // run to name yet: execute sends the cancel once there is.
    if (this.runId === undefined) {
      this.cancelRequested = true;
      return;
    }
    this.cancelRequested = false;
    await api.cancelRun(this.runId);
  }

  protected onEnd(summary: RunSummary): void {
    this.summary = summary;
    this.figures = runFigures(this.store, summary);
    this.state = 'finished';
    this.publish();
    this.resolveEnd();
  }

  protected onError(error: string): void {
    this.error = error;
    this.state = 'error';
    this.publish();
    this.resolveEnd();
  }

  protected onPublished(): void {
    this.onPublish(this);
  }
}
