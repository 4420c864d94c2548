// Page object of the Compare and Sweep panels and the Cores control. Speaks only in the hooks
// they promise: data-compare-state / data-sweep-state, data-testid'd runs, table, chart and fit.
import { expect, type Locator, type Page } from '@playwright/test';

export type LabState = 'idle' | 'running' | 'finished' | 'cancelled' | 'error';

export class LabPage {
  readonly compare: Locator;
  readonly compareRuns: Locator;
  readonly compareTable: Locator;
  readonly compareExplanation: Locator;
  readonly sweep: Locator;
  readonly sweepChart: Locator;
  readonly sweepFit: Locator;
  readonly cores: Locator;

  constructor(readonly page: Page) {
    this.compare = page.getByTestId('compare');
    this.compareRuns = page.getByTestId('compare-run');
    this.compareTable = page.getByTestId('compare-table');
    this.compareExplanation = page.getByTestId('compare-explanation');
    this.sweep = page.getByTestId('sweep');
    this.sweepChart = page.getByTestId('sweep-chart');
    this.sweepFit = page.getByTestId('sweep-fit');
    this.cores = page.getByLabel('Cores', { exact: true });
  }

  async startCompare(): Promise<void> {
    await this.page.getByRole('button', { name: 'Compare', exact: true }).click();
  }

  async expectCompare(state: LabState, timeout = 15_000): Promise<void> {
    await expect(this.compare).toHaveAttribute('data-compare-state', state, { timeout });
  }

  async startSweep(workers: string): Promise<void> {
    await this.page.getByLabel('Workers list', { exact: true }).fill(workers);
    await this.page.getByRole('button', { name: 'Sweep', exact: true }).click();
  }

  async expectSweep(state: LabState, timeout = 15_000): Promise<void> {
    await expect(this.sweep).toHaveAttribute('data-sweep-state', state, { timeout });
  }

  /** The table's body text, cell by cell. */
  async tableCells(): Promise<string[]> {
    return this.compareTable.locator('tbody td, tbody th').allInnerTexts();
  }
}
