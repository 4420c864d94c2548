// The run controls' values. Scenario defaults come from listScenarios(); workers default to the
// machine's logical cores. Empty number fields are left out so the engine fills its defaults, and
// nothing is range-checked here: the engine's one schema validates and its message is shown.
import type { Model, RunParamsInput, ScenarioId, Variant } from '../../../shared/params';
import type { ScenarioInfo } from '../../../shared/scenarios';

export const DEFAULT_SCENARIO: ScenarioId = 'cpu-bound';
export const DEFAULT_MODEL: Model = 'processes';

/** A number field's value: Svelte binds an empty number input as null or undefined. */
export type NumberField = number | null | undefined;

export class RunForm {
  scenario = $state<ScenarioId>(DEFAULT_SCENARIO);
  model = $state<Model>(DEFAULT_MODEL);
  workers = $state<NumberField>(undefined);
  tasks = $state<NumberField>(undefined);
  size = $state<NumberField>(undefined);
  scale = $state<NumberField>(1);
  variant = $state<Variant>('blocking');
  /** The cores limit (CPU affinity); undefined: all cores. */
  cores = $state<number | undefined>(undefined);
  scenarios = $state.raw<readonly ScenarioInfo[]>([]);

  readonly info = $derived(this.scenarios.find((s) => s.id === this.scenario));

  setScenarios(list: readonly ScenarioInfo[]): void {
    this.scenarios = list;
    const first = list[0];
    if (first !== undefined && !list.some((s) => s.id === this.scenario)) this.scenario = first.id;
    this.applyDefaults();
  }

  setWorkers(cores: number): void {
    if (this.workers === undefined || this.workers === null)
      this.workers = Math.max(1, Math.min(cores, 64));
  }

  chooseScenario(id: ScenarioId): void {
    this.scenario = id;
    this.applyDefaults();
  }

  /** Fills tasks, size, scale and variant from the chosen scenario's defaults. */
  applyDefaults(): void {
    const info = this.info;
    if (info === undefined) return;
    this.tasks = info.defaults.tasks;
    this.size = info.defaults.size;
    this.scale = info.defaults.scale;
    this.variant = info.defaults.variant;
  }

  toParams(): RunParamsInput {
    const info = this.info;
    const params: RunParamsInput = { scenario: this.scenario, model: this.model };
    if (isSet(this.workers)) params.workers = this.workers;
    if (isSet(this.tasks) && info?.usesTasks !== false) params.tasks = this.tasks;
    if (isSet(this.size)) params.size = this.size;
    if (isSet(this.scale)) params.scale = this.scale;
    if (info?.usesVariant === true) params.variant = this.variant;
    if (this.cores !== undefined) params.cores = this.cores;
    return params;
  }
}

function isSet(v: NumberField): v is number {
  return typeof v === 'number' && !Number.isNaN(v);
}
