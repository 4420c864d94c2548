// The machine and the scenario catalogue, loaded once from the host when the window opens.
import type { CoreScopeApi } from '../../../shared/contract';
import type { MachineInfo } from '../../../shared/events';
import type { ScenarioInfo } from '../../../shared/scenarios';

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
    } catch (e) {
      this.pythonError = e instanceof Error ? e.message : String(e);
    } finally {
      this.pythonChecking = false;
    }
  }

  get cores(): number {
    return this.info?.logicalCores ?? 1;
  }
}
