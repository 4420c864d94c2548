// Opening large files in the browser host: the file is read and parsed in a worker, the page
// shows how far it got and stays usable, Cancel stops it and changes nothing, and a trace with
// more events than the view can show is refused with one message before it is parsed.
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app-page';
import { lanesFor } from './support/machine';

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

/**
 * Page script: waits for the import progress line to report a phase past reading; in that same
 * task it records what the line and the Open button show into window.__importSeen and presses
 * the line's Cancel (a DOM click, at once).
 */
const WATCH_IMPORT = `(() => {
  window.__importSeen = null;
  const look = () => {
    const line = document.querySelector('[data-testid="import-progress"]');
    const phase = line ? line.getAttribute('data-phase') || '' : '';
    if (phase !== 'parsing' && phase !== 'building') return false;
    const open = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Open…');
    window.__importSeen = {
      phase,
      named: String(line.textContent).includes('big.json'),
      open: open !== undefined && !open.disabled,
    };
    const cancel = [...line.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Cancel');
    if (cancel) cancel.click();
    return true;
  };
  const watcher = new MutationObserver(() => {
    if (look()) watcher.disconnect();
  });
  watcher.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
})()`;

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
  expect(await app.coreSlices()).toEqual(lanesFor([1, 1]));
}

test('a big trace shows its progress, Cancel stops it and the app still works', async ({
  app,
}, testInfo) => {
  const path = testInfo.outputPath('big.json');
  writeTrace(path, 900_000);
  // The look at the import while it goes on, and the Cancel press, are taken in the page, in the
  // task in which the worker's first report past reading shows: a fast machine may finish the
  // parse soon after, and a look or a click from the test a poll later would find it done.
  await app.page.evaluate(WATCH_IMPORT);
  await app.page.getByTestId('open-file').setInputFiles(path);
  await expect
    .poll(() => app.page.evaluate('window.__importSeen !== null'), { timeout: 60_000 })
    .toBe(true);
  const seen: unknown = await app.page.evaluate('window.__importSeen');
  // The worker reports past reading (the page hears from it while the parse runs), the line
  // names the file, and the page's controls still answer meanwhile.
  expect(seen).toEqual({
    phase: expect.stringMatching(/^(parsing|building)$/),
    named: true,
    open: true,
  });
  const progress = app.page.getByTestId('import-progress');
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
  expect(await app.coreSlices()).toEqual(lanesFor([1, 1]));
});
