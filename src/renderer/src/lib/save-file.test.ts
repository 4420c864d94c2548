// File names from run titles stay plain, and every stem (with each save kind's extension) is a
// name main's save request accepts: an opened `_draft.json` must not make every Save refused.
import { describe, expect, it } from 'vitest';
import { SaveFileRequestSchema } from '../../../shared/desktop-contract';
import { safeStem } from './save-file';

const accepted = (name: string): boolean =>
  SaveFileRequestSchema.safeParse({ kind: 'run', suggestedName: name, data: new Uint8Array() })
    .success;

describe('safeStem', () => {
  it('keeps names plain and never climbs directories', () => {
    expect(safeStem('cpu-bound processes')).toBe('cpu-bound-processes');
    expect(safeStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeStem('')).toBe('corescope');
    expect(safeStem('a\u0000b/c')).toBe('a-b-c');
    expect(safeStem('_draft')).toBe('draft');
    expect(safeStem('.hidden')).toBe('hidden');
    expect(safeStem('___')).toBe('corescope');
  });

  it('makes a stem the save request accepts, whatever the text', () => {
    const samples = [
      '_x',
      '__init__',
      '-dash',
      ' space',
      '.',
      '..',
      '\u202Eevil',
      'ü_ber',
      '😀run',
    ];
    // Plus pseudo-random strings over a nasty alphabet (a fixed seed: the same cases every run).
    const alphabet = '_-. /\\:aZ9\u0000\u202Eü😀';
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      let t = '';
      for (let j = 0; j < 12; j++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        t += [...alphabet][seed % [...alphabet].length] ?? '';
      }
      samples.push(t);
    }
    for (const text of samples) {
      for (const ext of ['.png', '.svg', '.trace.json', '.corescope.json']) {
        expect(accepted(`${safeStem(text)}${ext}`), JSON.stringify(text)).toBe(true);
      }
    }
  });
});
