// The run controls' values. Scenario defaults come from listScenarios(); workers default to the
// machine's logical cores. Number fields hold the text as typed: a field that is empty or not a
// number is marked invalid (its message shown beside it) and Run waits until it is fixed, instead
// of quietly running the defaults. Ranges are left to the engine's one schema, whose message is
// shown. The choices (scenario, model, variant) and the number fields are tables, so a new one
// is one entry here and one control in RunControls.
import { LIMITS, type Model, type RunParams, type RunParamsInput } from '../../../shared/params';
import type { ScenarioId, Variant } from '../../../shared/params';
import type { PythonSource } from '../../../shared/python';
import type { ScenarioInfo } from '../../../shared/scenarios';
import type { StartInput } from '../../../shared/start-input';
import { numberText, readNumberField, type NumberFieldSpec } from '../lib/number-field';
import { PythonForm } from './python-form.svelte';

/** Where a run comes from: CoreScope's own models, or real CPython running a script. */
export type RunSource = 'models' | 'python';

export const DEFAULT_SCENARIO: ScenarioId = 'cpu-bound';
export const DEFAULT_MODEL: Model = 'processes';

export const NUMBER_FIELDS = ['workers', 'tasks', 'size', 'scale'] as const;
export type NumberFieldKey = (typeof NUMBER_FIELDS)[number];

export interface FormNumberField extends NumberFieldSpec {
  readonly key: NumberFieldKey;
  readonly min: number;
  readonly max: number;
}

export const FIELD: Readonly<Record<NumberFieldKey, FormNumberField>> = {
  workers: { key: 'workers', label: 'Workers', integer: true, ...LIMITS.workers },
  tasks: { key: 'tasks', label: 'Tasks', integer: true, ...LIMITS.tasks },
  size: { key: 'size', label: 'Size', integer: true, ...LIMITS.size },
  scale: { key: 'scale', label: 'Scale', integer: false, ...LIMITS.scale },
};

export interface FieldError {
  readonly key: NumberFieldKey;
  readonly message: string;
}

export class RunForm {
  source = $state<RunSource>('models');
  readonly python = new PythonForm();
  scenario = $state<ScenarioId>(DEFAULT_SCENARIO);
  model = $state<Model>(DEFAULT_MODEL);
  /** What each number field holds, as typed. */
  text = $state<Record<NumberFieldKey, string>>({ workers: '', tasks: '', size: '', scale: '1' });
  variant = $state<Variant>('blocking');
  /** The cores limit (CPU affinity); undefined: all cores. */
  cores = $state<number | undefined>(undefined);
  scenarios = $state.raw<readonly ScenarioInfo[]>([]);
  /** This machine's logical cores, once known (a cores limit above it cannot run here). */
  private machineCores = Number.POSITIVE_INFINITY;

  get info(): ScenarioInfo | undefined {
    return this.scenarios.find((s) => s.id === this.scenario);
  }

  /** Whether a field is in use (Tasks is set by Size in some scenarios; a script has only Scale). */
  uses(key: NumberFieldKey): boolean {
    if (this.source === 'python') return key === 'scale';
    return key !== 'tasks' || this.info?.usesTasks !== false;
  }

  /** Why a field's text cannot be run, or undefined when it can. */
  error(key: NumberFieldKey): string | undefined {
    if (!this.uses(key)) return undefined;
    const r = readNumberField(FIELD[key], this.text[key]);
    return r.ok ? undefined : r.error;
  }

  get errors(): FieldError[] {
    const out: FieldError[] = [];
    for (const key of NUMBER_FIELDS) {
      const message = this.error(key);
      if (message !== undefined) out.push({ key, message });
    }
    return out;
  }

  get valid(): boolean {
    return (
      this.errors.length === 0 && (this.source !== 'python' || this.python.problem === undefined)
    );
  }

  setScenarios(list: readonly ScenarioInfo[]): void {
    this.scenarios = list;
    const first = list[0];
    if (first !== undefined && !list.some((s) => s.id === this.scenario)) this.scenario = first.id;
    this.applyDefaults();
  }

  setWorkers(cores: number): void {
    this.machineCores = cores;
    if (this.text.workers.trim() === '')
      this.text.workers = String(Math.max(LIMITS.workers.min, Math.min(cores, LIMITS.workers.max)));
  }

  chooseScenario(id: ScenarioId): void {
    this.scenario = id;
    this.applyDefaults();
  }

  /** Fills tasks, size, scale and variant from the chosen scenario's defaults. */
  applyDefaults(): void {
    const info = this.info;
    if (info === undefined) return;
    this.text.tasks = numberText(info.defaults.tasks);
    this.text.size = numberText(info.defaults.size);
    this.text.scale = numberText(info.defaults.scale);
    this.variant = info.defaults.variant;
  }

  /** Sets every control to what a run used, so Run runs the same thing again. */
  setFromParams(p: RunParams): void {
    this.source = 'models';
    this.scenario = p.scenario;
    this.model = p.model;
    this.text.workers = numberText(p.workers);
    this.text.tasks = numberText(p.tasks);
    this.text.size = numberText(p.size);
    this.text.scale = numberText(p.scale);
    this.variant = p.variant;
    // A run opened from a bigger machine keeps all of this one's cores rather than a limit
    // this machine cannot honour.
    this.cores = p.cores !== undefined && p.cores <= this.machineCores ? p.cores : undefined;
  }

  /**
   * Sets the form to the script a saved Python run ran (its scale and cores limit too); the
   * model fields keep their values, since the run's params only say what it is filed under.
   */
  setFromPython(
    source: Pick<PythonSource, 'script' | 'example' | 'text' | 'scale'>,
    cores?: number,
  ): void {
    this.source = 'python';
    this.python.showRun(source);
    this.text.scale = numberText(source.scale);
    this.cores = cores !== undefined && cores <= this.machineCores ? cores : undefined;
  }

  /** The parameters to run, or undefined while a field is invalid (see `errors`). */
  toParams(): StartInput | undefined {
    if (this.source === 'python') return this.toPython();
    const info = this.info;
    const params: RunParamsInput = { scenario: this.scenario, model: this.model };
    for (const key of NUMBER_FIELDS) {
      if (!this.uses(key)) continue;
      const r = readNumberField(FIELD[key], this.text[key]);
      if (!r.ok) return undefined;
      params[key] = r.value;
    }
    if (info?.usesVariant === true) params.variant = this.variant;
    if (this.cores !== undefined) params.cores = this.cores;
    return params;
  }

  private toPython(): StartInput | undefined {
    const script = this.python.script;
    const scale = readNumberField(FIELD.scale, this.text.scale);
    if (script === undefined || !scale.ok) return undefined;
    return {
      source: 'python',
      script,
      scale: scale.value,
      ...(this.cores !== undefined ? { cores: this.cores } : {}),
    };
  }
}
