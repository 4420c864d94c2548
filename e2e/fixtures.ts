// Test fixtures: a fresh browser host per test (so a failed test cannot leave a run going for
// the next one) and the app page opened on it, ready and idle.
import { test as base } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';
import { AppPage } from './pages/app-page';
import { RENDERER_INDEX, requireBuilt, fakeCoresEnv } from './support/paths';

interface Fixtures {
  /** Core count the host's os.cpus() reports (e2e/support/fake-cores.cjs); undefined: real. */
  readonly fakeCores: number | undefined;
  readonly host: HostProcess;
  readonly app: AppPage;
}

export const test = base.extend<Fixtures>({
  fakeCores: [undefined, { option: true }],
  host: async ({ fakeCores }, use, testInfo) => {
    const host = await startHostProcess(['--port', '0'], {
      env: fakeCores === undefined ? process.env : fakeCoresEnv(fakeCores),
    });
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
