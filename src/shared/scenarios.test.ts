import { describe, expect, it } from 'vitest';
import { fibCalls, parseRunParams } from './scenarios';

describe('parseRunParams', () => {
  it('fills defaults from the scenario and the machine', () => {
    const r = parseRunParams({ scenario: 'cpu-bound', model: 'threads' }, 6);
    expect(r).toEqual({
      ok: true,
      params: {
        scenario: 'cpu-bound',
        model: 'threads',
        workers: 6,
        tasks: 4,
        size: 200,
        scale: 1,
        variant: 'nonblocking',
        trace: true,
      },
    });
  });

  it('keeps a cores limit within the machine and leaves it out when absent', () => {
    const r = parseRunParams({ scenario: 'cpu-bound', model: 'threads', cores: 1 }, 2);
    expect(r.ok && r.params.cores).toBe(1);
    const all = parseRunParams({ scenario: 'cpu-bound', model: 'threads' }, 2);
    expect(all.ok && 'cores' in all.params).toBe(false);
  });

  it('derives fib tasks from n', () => {
    const r = parseRunParams({ scenario: 'fib-sleep', model: 'async', size: 5 }, 2);
    expect(r.ok && r.params.tasks).toBe(fibCalls(5));
    expect(fibCalls(10)).toBe(177);
  });

  it.each([
    [{ scenario: 'nope', model: 'async' }, /scenario must be one of/],
    [{ scenario: 'say-after', model: 'fibers' }, /model must be one of/],
    [{ scenario: 'say-after', model: 'async', workers: 65 }, /workers must be from 1 to 64/],
    [{ scenario: 'say-after', model: 'async', workers: 1.5 }, /workers must be a whole number/],
    [{ scenario: 'say-after', model: 'async', tasks: 10_001 }, /tasks must be from 1 to 10000/],
    [{ scenario: 'say-after', model: 'async', scale: 0 }, /scale must be from/],
    [{ scenario: 'say-after', model: 'async', workers: '2' }, /workers must be a number/],
    [{ scenario: 'say-after', model: 'async', evil: 1 }, /unknown parameter: evil/],
    [{ scenario: 'fib-sleep', model: 'async', size: 19 }, /size must be from 1 to 18/],
    [null, /expected object|invalid/i],
    [{ scenario: 'say-after', model: 'async', cores: 0 }, /cores must be from 1/],
    [{ scenario: 'say-after', model: 'async', cores: 3 }, /cores must be from 1 to 2/],
    [{ scenario: 'say-after', model: 'async', cores: 1.5 }, /cores must be a whole number/],
  ])('rejects %j with one clear line', (input, message) => {
    const r = parseRunParams(input, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).not.toContain('\n');
    }
  });
});
