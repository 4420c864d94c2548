// Sweep: one scenario and model at each worker count of an editable list (default 1 … 2 × cores),
// each run one after another, summarised by the same shared code as `npm run sweep`: speedup
// against 1 worker, the ideal min(workers, cores) and an Amdahl fit.
import type { CoreScopeApi } from '../../../shared/contract';
import type { MachineInfo } from '../../../shared/events';
import type { RunParamsInput } from '../../../shared/params';
import { isPythonStart, type StartInput } from '../../../shared/start-input';
import {
  MAX_REPEAT,
  defaultWorkerList,
  parseWorkerList,
  summariseSweep,
  type SweepResult,
  type SweepSample,
} from '../../../shared/sweep';
import { LabRun } from './lab-run.svelte';
import type { LabState } from './compare.svelte';

export class SweepSession {
  workersText = $state('');
  repeat = $state<number | null | undefined>(1);
  state = $state<LabState>('idle');
  error = $state<string | undefined>(undefined);
  result = $state.raw<SweepResult | undefined>(undefined);
  /** Runs done and planned, for the progress line. */
  done = $state(0);
  planned = $state(0);
  current = $state.raw<LabRun | undefined>(undefined);

  private cancelled = false;

  constructor(private readonly api: () => CoreScopeApi) {}

  get busy(): boolean {
    return this.state === 'running';
  }

  /** Fills the default list 1 … 2 × cores unless the user already typed one. */
  setCores(cores: number): void {
    if (this.workersText.trim() === '') this.workersText = defaultWorkerList(cores).join(', ');
  }

  async start(input: StartInput, machine: MachineInfo | undefined): Promise<void> {
    if (this.busy) return;
    // A script decides its own workers: a sweep over worker counts needs one of the models.
    if (isPythonStart(input))
      return this.fail("Sweep runs CoreScope's models: a Python script sets its own workers");
    const params: RunParamsInput = input;
    const list = parseWorkerList(this.workersText);
    const repeat = this.repeat ?? 1;
    if (!list.ok) return this.fail(`Workers list: ${list.error}`);
    if (!Number.isInteger(repeat) || repeat < 1 || repeat > MAX_REPEAT)
      return this.fail(`Repeat must be a whole number from 1 to ${MAX_REPEAT}`);
    this.cancelled = false;
    this.error = undefined;
    this.result = undefined;
    this.state = 'running';
    this.done = 0;
    this.planned = list.workers.length * repeat;
    // Per worker count, in list order: every repeat's wall and preempted share.
    const samples: { workers: number; wallsMs: number[]; preemptedShares: number[] }[] =
      list.workers.map((w) => ({ workers: w, wallsMs: [], preemptedShares: [] }));
    const api = this.api();
    let ran: LabRun | undefined;
    for (let r = 0; r < repeat && !this.cancelled && this.error === undefined; r++) {
      for (const sample of samples) {
        if (this.cancelled) break;
        const w = sample.workers;
        const run = new LabRun({ ...params, workers: w }, machine?.logicalCores ?? 1);
        this.current = run;
        await run.execute(api);
        if (run.state !== 'finished' || run.summary?.status !== 'completed') {
          if (!this.cancelled)
            this.error = `The run with ${w} workers did not complete: ${run.error ?? run.summary?.failures[0]?.reason ?? run.summary?.status ?? 'failed'}`;
          break;
        }
        ran = run;
        sample.wallsMs.push(run.summary.wallMs);
        sample.preemptedShares.push(run.figures?.stateShare.preempted ?? 0);
        this.done++;
        this.publish(run, repeat, samples);
      }
    }
    this.current = undefined;
    if (ran === undefined && this.error === undefined && !this.cancelled)
      this.error = 'No run finished.';
    this.state = this.cancelled ? 'cancelled' : this.error !== undefined ? 'error' : 'finished';
  }

  /** Summarises what has been measured so far, so points appear as runs finish. */
  private publish(run: LabRun, repeat: number, samples: readonly SweepSample[]): void {
    const meta = run.meta;
    if (meta === undefined) return;
    const measured = samples
      .filter((s) => s.wallsMs.length > 0)
      .map((s) => ({ ...s, wallsMs: [...s.wallsMs], preemptedShares: [...s.preemptedShares] }));
    this.result = summariseSweep(meta.params, meta.machine, repeat, measured);
  }

  async cancel(): Promise<void> {
    if (!this.busy) return;
    this.cancelled = true;
    await this.current?.cancel(this.api());
  }

  private fail(message: string): void {
    this.error = message;
    this.state = 'error';
  }
}
