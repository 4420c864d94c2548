// The trace CLI's flag parsing: valid runs and the one-line errors for every kind of bad flag.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

const base = ['--scenario', 'cpu-bound', '--model', 'threads', '--out', 't.json'];
const error = (argv: readonly string[]): string => {
  const r = parseCliArgs(argv, 2);
  if (r.kind !== 'error') throw new Error(`expected an error for ${argv.join(' ')}`);
  expect(r.error).not.toContain('\n');
  expect(r.error).toMatch(/^error: /);
  return r.error;
};

describe('parseCliArgs', () => {
  it('fills defaults from the scenario and the machine', () => {
    const r = parseCliArgs(base, 2);
    expect(r).toEqual({
      kind: 'run',
      options: {
        out: 't.json',
        json: false,
        params: {
          scenario: 'cpu-bound',
          model: 'threads',
          workers: 2,
          tasks: 4,
          size: 200,
          scale: 1,
          variant: 'nonblocking',
          trace: true,
        },
      },
    });
  });

  it('reads every flag', () => {
    const r = parseCliArgs(
      [
        ...['--scenario', 'fib-sleep', '--model', 'async', '--workers', '3', '--size', '5'],
        ...[
          '--scale',
          '0.1',
          '--variant',
          'nonblocking',
          '--no-trace',
          '--json',
          '--out',
          'f.json',
        ],
      ],
      8,
    );
    expect(r.kind === 'run' && r.options).toMatchObject({
      out: 'f.json',
      json: true,
      params: { workers: 3, size: 5, tasks: 15, scale: 0.1, variant: 'nonblocking', trace: false },
    });
  });

  it('accepts --flag=value and a number with an exponent', () => {
    const r = parseCliArgs([...base, '--tasks=1e3'], 2);
    expect(r.kind === 'run' && r.options.params.tasks).toBe(1000);
  });

  it('names the flag and the range for out-of-range values', () => {
    expect(error([...base, '--workers', '65'])).toBe(
      'error: --workers must be from 1 to 64 (at most 64)',
    );
    expect(error([...base, '--workers', '0'])).toBe('error: --workers must be from 1 to 64');
    expect(error([...base, '--tasks', '10001'])).toBe(
      'error: --tasks must be from 1 to 10000 (at most 10000)',
    );
    expect(error([...base, '--workers', '2.5'])).toContain(
      '--workers must be a whole number from 1 to 64',
    );
    expect(error([...base, '--scale', '0'])).toContain('--scale must be from 0.001 to 100');
    expect(
      error(['--scenario', 'fib-sleep', '--model', 'async', '--size', '30', '--out', 'x']),
    ).toMatch(/^error: --size must be from 1 to 18 for fib-sleep/);
  });

  it('rejects anything but a plain number, naming the limits', () => {
    for (const bad of ['2x', '', ' ', 'NaN', '1e400', 'Infinity', '0x10', '--', 'two']) {
      const e = error([...base, `--workers=${bad}`]);
      expect(e).toContain('--workers must be a whole number from 1 to 64 (at most 64 workers)');
    }
    expect(error([...base, '--tasks', 'many'])).toContain('at most 10000 tasks');
    expect(error([...base, '--scale', 'fast'])).toContain(
      '--scale must be a number from 0.001 to 100',
    );
  });

  it('rejects unknown scenarios, models and variants with the allowed values', () => {
    expect(error(['--scenario', 'nope', '--model', 'async', '--out', 'x'])).toBe(
      'error: --scenario must be one of say-after, fib-sleep, downloads, cpu-bound, mixed',
    );
    expect(error(['--scenario', 'mixed', '--model', 'fibers', '--out', 'x'])).toBe(
      'error: --model must be one of sequential, async, threads, gil-threads, processes',
    );
    expect(error([...base, '--variant', 'sometimes'])).toBe(
      'error: --variant must be one of blocking, nonblocking',
    );
  });

  it('rejects unknown flags, stray arguments and missing required flags', () => {
    expect(error([...base, '--turbo'])).toBe("error: unknown option '--turbo'");
    expect(error([...base, 'extra'])).toMatch(/too many arguments/);
    expect(error(['--scenario', 'mixed', '--model', 'async'])).toBe(
      "error: required option '--out <file>' not specified",
    );
    expect(error(['--model', 'async', '--out', 'x'])).toMatch(/--scenario/);
    expect(error([...base, '--workers'])).toMatch(/--workers <n>' argument missing/);
    expect(error([...base, '--out', ' '])).toBe('error: --out must name a file');
  });

  it('shows help without running', () => {
    const r = parseCliArgs(['--help'], 2);
    expect(r.kind).toBe('help');
    if (r.kind === 'help') expect(r.text).toContain('--scenario <id>');
  });
});
