// File names from run titles stay plain.
import { describe, expect, it } from 'vitest';
import { safeStem } from './save-file';

describe('safeStem', () => {
  it('keeps names plain and never climbs directories', () => {
    expect(safeStem('cpu-bound processes')).toBe('cpu-bound-processes');
    expect(safeStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeStem('')).toBe('corescope');
    expect(safeStem('a\u0000b/c')).toBe('a-b-c');
  });
});
