// The sweep's claims: the ideal per model, and the sentence under the plot, from figures: a
// quiet sweep states its serial fraction; a busy one (others, or CoreScope, took the cores)
// says the fit is not to be trusted and why; a one-core model says there is nothing to fit.
import { describe, expect, it } from 'vitest';
import { parseRunParams } from './scenarios';
import { summariseSweep } from './sweep';
import { fitDrawing, fitSentence, idealSpeedup, sweepLoad, type PointLoad } from './sweep-verdict';
import { TEST_MACHINE as MACHINE } from './test-figures';

const fit = { serialFraction: 1, rmse: 0.02 };
const quietPoints: PointLoad[] = [
  { workers: 1, preemptedShare: 0, otherCores: 0.02, ownCores: 0.05 },
  { workers: 2, preemptedShare: 0.01, otherCores: 0.03, ownCores: 0.06 },
  // Past the core count the workers preempt one another: that is the plateau, not load.
  { workers: 4, preemptedShare: 0.5, otherCores: 0.02, ownCores: 0.05 },
];

describe('sweep verdict', () => {
  it('puts the ideal at min(workers, cores) only where workers compute at once', () => {
    expect([1, 2, 4].map((w) => idealSpeedup('threads', w, 2))).toEqual([1, 2, 2]);
    expect([1, 2, 4].map((w) => idealSpeedup('processes', w, 2))).toEqual([1, 2, 2]);
    for (const model of ['sequential', 'async', 'gil-threads'] as const)
      expect([1, 2, 4].map((w) => idealSpeedup(model, w, 2))).toEqual([1, 1, 1]);
  });

  it('states the serial fraction of a quiet sweep', () => {
    const load = sweepLoad(quietPoints, 2, 'processes');
    expect(load.kind).toBe('quiet');
    expect(
      fitSentence({ model: 'processes', cores: 2, fit: { ...fit, serialFraction: 0.1 }, load }),
    ).toBe(
      'Amdahl fit: serial fraction 0.100 (rms error 0.020×): at most 10.00× however many cores.',
    );
  });

  it('says a fit under other programs’ load is not to be trusted, and why', () => {
    const points: PointLoad[] = [
      { workers: 1, preemptedShare: 0.02, otherCores: 0.1, ownCores: 0.05 },
      { workers: 2, preemptedShare: 0.45, otherCores: 0.9, ownCores: 0.05 },
    ];
    const load = sweepLoad(points, 2, 'processes');
    expect(load).toMatchObject({ kind: 'busy', workers: [2], who: 'others' });
    const text = fitSentence({ model: 'processes', cores: 2, fit, load });
    expect(text).toMatch(
      /^No trustworthy Amdahl fit: the machine was busy during the runs with 2 workers/,
    );
    expect(text).toContain('other programs used 0.90');
    expect(text).toContain('45 %');
    expect(text).toContain('sweep again on a quiet machine');
    // The serial fraction is not stated as a fact.
    expect(text).not.toMatch(/^Amdahl fit: serial fraction/);
    expect(text).not.toContain('at most');
  });

  it('names CoreScope itself when its own engine and drawing took the cores', () => {
    const points: PointLoad[] = [
      { workers: 1, preemptedShare: 0, otherCores: 0.05, ownCores: 0.6 },
      { workers: 2, preemptedShare: 0.3, otherCores: 0.05, ownCores: 0.7 },
    ];
    const load = sweepLoad(points, 2, 'threads');
    expect(load).toMatchObject({ kind: 'busy', who: 'corescope', workers: [1, 2] });
    expect(fitSentence({ model: 'threads', cores: 2, fit, load })).toContain(
      'CoreScope itself (its engine and drawing) used 0.70',
    );
  });

  it('counts preemption with a core each to spare as load even without OS figures', () => {
    const load = sweepLoad([{ workers: 2, preemptedShare: 0.2 }], 2, 'processes');
    expect(load).toMatchObject({ kind: 'busy', who: 'unknown' });
    expect(fitSentence({ model: 'processes', cores: 2, fit, load })).toContain(
      'other programs, or CoreScope itself',
    );
  });

  it('has no fit for a one-core model, and says the ideal is 1×', () => {
    const parsed = parseRunParams({ scenario: 'cpu-bound', model: 'async' }, 2);
    if (!parsed.ok) throw new Error(parsed.error);
    const r = summariseSweep(parsed.params, MACHINE, 1, [
      { workers: 1, wallsMs: [1000], preemptedShares: [0] },
      { workers: 2, wallsMs: [1010], preemptedShares: [0] },
      { workers: 4, wallsMs: [1005], preemptedShares: [0] },
    ]);
    expect(r.points.map((p) => p.ideal)).toEqual([1, 1, 1]);
    expect(r.fit).toBeNull();
    expect(fitSentence(r)).toBe(
      'No Amdahl fit: async runs every task on one event loop thread, so more workers cannot put more cores to work; the ideal is 1× at every worker count.',
    );
  });

  it('carries each point’s load into the summary', () => {
    const parsed = parseRunParams({ scenario: 'cpu-bound', model: 'processes' }, 2);
    if (!parsed.ok) throw new Error(parsed.error);
    const r = summariseSweep(parsed.params, MACHINE, 1, [
      {
        workers: 1,
        wallsMs: [1000],
        preemptedShares: [0],
        loads: [{ otherCores: 0, ownCores: 0.05 }],
      },
      {
        workers: 2,
        wallsMs: [1000],
        preemptedShares: [0.5],
        loads: [{ otherCores: 1, ownCores: 0.05 }],
      },
    ]);
    expect(r.points[1]?.otherCores).toBe(1);
    expect(r.load).toMatchObject({ kind: 'busy', workers: [2], who: 'others' });
    expect(fitSentence(r)).toMatch(/^No trustworthy Amdahl fit/);
  });
});

describe('fitDrawing', () => {
  const busy = sweepLoad(
    [
      { workers: 1, preemptedShare: 0.02, otherCores: 0.1, ownCores: 0.05 },
      { workers: 2, preemptedShare: 0.45, otherCores: 0.9, ownCores: 0.05 },
    ],
    2,
    'processes',
  );
  const quiet = sweepLoad(quietPoints, 2, 'processes');

  it('draws the fit as trusted only where the sentence states it', () => {
    const input = { model: 'processes', cores: 2, fit, load: quiet } as const;
    expect(fitDrawing(input)).toBe('trusted');
    expect(fitSentence(input)).toMatch(/^Amdahl fit: serial fraction/);
  });

  it('marks it untrusted where the sentence says the machine was busy', () => {
    const input = { model: 'processes', cores: 2, fit, load: busy } as const;
    expect(fitDrawing(input)).toBe('untrusted');
    expect(fitSentence(input)).toMatch(/^No trustworthy Amdahl fit/);
  });

  it('draws nothing with no fit, or for a one-core model', () => {
    expect(fitDrawing({ model: 'threads', cores: 2, fit: null, load: quiet })).toBe('none');
    expect(fitDrawing({ model: 'threads', cores: 2, fit: null, load: busy })).toBe('none');
    expect(fitDrawing({ model: 'gil-threads', cores: 2, fit, load: quiet })).toBe('none');
  });
});
