// What the build must produce. The preload runs sandboxed, where `require` reaches only
// electron's own modules: any other require (zod, which the operations table uses) would leave
// the page without its API. The page's meta CSP is the shared rules, written in at build time.
import { readFileSync } from 'node:fs';
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
