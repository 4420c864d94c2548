// The library panel's formatting of sizes and dates.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatSavedAt } from './library-format';

describe('library formatting', () => {
  it('prints sizes in B, KB and MB', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(14_541)).toBe('14.2 KB');
    expect(formatBytes(3.1 * 1024 * 1024)).toBe('3.1 MB');
  });

  it('prints a local date to the minute, and odd text as is', () => {
    const d = new Date(2026, 10, 5, 9, 7);
    expect(formatSavedAt(d.toISOString())).toBe('2026-11-05 09:07');
    expect(formatSavedAt('yesterday')).toBe('yesterday');
  });
});
