import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { chromium } from '@playwright/test';
const lib = mkdtempSync(`/tmp/corescope-dbg-${process.pid}-`);
const child = spawn(process.execPath, ['out/node/serve.cjs', '--port', '0', '--library', lib], { stdio: ['ignore', 'pipe', 'pipe'] });
const url = await new Promise((res) => { let log=''; const on = (c) => { log += c; const m = /CoreScope browser host: (http:\/\/\S+)/.exec(log); if (m) res(m[1]); }; child.stdout.on('data', on); child.stderr.on('data', on); });
console.log('url', url);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log('console', m.text()));
await page.goto(url);
await page.getByTestId('core-lanes').waitFor();
console.log('loaded', await page.evaluate(() => [...document.querySelectorAll('[data-run-state]')].map(e => e.tagName + e.getAttribute('data-run-state'))));
for (const [label, value] of Object.entries({ Scenario: 'cpu-bound', Model: 'processes', Workers: '2', Tasks: '4', Size: '200' })) {
  const field = page.getByLabel(label, { exact: true });
  console.log('field', label, await field.count());
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await field.selectOption(value); else await field.fill(value);
}
console.log('filled');
await page.getByRole('button', { name: 'Run', exact: true }).click({ timeout: 10000 });
console.log('clicked');
await page.waitForTimeout(3000);
console.log('state', await page.evaluate(() => [...document.querySelectorAll('[data-run-state]')].map(e => e.getAttribute('data-run-state'))));
await browser.close(); child.kill();
