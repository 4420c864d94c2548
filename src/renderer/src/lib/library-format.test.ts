// The library panel's formatting of sizes and dates.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatSavedAt, workloadParts } from './library-format';

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

  it('cuts a workload into what ran and its pool, which join to its label', () => {
    const model = workloadParts({ scenario: 'cpu-bound', model: 'threads', workers: 2 });
    expect(model).toEqual({
      label: 'cpu-bound · threads × 2',
      what: 'cpu-bound',
      pool: 'threads × 2',
    });
    const py = workloadParts({ scenario: 'cpu_threads.py', model: 'CPython 3.11.7', workers: 0 });
    expect(py).toEqual({
      label: 'cpu_threads.py · CPython 3.11.7',
      what: 'cpu_threads.py',
      pool: 'CPython 3.11.7',
    });
    for (const p of [model, py]) expect(`${p.what} · ${p.pool}`).toBe(p.label);
  });
});
