// The Python half of the run form: which script to run (a shipped example or a .py file the user
// opened, sent as text) and, for Compare, which examples to put side by side. The script runs
// unchanged with the user's own privileges, in a scratch folder, as an editor's Run button does.
import {
  PYTHON_EXAMPLES,
  PYTHON_SCRIPT_MAX_CHARS,
  type PythonExampleName,
  type PythonScript,
  type PythonSource,
} from '../../../shared/python';

export const DEFAULT_EXAMPLE: PythonExampleName = 'cpu_threads.py';
/** The blog post's CPU-bound lesson (docs/design.md): sequential, threads (the GIL), processes. */
export const DEFAULT_COMPARE: readonly PythonExampleName[] = [
  'cpu_sequential.py',
  'cpu_threads.py',
  'cpu_processes.py',
];

export interface OpenedScript {
  readonly name: string;
  readonly text: string;
}

export class PythonForm {
  /** 'example' runs one of the shipped scripts; 'opened' runs the file the user opened. */
  choice = $state<'example' | 'opened'>('example');
  example = $state<PythonExampleName>(DEFAULT_EXAMPLE);
  opened = $state.raw<OpenedScript | undefined>(undefined);
  /** Examples Compare runs one after another. */
  compare = $state.raw<readonly PythonExampleName[]>(DEFAULT_COMPARE);
  error = $state<string | undefined>(undefined);

  get script(): PythonScript | undefined {
    if (this.choice === 'example') return { kind: 'example', name: this.example };
    const o = this.opened;
    return o === undefined ? undefined : { kind: 'text', name: o.name, text: o.text };
  }

  /** Why the chosen script cannot run, or undefined. */
  get problem(): string | undefined {
    if (this.error !== undefined) return this.error;
    if (this.choice === 'opened' && this.opened === undefined) return 'Open a .py file first.';
    return undefined;
  }

  toggleCompare(name: PythonExampleName, on: boolean): void {
    this.compare = PYTHON_EXAMPLES.map((e) => e.name).filter((n) =>
      n === name ? on : this.compare.includes(n),
    );
  }

  /**
   * Chooses the script a saved run ran, so Run runs it again: a shipped example by its name (the
   * file on disk is what ran), any other script as the text the run file carries.
   */
  showRun(source: Pick<PythonSource, 'script' | 'example' | 'text'>): void {
    this.error = undefined;
    if (source.example !== undefined) {
      this.example = source.example;
      this.choice = 'example';
      return;
    }
    this.opened = { name: source.script, text: source.text };
    this.choice = 'opened';
  }

  /** Reads a file the user picked; refuses what is not a plain .py text file of sane size. */
  async open(file: File): Promise<void> {
    this.error = undefined;
    if (!/^[^/\\\0]+\.py$/.test(file.name)) {
      this.error = `${file.name} is not a .py file.`;
      return;
    }
    if (file.size > PYTHON_SCRIPT_MAX_CHARS) {
      this.error = `${file.name} is too large to run (at most 1 MB).`;
      return;
    }
    const text = await file.text();
    if (text.includes('\0')) {
      this.error = `${file.name} is not a text file.`;
      return;
    }
    this.opened = { name: file.name, text };
    this.choice = 'opened';
  }
}
