// Opening a finished run to look at it again: a file the user picked or dropped (a CoreScope
// run file, a CoreScope trace or another tool's Chrome trace) or a library entry. Everything is
// validated first; a bad file becomes one notice and changes nothing. A run opened from
// CoreScope also sets the run form to what ran, so Run runs it again: a model run's scenario,
// model and parameters, or a Python run's script (the Python source, that script chosen).
import { isImportedRun } from '../../../shared/foreign-trace';
import type { OpenResult } from '../../../shared/loaded-run';
import { timesProblem } from '../../../shared/open-file';
import { parseRunFile } from '../../../shared/run-file';
import { FileImport } from './file-import.svelte';
import type { Lecture } from './lecture.svelte';
import type { Replay } from './replay.svelte';
import type { RunForm } from './run-form.svelte';
import type { RunSession } from './run-session.svelte';
import type { TimeView } from './time-view.svelte';

export interface OpeningDeps {
  readonly session: RunSession;
  readonly view: TimeView;
  readonly replay: Replay;
  readonly lecture: Lecture;
  readonly form: RunForm;
  /** Why nothing may be opened now (a run, Compare or Sweep is going), or undefined. */
  readonly blocked: () => string | undefined;
}

export class Opening {
  /** The file being read and parsed (in a worker, with progress and Cancel). */
  readonly importing = new FileImport();

  constructor(private readonly d: OpeningDeps) {}

  /** Opens a file the user picked or dropped. */
  async open(file: File): Promise<boolean> {
    const { notices } = this.d.session;
    const blocked = this.d.blocked();
    if (blocked !== undefined) {
      notices.add(blocked);
      return false;
    }
    const result = await this.importing.open(file);
    if (!result.ok && 'cancelled' in result) {
      notices.add(`Opening ${file.name} was cancelled; nothing changed.`);
      return false;
    }
    return this.show(result);
  }

  /** Shows a library entry's run file (validated here like any file the page did not make). */
  openRunFile(value: unknown, name: string): boolean {
    const r = parseRunFile(value, name);
    if (!r.ok) return this.show({ ok: false, error: `Cannot open ${name}: ${r.error}` });
    // The same time rules as an opened file: a span past the largest double would show NaN.
    const problem = timesProblem(r.run);
    return this.show(
      problem === undefined ? r : { ok: false, error: `Cannot open ${name}: ${problem}` },
    );
  }

  private show(result: OpenResult): boolean {
    const { session, view, replay, lecture, form } = this.d;
    // Checked again: a run may have started while the file was being read.
    const blocked = this.d.blocked();
    if (blocked !== undefined) {
      session.notices.add(blocked);
      return false;
    }
    if (!result.ok) {
      session.notices.add(result.error);
      return false;
    }
    const { run } = result;
    replay.stop();
    session.showRun(run);
    lecture.openedName = run.name;
    lecture.openedForeign = run.source === 'foreign-trace';
    const meta = run.store.meta;
    // A Python run's parameters are only what the app files it under: the form takes its
    // script, never a scenario and model the script did not run.
    if (run.source !== 'foreign-trace' && meta !== undefined && !isImportedRun(meta)) {
      if (meta.source !== undefined) form.setFromPython(meta.source, meta.params.cores);
      else form.setFromParams(meta.params);
    }
    view.setEnd(run.store.endUs);
    if (run.view !== undefined) view.show(run.view.t0, run.view.t1);
    else view.fit();
    return true;
  }
}
