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

  get cores(): number {
    return this.info?.logicalCores ?? 1;
  }
}
