// The one zod-error formatter, fed real zod (full and mini) errors.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { zodProblem } from './zod-format';

function errorOf(schema: z.ZodType, value: unknown): z.ZodError {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected the value to fail');
  return r.error;
}

describe('zodProblem', () => {
  it('names the path of the first problem', () => {
    const e = errorOf(z.object({ a: z.object({ b: z.number() }) }), { a: { b: 'x' } });
    expect(zodProblem(e)).toMatch(/^a\.b: /);
  });

  it('gives the message alone at the top level', () => {
    const e = errorOf(z.number(), 'x');
    expect(zodProblem(e)).toBe(e.issues[0]?.message);
  });

  it('does not repeat a field a custom message already names', () => {
    const e = errorOf(z.object({ workers: z.number().max(2, 'workers must be at most 2') }), {
      workers: 5,
    });
    expect(zodProblem(e)).toBe('workers must be at most 2');
  });

  it('lists unknown keys with the noun the caller gives', () => {
    const e = errorOf(z.strictObject({ a: z.number() }), { a: 1, evil: 1, worse: 2 });
    expect(zodProblem(e, { keyNoun: 'parameter' })).toBe('unknown parameters: evil, worse');
  });

  it('reads errors from zod/mini the same way', () => {
    const r = zm.safeParse(zm.object({ n: zm.number() }), { n: 'x' });
    if (r.success) throw new Error('expected the value to fail');
    expect(zodProblem(r.error)).toMatch(/^n: /);
  });

  it('uses the fallback when there is no issue', () => {
    expect(zodProblem({ issues: [] }, { fallback: 'bad arguments' })).toBe('bad arguments');
  });
});
