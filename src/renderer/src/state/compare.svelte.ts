// Compare: the same parameters under several models, run one after another (never at once: they
// would compete for the cores), collected for stacked charts on one time axis, the comparison
// table and its explanation. Start it with `start(params)` (the Compare button; a keyboard
// shortcut can call the same method).
import type { CoreScopeApi } from '../../../shared/contract';
import { compareRows, type CompareRow } from '../../../shared/compare-table';
import { explainComparison, type Sentence } from '../../../shared/explain';
import { MODELS, type Model } from '../../../shared/params';
import type { PythonExampleName } from '../../../shared/python';
import { isPythonStart, type StartInput } from '../../../shared/start-input';
import type { RunFigures } from '../../../shared/run-figures';
import { TimeView } from './time-view.svelte';
import { LabRun } from './lab-run.svelte';

export type LabState = 'idle' | 'running' | 'finished' | 'cancelled' | 'error';

export class CompareSession {
  /** Models to compare, in the catalogue's order. */
  models = $state.raw<readonly Model[]>([...MODELS]);
  runs = $state.raw<readonly LabRun[]>([]);
  state = $state<LabState>('idle');
  error = $state<string | undefined>(undefined);
  /** The error is a refusal before any run started (the status then says so, not "stopped"). */
  refused = $state(false);
  /** The shared time axis of the stacked charts. */
  readonly view = new TimeView();

  private cancelled = false;
  private current: LabRun | undefined;

  constructor(
    private readonly api: () => CoreScopeApi,
    private readonly cores: () => number,
    /** Whether each run is drawn after it ends rather than live. */
    private readonly drawAfter: () => boolean = () => false,
  ) {}

  get busy(): boolean {
    return this.state === 'running';
  }

  readonly rows: CompareRow[] = $derived.by(() =>
    compareRows(this.runs.map((r) => r.figures).filter((f): f is RunFigures => f !== undefined)),
  );

  readonly sentences: Sentence[] = $derived(
    this.state === 'running' ? [] : explainComparison(this.rows),
  );

  toggle(model: Model, on: boolean): void {
    this.models = MODELS.filter((m) => (m === model ? on : this.models.includes(m)));
  }

  /**
   * Runs `params` under every chosen model in turn (the model in `params` is ignored); for a
   * Python run, each of `examples` in turn with the same scale and cores.
   */
  async start(params: StartInput, examples: readonly PythonExampleName[] = []): Promise<void> {
    if (this.busy) return;
    const python = isPythonStart(params);
    if ((python ? examples.length : this.models.length) === 0) {
      this.state = 'error';
      this.refused = true;
      this.error = python
        ? 'Check at least one Python example to compare.'
        : 'Check at least one model to compare.';
      return;
    }
    this.cancelled = false;
    this.error = undefined;
    this.refused = false;
    this.view.reset();
    const stretch = (): void => {
      this.view.setEnd(Math.max(0, ...this.runs.map((r) => r.store.endUs)));
    };
    const inputs: StartInput[] = isPythonStart(params)
      ? examples.map((name) => ({ ...params, script: { kind: 'example', name } }))
      : this.models.map((model) => ({ ...params, model }));
    const runs = inputs.map((input) => new LabRun(input, this.cores(), stretch, this.drawAfter()));
    this.runs = runs;
    this.state = 'running';
    const api = this.api();
    for (const run of runs) {
      if (this.cancelled) break;
      this.current = run;
      await run.execute(api);
      if (run.state === 'error') {
        this.error = `${run.label}: ${run.error ?? 'the run failed'}`;
        break;
      }
    }
    this.current = undefined;
    stretch();
    this.state = this.cancelled ? 'cancelled' : this.error !== undefined ? 'error' : 'finished';
  }

  async cancel(): Promise<void> {
    if (!this.busy) return;
    this.cancelled = true;
    await this.current?.cancel(this.api());
  }
}
