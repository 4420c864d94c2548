// Renderer figures for `npm run bench`, measured in Debian's Chromium (headless, software canvas)
// on the app's own drawing code, bundled by scripts/build-node.mjs into out/node/render-page.js.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBenchBrowser } from './bench-browser';

export interface RenderFigures {
  readonly draw100kMs: number;
  readonly draw100kVisible: number;
  readonly pan1mFrameMs: number;
  readonly pan1mFrameP95Ms: number;
  readonly index1mMs: number;
  readonly draw100kUnmergeableMs: number;
}

export async function renderBench(outDir: string): Promise<RenderFigures> {
  const script = await readFile(join(outDir, 'node', 'render-page.js'), 'utf8');
  const browser = await launchBenchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><body></body>');
    await page.addScriptTag({ content: script });
    return await page.evaluate(() => {
      const run = (globalThis as unknown as { runRenderBench: () => RenderFigures }).runRenderBench;
      return run();
    });
  } finally {
    await browser.close();
  }
}
