// zod/mini has no messages of its own until a locale is installed; the shared `z` installs
// English, so every schema reads as full zod did. This file imports no full zod (which would
// install the locale by itself and hide a missing one).
import { describe, expect, it } from 'vitest';
import { z } from './zod-mini';

function message(schema: z.ZodMiniType, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues[0]?.message;
}

describe('the shared zod/mini', () => {
  it("reads zod's English messages", () => {
    expect(message(z.string().check(z.maxLength(2)), 'abc')).toBe(
      'Too big: expected string to have <=2 characters',
    );
    expect(message(z.number().check(z.int()), 1.5)).toBe(
      'Invalid input: expected int, received number',
    );
    expect(message(z.number().check(z.nonnegative()), -1)).toBe(
      'Too small: expected number to be >=0',
    );
    expect(message(z.number(), 'x')).toBe('Invalid input: expected number, received string');
    expect(message(z.strictObject({}), { a: 1 })).toBe('Unrecognized key: "a"');
  });

  it('keeps the messages a schema gives', () => {
    expect(message(z.number().check(z.maximum(2, { error: 'at most 2' })), 3)).toBe('at most 2');
  });
});
