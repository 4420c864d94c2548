// Helpers for the Python engine tests: run an example (or any script) to the end on real CPython
// and read what the trace recorded.
import { RunStore } from '../../../shared/run-store';
import type { PythonScript } from '../../../shared/python';
import type { RunSummary } from '../types';
import { preparePython, startPythonRun, type PythonStartOptions } from './python-run';

export interface PythonFinished {
  readonly store: RunStore;
  readonly summary: RunSummary;
}

export async function runPython(
  script: string | PythonScript,
  scale = 1,
  options: PythonStartOptions = {},
): Promise<PythonFinished> {
  const s: PythonScript =
    typeof script === 'string' ? { kind: 'example', name: script as 'cpu_threads.py' } : script;
  const prepared = preparePython({ source: 'python', script: s, scale, trace: true });
  if (!prepared.ok) throw new Error(prepared.error);
  const handle = startPythonRun(prepared.run, options);
  const store = new RunStore(handle.meta);
  for await (const ev of handle.events) store.apply(ev);
  return { store, summary: await handle.summary };
}
