import { describe, expect, it } from 'vitest';
import { parseSchedstatDelay, parseStatCore } from './proc-parse';

describe('proc parsers', () => {
  it('reads field 39 even when the thread name holds spaces and parentheses', () => {
    const after = Array.from({ length: 50 }, (_, i) => (i === 36 ? '1' : '0')).join(' ');
    expect(parseStatCore(`1234 (we(ird) name) ${after}`)).toBe(1);
    expect(parseStatCore('garbage')).toBe(-1);
  });

  it('reads the run-queue delay from schedstat', () => {
    expect(parseSchedstatDelay('123 4567 8\n')).toBe(4567);
    expect(parseSchedstatDelay('')).toBe(0);
  });
});
