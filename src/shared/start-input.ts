// What a front end asks the engine to run: one of CoreScope's models, or a real Python script.
// One name for the union, and the short label a run of either kind is shown under.
import type { RunParamsInput } from './params';
import type { PythonRunInput } from './python';

export type StartInput = RunParamsInput | PythonRunInput;

export function isPythonStart(input: StartInput): input is PythonRunInput {
  return 'source' in input && input.source === 'python';
}

/** The model's name, or the script's file name (examples and uploads) for a Python run. */
export function startLabel(input: StartInput): string {
  if (!isPythonStart(input)) return input.model;
  const s = input.script;
  switch (s.kind) {
    case 'example':
      return s.name;
    case 'text':
      return s.name;
    case 'file':
      return s.path.split(/[\\/]/).pop() ?? s.path;
  }
}
