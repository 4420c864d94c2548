// Opening large files in the browser host: the file is read and parsed in a worker, the page
// shows how far it got and stays usable, Cancel stops it and changes nothing, and a trace with
// more events than the view can show is refused with one message before it is parsed.
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app-page';

/** A foreign Chrome trace of `count` complete events on 8 threads, written to `path`. */
function writeTrace(path: string, count: number): void {
  const events: string[] = [];
  for (let i = 0; i < count; i++) {
    const tid = i % 8;
    events.push(
      `{"ph":"X","name":"f${i % 40}","ts":${Math.floor(i / 8) * 10},"dur":8,"pid":1,"tid":${tid},"args":{"cpu":${tid % 2}}}`,
    );
  }
  writeFileSync(path, `{"traceEvents":[\n${events.join(',\n')}\n]}`);
}

const small = {
  traceEvents: [
    { ph: 'M', name: 'thread_name', pid: 7, tid: 70, args: { name: 'renderer main' } },
    { ph: 'X', name: 'layout', ts: 5000, dur: 4000, pid: 7, tid: 70, args: { cpu: 0 } },
    { ph: 'X', name: 'decode', ts: 6000, dur: 9000, pid: 7, tid: 71, args: { cpu: 1 } },
  ],
};

async function openSmall(app: AppPage): Promise<void> {
  await app.page.getByTestId('open-file').setInputFiles({
    name: 'small.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(small)),
  });
  await app.expectState('finished');
  await expect(app.page.getByTestId('opened-name')).toContainText('small.json');
  expect(await app.coreSlices()).toEqual([1, 1]);
}

test('a big trace shows its progress, Cancel stops it and the app still works', async ({
  app,
}, testInfo) => {
  const path = testInfo.outputPath('big.json');
  writeTrace(path, 900_000);
  await app.page.getByTestId('open-file').setInputFiles(path);
  const progress = app.page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('big.json');
  // The worker reports past reading: the page hears from it while the parse runs.
  await expect(progress).toHaveAttribute('data-phase', /parsing|building/);
  await app.page.screenshot({ path: testInfo.outputPath('import-progress.png') });
  // The page is live meanwhile: its controls still answer.
  await expect(app.page.getByRole('button', { name: 'Open…' })).toBeEnabled();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(app.alert).toContainText('Opening big.json was cancelled; nothing changed.');
  await expect(app.page.getByTestId('opened-name')).toBeHidden();
  await openSmall(app);
});

test('a trace with more events than the view can show is refused with one message', async ({
  app,
}, testInfo) => {
  await openSmall(app);
  const path = testInfo.outputPath('huge.json');
  writeTrace(path, 1_000_001);
  await app.page.getByTestId('open-file').setInputFiles(path);
  await expect(app.alert).toContainText(
    /Cannot open huge\.json: it has more than 1,000,000 events, more than CoreScope can show/,
  );
  await expect(app.page.getByTestId('import-progress')).toBeHidden();
  // Nothing changed: the run shown before is still shown.
  await expect(app.page.getByTestId('opened-name')).toContainText('small.json');
  expect(await app.coreSlices()).toEqual([1, 1]);
});
