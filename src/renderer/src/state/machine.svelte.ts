// The machine and the scenario catalogue, loaded once from the host when the window opens.
import type { CoreScopeApi } from '../../../shared/contract';
import type { MachineInfo } from '../../../shared/events';
import type { ScenarioInfo } from '../../../shared/scenarios';
import { fallbackMessage, readSavedPython, savePython } from './python-pick';

export class MachineModel {
  info = $state.raw<MachineInfo | undefined>(undefined);
  scenarios = $state.raw<readonly ScenarioInfo[]>([]);
  error = $state<string | undefined>(undefined);
  loading = $state(true);

  async load(api: CoreScopeApi): Promise<void> {
    this.loading = true;
    try {
      const [info, scenarios] = await Promise.all([api.machineInfo(), api.listScenarios()]);
      this.info = info;
      this.scenarios = scenarios;
      this.error = undefined;
    } catch (e) {
      this.error = `Could not reach the CoreScope engine: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.loading = false;
    }
  }

  /** Why the last interpreter pick was refused (the engine's one sentence), or undefined. */
  pythonError = $state<string | undefined>(undefined);
  /** An interpreter pick is being checked (the engine runs it once). */
  pythonChecking = $state(false);

  /**
   * Asks the engine to use another interpreter (null: its default). A refused pick leaves the
   * machine as it was and says why; a taken one updates what the app shows and runs with.
   */
  async setPython(api: CoreScopeApi, path: string | null): Promise<void> {
    this.pythonChecking = true;
    this.pythonError = undefined;
    try {
      const python = await api.setPython(path);
      if (this.info !== undefined) this.info = { ...this.info, python };
      savePython(path);
    } catch (e) {
      this.pythonError = e instanceof Error ? e.message : String(e);
    } finally {
      this.pythonChecking = false;
    }
  }

  /**
   * Gives the engine the interpreter picked on an earlier visit (after load). A saved pick that
   * is malformed or that the engine refuses now is forgotten: the engine keeps its default and
   * the reason is shown. While a run is in progress the engine already has its interpreter (the
   * page was reloaded, the engine was not), so nothing is asked.
   */
  async restorePython(api: CoreScopeApi): Promise<void> {
    const saved = readSavedPython();
    if (saved.kind === 'none' || this.info === undefined) return;
    const fallback = (): string => this.info?.python?.interpreter ?? 'the default python3';
    if (saved.kind === 'bad') {
      savePython(null);
      this.pythonError = fallbackMessage(saved, '', fallback());
      return;
    }
    const now = this.info.python;
    if (now?.available === true && now.interpreter === saved.path) return;
    this.pythonChecking = true;
    try {
      if ((await api.currentRun()) !== null) return;
      const python = await api.setPython(saved.path);
      if (this.info !== undefined) this.info = { ...this.info, python };
    } catch (e) {
      savePython(null);
      this.pythonError = fallbackMessage(
        saved,
        e instanceof Error ? e.message : String(e),
        fallback(),
      );
    } finally {
      this.pythonChecking = false;
    }
  }

  get cores(): number {
    return this.info?.logicalCores ?? 1;
  }
}
