import { describe, expect, it } from 'vitest';
import {
  busyCores,
  cores,
  formatDuration,
  formatTickMs,
  formatTime,
  ms,
  pct,
  times,
} from './figure-format';

describe('figure formats', () => {
  it('prints a share as a whole percentage, and a tiny non-zero one as "<1 %"', () => {
    expect(pct(0.476)).toBe('48 %');
    expect(pct(0.003)).toBe('<1 %');
    expect(pct(0.001)).toBe('<1 %');
    expect(pct(0.005)).toBe('1 %');
    expect(pct(0)).toBe('0 %');
    expect(pct(0.874)).toBe('87 %');
    expect(pct(Number.NaN)).toBe('—');
  });

  it('prints durations with one rule whether given in µs or ms', () => {
    expect(formatDuration(850)).toBe('850 µs');
    expect(formatDuration(12_345)).toBe('12.3 ms');
    expect(formatDuration(1_234_567)).toBe('1.23 s');
    expect(formatDuration(0.5)).toBe('0.50 µs');
    expect(formatDuration(60_000)).toBe('60.0 ms');
    expect(formatDuration(1_000_000)).toBe('1.00 s');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(ms(850.4)).toBe('850 ms');
    expect(ms(1024)).toBe('1.02 s');
    expect(ms(2040)).toBe('2.04 s');
    expect(ms(12.345)).toBe('12.3 ms');
    expect(ms(2.5)).toBe('2.50 ms');
    expect(ms(0.4)).toBe('400 µs');
    for (const v of [0.4, 2.5, 850.4, 2040, 12_345]) expect(ms(v)).toBe(formatDuration(v * 1000));
  });

  it('prints run times and axis ticks', () => {
    expect(formatTime(1234)).toBe('1.234 ms');
    expect(formatTime(123_456)).toBe('123.5 ms');
    expect(formatTime(12_345_678)).toBe('12.346 s');
    expect(formatTickMs(2000, 10_000)).toBe('2 s');
    expect(formatTickMs(2500, 10_000)).toBe('2.5 s');
    expect(formatTickMs(120, 500)).toBe('120 ms');
    expect(formatTickMs(1.5, 10)).toBe('1.5 ms');
    expect(formatTickMs(0.25, 1)).toBe('0.25 ms');
  });

  it('prints ratios and core counts', () => {
    expect(times(1.918)).toBe('1.92×');
    expect(times(Infinity)).toBe('—');
    expect(cores(1.94)).toBe('1.9');
  });

  it('never prints a used CPU as 0.00 cores busy', () => {
    // 1.52 ms of CPU in a 2.66 s run: a real, tiny share.
    expect(busyCores(1.52 / 2660)).toBe('<0.01');
    expect(busyCores(0)).toBe('0.00');
    expect(busyCores(0.005)).toBe('0.01');
    expect(busyCores(1.936)).toBe('1.94');
    expect(busyCores(NaN)).toBe('—');
  });
});
