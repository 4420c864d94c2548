// Test fixtures: a fresh browser host per test (so a failed test cannot leave a run going for
// the next one) and the app page opened on it, ready and idle.
import { test as base } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';
import { AppPage } from './pages/app-page';
import { RENDERER_INDEX, requireBuilt } from './support/paths';

interface Fixtures {
  readonly host: HostProcess;
  readonly app: AppPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from this pattern
  host: async ({}, use, testInfo) => {
    const host = await startHostProcess();
    await use(host);
    await host.stop();
    await testInfo.attach('host-output', { body: host.output(), contentType: 'text/plain' });
  },
  app: async ({ page, host }, use) => {
    requireBuilt(RENDERER_INDEX);
    const app = new AppPage(page);
    await app.open(host.url);
    await use(app);
  },
});

export { expect } from '@playwright/test';
