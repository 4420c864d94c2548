// Flag parsing of the browser host: good flags, and one clear line for each bad one.
import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './cli-args';

describe('parseHostArgs', () => {
  it('defaults to 127.0.0.1', () => {
    const r = parseHostArgs([]);
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.args.host).toBe('127.0.0.1');
  });

  it('accepts port 0 and localhost', () => {
    expect(parseHostArgs(['--port', '0', '--host', 'localhost'])).toEqual({
      kind: 'ok',
      args: { port: 0, host: 'localhost' },
    });
    expect(parseHostArgs(['--port=65535'])).toEqual({
      kind: 'ok',
      args: { port: 65535, host: '127.0.0.1' },
    });
  });

  it.each([['abc'], ['-1'], ['65536'], ['1.5'], ['0x10'], ['']])(
    'rejects port %j in one line',
    (port) => {
      const r = parseHostArgs(['--port', port]);
      expect(r.kind).toBe('error');
      if (r.kind === 'error') {
        expect(r.error).toMatch(/port must be a whole number from 0 to 65535/);
        expect(r.error).not.toContain('\n');
      }
    },
  );

  it.each([['0.0.0.0'], ['::'], ['192.168.1.2'], ['example.com']])('refuses host %s', (host) => {
    const r = parseHostArgs(['--host', host]);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.error).toMatch(/host must be 127.0.0.1 or localhost/);
  });

  it('rejects unknown flags and stray arguments', () => {
    expect(parseHostArgs(['--prot', '1']).kind).toBe('error');
    expect(parseHostArgs(['extra']).kind).toBe('error');
    expect(parseHostArgs(['--port']).kind).toBe('error');
  });

  it('returns help text instead of exiting', () => {
    const r = parseHostArgs(['--help']);
    expect(r.kind).toBe('help');
    if (r.kind === 'help') expect(r.text).toContain('--port');
  });

  it('takes --library DIR and refuses an empty one', () => {
    expect(parseHostArgs(['--library', '/tmp/lib'])).toMatchObject({
      kind: 'ok',
      args: { library: '/tmp/lib' },
    });
    const r = parseHostArgs(['--library', ' ']);
    expect(r).toMatchObject({ kind: 'error', error: expect.stringMatching(/library must name/) });
  });

  it('takes --token and refuses one that cannot go into an address', () => {
    const token = 'abcdefghijklmnop_-12';
    expect(parseHostArgs(['--token', token])).toMatchObject({ kind: 'ok', args: { token } });
    for (const bad of ['short', 'x'.repeat(201), 'has space in it!!', 'a&b=c&defghijklmnop']) {
      const r = parseHostArgs(['--token', bad]);
      expect(r).toMatchObject({ kind: 'error', error: expect.stringMatching(/token must be/) });
    }
  });
});
