// The headless Chromium the benches draw in, with the flags the e2e tests use too
// (playwright.config.ts reads HEADLESS_CHROMIUM_ARGS from here): no GPU, no background traffic,
// so the figures measure the app's drawing, not the browser's own chores.
import { chromium, type Browser } from '@playwright/test';

export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...HEADLESS_CHROMIUM_ARGS],
  });
}
