import { describe, expect, it } from 'vitest';
import { cores, ms, pct, times } from './figure-format';

describe('figure formats', () => {
  it('prints percentages, durations, ratios and core counts', () => {
    expect(pct(0.476)).toBe('48 %');
    expect(pct(0.001)).toBe('<1 %');
    expect(pct(0)).toBe('0 %');
    expect(pct(Number.NaN)).toBe('—');
    expect(ms(850.4)).toBe('850 ms');
    expect(ms(1024)).toBe('1.02 s');
    expect(ms(12.345)).toBe('12.3 ms');
    expect(ms(2.5)).toBe('2.50 ms');
    expect(times(1.918)).toBe('1.92×');
    expect(times(Infinity)).toBe('—');
    expect(cores(1.94)).toBe('1.9');
  });
});
