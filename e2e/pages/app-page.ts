// Page object of the CoreScope window. Speaks only in the hooks the UI promises: data-run-state,
// the core-lanes container with data-core-slices, the slice table, the run summary, role=alert,
// the Run/Cancel/Table buttons and the labelled run form.
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';

/**
 * Page-side recorder of data-run-state changes, appended to <html data-e2e-states>. A string, so
 * this Node-typed file needs no DOM types; evaluate() runs it over CDP, outside the page's CSP.
 */
const RECORD_STATES = `(() => {
  const log = document.documentElement;
  log.dataset.e2eStates = '';
  new MutationObserver((records) => {
    for (const r of records) {
      if (!(r.target instanceof Element)) continue;
      const state = r.target.getAttribute('data-run-state') || '';
      const seen = log.dataset.e2eStates.split(',').filter(Boolean);
      if (seen[seen.length - 1] !== state) log.dataset.e2eStates += state + ',';
    }
  }).observe(log, { attributes: true, subtree: true, attributeFilter: ['data-run-state'] });
})()`;

export type RunState = 'idle' | 'running' | 'finished' | 'error';

export interface RunForm {
  readonly Scenario?: string;
  readonly Model?: string;
  readonly Workers?: number;
  readonly Tasks?: number;
  readonly Size?: number;
  readonly Scale?: number;
  readonly Variant?: string;
}

/** A short threads run whose two workers draw running bars on the cores (exports, lecture). */
export const THREADS_RUN: RunForm = {
  Scenario: 'cpu-bound',
  Model: 'threads',
  Workers: 2,
  Tasks: 4,
  Size: 40,
};

export class AppPage {
  readonly root: Locator;
  readonly coreLanes: Locator;
  readonly sliceTable: Locator;
  readonly summary: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    // The innermost carrier: index.html's <body> may hold a static value until the app mounts.
    this.root = page.locator('[data-run-state]').last();
    this.coreLanes = page.getByTestId('core-lanes');
    this.sliceTable = page.getByTestId('slice-table');
    this.summary = page.getByTestId('run-summary');
    this.alert = page.getByRole('alert');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.ready();
  }

  /** Waits for the idle app and starts recording its run states. */
  async ready(): Promise<void> {
    await expect(this.coreLanes).toBeVisible();
    await this.expectState('idle');
    await this.page.evaluate(RECORD_STATES);
  }

  /** Run states seen since open(), in order (recorded page-side: a short 'running' is not missed). */
  async statesSeen(): Promise<string[]> {
    const raw = (await this.page.locator('html').getAttribute('data-e2e-states')) ?? '';
    return raw.split(',').filter((s) => s !== '');
  }

  async expectState(state: RunState, timeout = 15_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-run-state', state, { timeout });
  }

  async state(): Promise<string | null> {
    return this.root.getAttribute('data-run-state');
  }

  laneLabels(): Locator {
    return this.coreLanes.getByText(/^CPU \d+$/);
  }

  /** Switches the run form to real CPython, or skips the test with the reason where there is none. */
  async pythonSource(): Promise<void> {
    const source = this.page.getByLabel('Source', { exact: true });
    const off = await source.locator('option[value="python"]').isDisabled();
    test.skip(off, 'no usable python3 here (the run form says why)');
    await source.selectOption('python');
  }

  async fill(form: RunForm): Promise<void> {
    for (const [label, value] of Object.entries(form)) {
      if (value === undefined) continue;
      const field = this.page.getByLabel(label, { exact: true });
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await field.selectOption(String(value));
      else await field.fill(String(value));
    }
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run', exact: true }).click();
  }

  /** Fills the form, runs it and waits until the run has finished. */
  async finishedRun(form: RunForm, timeout = 60_000): Promise<void> {
    await this.fill(form);
    await this.run();
    await this.expectState('finished', timeout);
  }

  /** Presses a button that saves a file and returns the download it starts. */
  async download(button: string): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button, exact: true }).click();
    return wait;
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel', exact: true }).click();
  }

  /**
   * Presses an enabled Cancel with a plain DOM click, for timing Cancel itself: Playwright's
   * click() first waits for the button to stay still over several rendered frames, and while a
   * run keeps both cores of a 2-core machine busy those frames alone can take most of a second.
   */
  async cancelNow(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Cancel', exact: true });
    await expect(button).toBeEnabled();
    await button.dispatchEvent('click');
  }

  async showTable(): Promise<void> {
    await this.page.getByRole('button', { name: 'Table', exact: true }).click();
  }

  /** Running slices per core lane, from the lanes' data-core-slices attribute. */
  async coreSlices(): Promise<number[]> {
    const raw = (await this.coreLanes.getAttribute('data-core-slices')) ?? '';
    return raw === '' ? [] : raw.split(',').map(Number);
  }
}
