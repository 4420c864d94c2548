import { describe, expect, it } from 'vitest';
import { numberText, readNumberField } from './number-field';

const WORKERS = { label: 'Workers', integer: true };
const SCALE = { label: 'Scale', integer: false };

describe('readNumberField', () => {
  it('reads plain numbers, whole where the field needs it', () => {
    expect(readNumberField(WORKERS, ' 4 ')).toEqual({ ok: true, value: 4 });
    expect(readNumberField(SCALE, '0.05')).toEqual({ ok: true, value: 0.05 });
    expect(readNumberField(SCALE, '.5')).toEqual({ ok: true, value: 0.5 });
    // out of range is still a number: the engine's schema answers it with its own words
    expect(readNumberField(WORKERS, '0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses empty text, letters and fractions of whole-number fields, saying which field', () => {
    expect(readNumberField(WORKERS, '')).toEqual({
      ok: false,
      error: 'Workers is empty: type a number',
    });
    expect(readNumberField(WORKERS, 'four')).toEqual({
      ok: false,
      error: 'Workers must be a whole number (got "four")',
    });
    expect(readNumberField(WORKERS, '2.5')).toEqual({
      ok: false,
      error: 'Workers must be a whole number (got "2.5")',
    });
    expect(readNumberField(SCALE, '1e3').ok).toBe(false);
    expect(readNumberField(SCALE, 'Infinity').ok).toBe(false);
    expect(readNumberField(SCALE, '0x10').ok).toBe(false);
  });

  it('prints values back for the field', () => {
    expect(numberText(4)).toBe('4');
    expect(numberText(0.05)).toBe('0.05');
    expect(numberText(undefined)).toBe('');
  });
});
