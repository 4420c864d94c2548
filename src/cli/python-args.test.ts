// The trace CLI's Python form: flags judged as one line each, nothing started on a bad one.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

const abs = (p: string): string => (p.startsWith('/') ? p : `/work/${p}`);

describe('trace CLI --script', () => {
  it('parses a Python run with its interpreter, scale, cores and --no-trace', () => {
    const r = parseCliArgs(
      [
        '--script',
        'a.py',
        '--python',
        '/usr/bin/python3',
        '--scale',
        '0.5',
        '--cores',
        '1',
        '--no-trace',
        '--out',
        'x.json',
      ],
      2,
      abs,
    );
    expect(r).toEqual({
      kind: 'python',
      options: {
        params: {
          source: 'python',
          script: { kind: 'file', path: '/work/a.py' },
          scale: 0.5,
          trace: false,
          cores: 1,
        },
        python: '/usr/bin/python3',
        out: 'x.json',
        json: false,
      },
    });
  });

  it('refuses model flags, bad numbers and missing --out with one line', () => {
    const err = (argv: string[]): string => {
      const r = parseCliArgs(argv, 2, abs);
      return r.kind === 'error' ? r.error : `no error: ${r.kind}`;
    };
    expect(err(['--script', 'a.py', '--model', 'async', '--out', 'x.json'])).toBe(
      'error: --model cannot be used with --script',
    );
    expect(err(['--script', 'a.py', '--scale', '2x', '--out', 'x.json'])).toBe(
      'error: --scale must be a number, not "2x"',
    );
    expect(err(['--script', 'a.py', '--scale', '1000', '--out', 'x.json'])).toBe(
      'error: --scale must be from 0.001 to 100',
    );
    expect(err(['--script', 'a.py', '--cores', '3', '--out', 'x.json'])).toBe(
      "error: --cores must be from 1 to 2 (this machine's logical cores)",
    );
    expect(err(['--script', 'a.py'])).toBe("error: required option '--out <file>' not specified");
    expect(err(['--script', '', '--out', 'x.json'])).toBe('error: --script must name a .py file');
  });
});
