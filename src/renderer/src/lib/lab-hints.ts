// What the Compare and Sweep panels say their button will do, for the run form as it stands.
// The two panels take different things from the form: Sweep runs only CoreScope's models (a
// Python script decides its own workers, so it refuses one), and Compare with a Python form runs
// the checked shipped examples, never the form's own script unless that is one of them. A hint
// that spoke of "the form's scenario and model" while the form is on Python would tell the student
// something that will not happen, so each hint is worked out from the form's source here (pure,
// unit-tested) and the panels only print it.

/** The parts of the run form the hints depend on. */
export type LabForm =
  | {
      readonly source: 'models';
      /** The scenario as the form's menu names it. */
      readonly scenario: string;
      readonly model: string;
      /** Models checked in the Compare panel. */
      readonly compareModels: readonly string[];
    }
  | {
      readonly source: 'python';
      /** The script Run would run (an example's or an opened file's name), if one is chosen. */
      readonly script: string | undefined;
      /** Whether that script is one of the shipped examples (only those can be compared). */
      readonly scriptIsExample: boolean;
      /** Examples checked in the Compare panel. */
      readonly compareExamples: readonly string[];
    };

/** The run form as the hints read it (RunForm has this shape; kept structural so this stays pure). */
export interface HintedForm {
  readonly source: 'models' | 'python';
  readonly scenario: string;
  /** The chosen scenario's entry, once the list has loaded (its title is what the menu shows). */
  readonly info: { readonly title: string } | undefined;
  readonly model: string;
  readonly python: {
    readonly choice: 'example' | 'opened';
    readonly example: string;
    readonly opened: { readonly name: string } | undefined;
    readonly compare: readonly string[];
  };
}

export function labForm(form: HintedForm, compareModels: readonly string[]): LabForm {
  if (form.source === 'models')
    return {
      source: 'models',
      scenario: form.info?.title ?? form.scenario,
      model: form.model,
      compareModels,
    };
  const py = form.python;
  return {
    source: 'python',
    script: py.choice === 'example' ? py.example : py.opened?.name,
    scriptIsExample: py.choice === 'example',
    compareExamples: py.compare,
  };
}

/** "the one checked model" or "the 3 checked models, one after another". */
const count = (n: number, one: string, many: string): string =>
  n === 1 ? `the one checked ${one}` : `the ${n} checked ${many}, one after another`;

export function sweepHint(form: LabForm): string {
  if (form.source === 'python')
    return "Sweep runs CoreScope's models only (a Python script sets its own workers): set Source to CoreScope's models to sweep.";
  return `Runs the form's scenario (${form.scenario}) under its model (${form.model}) once per worker count in the list (1 is always included), one run after another.`;
}

/** Whether the Sweep button can do anything with this form. */
export function sweepRunsForm(form: LabForm): boolean {
  return form.source === 'models';
}

export function compareHint(form: LabForm): string {
  if (form.source === 'models') {
    const n = form.compareModels.length;
    if (n === 0) return 'Check at least one model to compare.';
    return `Runs the form's scenario (${form.scenario}) under ${count(n, 'model', 'models')}.`;
  }
  const n = form.compareExamples.length;
  if (n === 0) return 'Check at least one Python example to compare.';
  const runs =
    n === 1
      ? "Runs the one checked Python example on CPython, at the form's Scale."
      : `Runs the ${n} checked Python examples on CPython, one after another, at the form's Scale.`;
  const script = form.script;
  if (script === undefined || form.compareExamples.includes(script)) return runs;
  return form.scriptIsExample
    ? `${runs} The form's script, ${script}, is not checked, so it is not among them.`
    : `${runs} ${script} is not among them: Compare runs only the shipped examples.`;
}
