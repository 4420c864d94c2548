// What the build must produce. The preload runs sandboxed, where `require` reaches only
// electron's own modules: any other require (zod, which the operations table uses) would leave
// the page without its API. The page's meta CSP is the shared rules, written in at build time.
// The page, its file-opening worker and the preload reach zod only through zod/mini: full zod's
// classes would add about 110 KB to the page's chunk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { META_CSP } from '../src/shared/csp-rules';
import { RENDERER_INDEX, ROOT, requireBuilt } from './support/paths';

test('the built preload requires nothing but electron', () => {
  const file = join(ROOT, 'out', 'preload', 'index.js');
  requireBuilt(file);
  const required = [...readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map(
    (m) => m[1],
  );
  expect(new Set(required)).toEqual(new Set(['electron']));
});

test('the built page states the shared CSP rules in its meta tag', () => {
  requireBuilt(RENDERER_INDEX);
  const html = readFileSync(RENDERER_INDEX, 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
  expect(meta?.[1]).toBe(META_CSP);
});

test('the page, its worker and the preload bundle zod/mini, not full zod', () => {
  const assets = join(ROOT, 'out', 'renderer', 'assets');
  requireBuilt(RENDERER_INDEX, assets);
  const chunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(assets, f));
  const files = [...chunks, join(ROOT, 'out', 'preload', 'index.js')];
  // zod names each schema class when it registers it: full zod's base class is "ZodType" (and
  // its error "ZodError"), zod/mini's is "ZodMiniType". Minifying keeps these strings.
  const zodIn = files.filter((f) => readFileSync(f, 'utf8').includes('"ZodMiniType"'));
  expect(zodIn.length).toBeGreaterThanOrEqual(3);
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    expect(code, file).not.toContain('"ZodType"');
    expect(code, file).not.toContain('"ZodError"');
  }
});
