import { describe, expect, it } from 'vitest';
import { formatDuration, formatMs, formatPercent, formatTickMs, formatTime } from './format';

describe('format', () => {
  it('formats durations with a fitting unit', () => {
    expect(formatDuration(850)).toBe('850 µs');
    expect(formatDuration(12_345)).toBe('12.3 ms');
    expect(formatDuration(1_234_567)).toBe('1.23 s');
    expect(formatDuration(0.5)).toBe('0.5 µs');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatMs(2040)).toBe('2.04 s');
  });

  it('formats run times and percentages', () => {
    expect(formatTime(1234)).toBe('1.234 ms');
    expect(formatTime(123_456)).toBe('123.5 ms');
    expect(formatTime(12_345_678)).toBe('12.346 s');
    expect(formatPercent(0.874)).toBe('87 %');
  });

  it('formats axis ticks for the span shown', () => {
    expect(formatTickMs(2000, 10_000)).toBe('2 s');
    expect(formatTickMs(2500, 10_000)).toBe('2.5 s');
    expect(formatTickMs(120, 500)).toBe('120 ms');
    expect(formatTickMs(1.5, 10)).toBe('1.5 ms');
    expect(formatTickMs(0.25, 1)).toBe('0.25 ms');
  });
});
