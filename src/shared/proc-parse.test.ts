import { describe, expect, it } from 'vitest';
import { parseSchedstatDelay, parseStat, parseStatCore } from './proc-parse';

describe('proc parsers', () => {
  it('reads field 39 even when the thread name holds spaces and parentheses', () => {
    const after = Array.from({ length: 50 }, (_, i) => (i === 36 ? '1' : '0')).join(' ');
    expect(parseStatCore(`1234 (we(ird) name) ${after}`)).toBe(1);
    expect(parseStatCore('garbage')).toBe(-1);
  });

  it('splits a stat line into pid, name, state and parent', () => {
    const line = parseStat('4321 (node (worker) x) S 77 4321 4321 0 -1 4194560\n');
    expect(line).toMatchObject({ pid: 4321, name: 'node (worker) x', state: 'S', ppid: 77 });
    expect(line?.rest[2]).toBe('4321');
    expect(parseStat('')).toBeUndefined();
    expect(parseStat('12 (x)')).toBeUndefined();
  });

  it('reads the run-queue delay from schedstat', () => {
    expect(parseSchedstatDelay('123 4567 8\n')).toBe(4567);
    expect(parseSchedstatDelay('')).toBe(0);
  });
});
