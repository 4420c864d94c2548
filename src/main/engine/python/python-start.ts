// The run service's door to Python runs: untrusted input in (the run form's "source: python"),
// a started run or one line saying why not out. Nothing starts unless the input is well formed,
// the interpreter answers as CPython 3.9+ and the script can be read.
import { parsePythonRunInput } from '../../../shared/python';
import { preparePython, startPythonRun, type PythonRunHandle } from './python-run';

export type PythonStart =
  | { readonly ok: true; readonly handle: PythonRunHandle }
  | { readonly ok: false; readonly error: string };

export function startPythonFromInput(
  input: unknown,
  logicalCores: number,
  defaultPython: string | undefined,
): PythonStart {
  const parsed = parsePythonRunInput(input, logicalCores);
  if (!parsed.ok) return parsed;
  const prepared = preparePython(parsed.params, defaultPython);
  if (!prepared.ok) return prepared;
  return { ok: true, handle: startPythonRun(prepared.run, { python: defaultPython }) };
}
