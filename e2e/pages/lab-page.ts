// Page object of the Compare and Sweep panels and the Cores control. Speaks only in the hooks
// they promise: data-compare-state / data-sweep-state, data-testid'd runs, table, chart and fit.
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Page-side recorder of the Compare and Sweep panels' state changes, appended to
 * <html data-e2e-lab-states> as "compare:running,compare:finished,". A short 'running' that ends
 * between two polls of the test is still seen (the record is taken in the page, as it changes).
 */
const RECORD_LAB_STATES = `(() => {
  const log = document.documentElement;
  log.dataset.e2eLabStates = '';
  const last = {};
  const note = (el) => {
    for (const panel of ['compare', 'sweep']) {
      const state = el.getAttribute('data-' + panel + '-state');
      if (state === null || last[panel] === state) continue;
      last[panel] = state;
      log.dataset.e2eLabStates += panel + ':' + state + ',';
    }
  };
  for (const el of document.querySelectorAll('[data-compare-state], [data-sweep-state]')) note(el);
  new MutationObserver((records) => {
    for (const r of records) if (r.target instanceof Element) note(r.target);
  }).observe(log, {
    attributes: true,
    subtree: true,
    attributeFilter: ['data-compare-state', 'data-sweep-state'],
  });
})()`;

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

  /** Starts recording the panels' states in the page (see statesSeen). */
  async recordStates(): Promise<void> {
    await this.page.evaluate(RECORD_LAB_STATES);
  }

  /** The states `panel` showed since recordStates(), in order. */
  async statesSeen(panel: 'compare' | 'sweep'): Promise<string[]> {
    const raw = (await this.page.locator('html').getAttribute('data-e2e-lab-states')) ?? '';
    return raw
      .split(',')
      .filter((s) => s.startsWith(`${panel}:`))
      .map((s) => s.slice(panel.length + 1));
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
