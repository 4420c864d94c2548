// The Compare and Sweep hints say what their buttons will run for the form as it stands.
import { describe, expect, it } from 'vitest';
import { compareHint, labForm, sweepHint, sweepRunsForm, type HintedForm } from './lab-hints';

const CPU = { title: 'CPU-bound: N equal computations' };

function form(
  over: Partial<HintedForm> = {},
  python: Partial<HintedForm['python']> = {},
): HintedForm {
  return {
    source: 'models',
    scenario: 'cpu-bound',
    info: CPU,
    model: 'threads',
    ...over,
    python: {
      choice: 'example',
      example: 'cpu_threads.py',
      opened: undefined,
      compare: ['cpu_sequential.py', 'cpu_threads.py', 'cpu_processes.py'],
      ...python,
    },
  };
}

describe('sweep hint', () => {
  it('names the scenario (as the menu titles it) and the model a models form sweeps', () => {
    const f = labForm(form(), []);
    expect(sweepHint(f)).toBe(
      "Runs the form's scenario (CPU-bound: N equal computations) under its model (threads) once per worker count in the list (1 is always included), one run after another.",
    );
    expect(sweepRunsForm(f)).toBe(true);
  });

  it('falls back to the scenario id before the scenario list has loaded', () => {
    expect(sweepHint(labForm(form({ info: undefined }), []))).toContain('scenario (cpu-bound)');
  });

  it('says a Python form cannot be swept and how to get one that can', () => {
    const f = labForm(form({ source: 'python' }), []);
    expect(sweepHint(f)).toBe(
      "Sweep runs CoreScope's models only (a Python script sets its own workers): set Source to CoreScope's models to sweep.",
    );
    expect(sweepHint(f)).not.toMatch(/scenario|model \(/);
    expect(sweepRunsForm(f)).toBe(false);
  });
});

describe('compare hint', () => {
  it('counts the checked models under the form scenario', () => {
    expect(compareHint(labForm(form(), ['sequential', 'threads', 'processes']))).toBe(
      "Runs the form's scenario (CPU-bound: N equal computations) under the 3 checked models, one after another.",
    );
    expect(compareHint(labForm(form(), ['async']))).toBe(
      "Runs the form's scenario (CPU-bound: N equal computations) under the one checked model.",
    );
    expect(compareHint(labForm(form(), []))).toBe('Check at least one model to compare.');
  });

  it('with a Python form, speaks of the checked examples, not the scenario or the models', () => {
    const hint = compareHint(labForm(form({ source: 'python' }), ['sequential']));
    expect(hint).toBe(
      "Runs the 3 checked Python examples on CPython, one after another, at the form's Scale.",
    );
    expect(hint).not.toMatch(/scenario|model/);
  });

  it("says when the form's own example is not checked", () => {
    const hint = compareHint(
      labForm(
        form(
          { source: 'python' },
          { example: 'downloads_threads.py', compare: ['cpu_threads.py'] },
        ),
        [],
      ),
    );
    expect(hint).toBe(
      "Runs the one checked Python example on CPython, at the form's Scale. The form's script, downloads_threads.py, is not checked, so it is not among them.",
    );
  });

  it('says an opened script is never compared', () => {
    const hint = compareHint(
      labForm(form({ source: 'python' }, { choice: 'opened', opened: { name: 'mine.py' } }), []),
    );
    expect(hint).toContain('mine.py is not among them: Compare runs only the shipped examples.');
  });

  it('asks for an example when none is checked', () => {
    expect(compareHint(labForm(form({ source: 'python' }, { compare: [] }), []))).toBe(
      'Check at least one Python example to compare.',
    );
  });
});
