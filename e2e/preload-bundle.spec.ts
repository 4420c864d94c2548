// The built preload runs sandboxed, where `require` reaches only electron's own modules: any
// other require (zod, which the operations table uses) would leave the page without its API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ROOT, requireBuilt } from './support/paths';

test('the built preload requires nothing but electron', () => {
  const file = join(ROOT, 'out', 'preload', 'index.js');
  requireBuilt(file);
  const required = [...readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map(
    (m) => m[1],
  );
  expect(new Set(required)).toEqual(new Set(['electron']));
});
