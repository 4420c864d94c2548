// Sweep: one scenario and model at each worker count of an editable list (default 1 … 2 × cores),
// run by the same shared loop and summarised by the same shared code as `npm run sweep`: speedup
// against 1 worker, the ideal (min(workers, cores), 1× for a one-core model) and an Amdahl fit.
import type { CoreScopeApi } from '../../../shared/contract';
import type { RunParamsInput } from '../../../shared/params';
import { isPythonStart, type StartInput } from '../../../shared/start-input';
import {
  MAX_REPEAT,
  defaultWorkerList,
  parseWorkerList,
  type SweepResult,
} from '../../../shared/sweep';
import { sweepLoop, type SweepRunOutcome } from '../../../shared/sweep-loop';
import { runLoad } from '../../../shared/sweep-verdict';
import type { MachineInfo } from '../../../shared/events';
import { LabRun } from './lab-run.svelte';
import type { LabState } from './compare.svelte';
import type { SweepRunProgress } from './sweep-progress';

export class SweepSession {
  workersText = $state('');
  repeat = $state<number | null | undefined>(1);
  state = $state<LabState>('idle');
  error = $state<string | undefined>(undefined);
  /** The error is a refusal before any run started (the status then says so, not "stopped"). */
  refused = $state(false);
  result = $state.raw<SweepResult | undefined>(undefined);
  /** Runs done and planned, for the progress line. */
  done = $state(0);
  planned = $state(0);
  current = $state.raw<LabRun | undefined>(undefined);
  /** The run going on: its number, worker count and repeat (undefined between sweeps). */
  currentRun = $state.raw<
    Pick<SweepRunProgress, 'run' | 'planned' | 'workers' | 'repeat' | 'repeats'> | undefined
  >(undefined);

  private cancelled = false;

  constructor(
    private readonly api: () => CoreScopeApi,
    /** Whether each run is drawn after it ends rather than live. */
    private readonly drawAfter: () => boolean = () => false,
  ) {}

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
      return this.refuse(
        "Sweep runs CoreScope's models only: a Python script sets its own workers",
      );
    const params: RunParamsInput = input;
    const list = parseWorkerList(this.workersText);
    const repeat = this.repeat ?? 1;
    if (!list.ok) return this.refuse(`Workers list: ${list.error}`);
    if (!Number.isInteger(repeat) || repeat < 1 || repeat > MAX_REPEAT)
      return this.refuse(`Repeat must be a whole number from 1 to ${MAX_REPEAT}`);
    this.cancelled = false;
    this.error = undefined;
    this.refused = false;
    this.result = undefined;
    this.state = 'running';
    this.done = 0;
    this.planned = list.workers.length * repeat;
    const api = this.api();
    let started = 0;
    const runOne = async (w: number): Promise<SweepRunOutcome> => {
      started++;
      // Repeats are interleaved (every worker count once, then again), so the repeat follows
      // from how many runs have started.
      this.currentRun = {
        run: started,
        planned: this.planned,
        workers: w,
        repeat: Math.ceil(started / list.workers.length),
        repeats: repeat,
      };
      const run = new LabRun(
        { ...params, workers: w },
        machine?.logicalCores ?? 1,
        undefined,
        this.drawAfter(),
      );
      this.current = run;
      await run.execute(api);
      const { meta, summary } = run;
      if (run.state !== 'finished' || summary?.status !== 'completed' || meta === undefined)
        return {
          kind: 'stopped',
          reason: run.error ?? summary?.failures[0]?.reason ?? summary?.status ?? 'failed',
        };
      return {
        kind: 'completed',
        wallMs: summary.wallMs,
        preemptedShare: run.figures?.stateShare.preempted ?? 0,
        load: runLoad(run.figures, summary),
        params: meta.params,
        machine: meta.machine,
      };
    };
    const outcome = await sweepLoop({
      workers: list.workers,
      repeat,
      run: runOne,
      cancelled: () => this.cancelled,
      onRun: (p) => {
        this.done = p.done;
        this.result = p.result;
      },
    });
    this.current = undefined;
    this.currentRun = undefined;
    if (outcome.ok) this.state = 'finished';
    else if (outcome.cancelled) this.state = 'cancelled';
    else this.fail(capitalise(outcome.error));
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

  private refuse(message: string): void {
    this.fail(message);
    this.refused = true;
  }
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
