import { describe, expect, it } from 'vitest';
import { fallbackMessage, parseSavedPython } from './python-pick';

describe('the saved interpreter pick', () => {
  it('reads back what was saved, and nothing when nothing was', () => {
    expect(parseSavedPython(null)).toEqual({ kind: 'none' });
    expect(parseSavedPython(JSON.stringify('/usr/bin/python3.12'))).toEqual({
      kind: 'path',
      path: '/usr/bin/python3.12',
    });
    expect(parseSavedPython(JSON.stringify('python3.11'))).toEqual({
      kind: 'path',
      path: 'python3.11',
    });
  });

  it('refuses what the engine would refuse, with its reason', () => {
    expect(parseSavedPython('{not json')).toEqual({ kind: 'bad', problem: 'it is not readable' });
    expect(parseSavedPython('42')).toEqual({ kind: 'bad', problem: 'python must be a path' });
    expect(parseSavedPython(JSON.stringify('bin/python3'))).toEqual({
      kind: 'bad',
      problem: 'python must be an absolute path or a command name (python3.12)',
    });
    expect(parseSavedPython(JSON.stringify(' python3'))).toEqual({
      kind: 'bad',
      problem: 'python path must not start or end with spaces',
    });
  });

  it('says why a saved pick is not used and what is used instead', () => {
    expect(
      fallbackMessage({ kind: 'path', path: '/x' }, 'python: /x was not found', 'python3'),
    ).toBe(
      'The interpreter picked before no longer works (/x was not found); Python runs use python3.',
    );
  });
});
