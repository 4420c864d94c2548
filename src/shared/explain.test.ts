import { describe, expect, it } from 'vitest';
import { compareRows } from './compare-table';
import { explainComparison, explainRun, mainCause, type Sentence } from './explain';
import { figures } from './test-figures';

const rules = (s: readonly Sentence[]) => s.map((x) => x.rule);

function expectCited(sentences: readonly Sentence[]): void {
  for (const s of sentences) expect(s.text).toContain(s.figure);
}

describe('explainRun', () => {
  it('says one core stayed idle when one thread ran everything', () => {
    const s = explainRun(figures({ model: 'async', coreBusy: [0.99, 0.03] }));
    expect(rules(s)).toEqual(['idle-core']);
    expect(s[0]?.text).toBe(
      'CPU 1 stayed 97 % idle: the event loop ran every task, so only one core could work.',
    );
    expectCited(s);
  });

  it('falls back to CPU time ÷ wall when the thread migrated between cores', () => {
    const s = explainRun(figures({ model: 'sequential', coreBusy: [0.5, 0.5], parallelism: 1 }));
    expect(rules(s)).toEqual(['one-core']);
    expect(s[0]?.figure).toBe('1.0');
    expectCited(s);
  });

  it('reports parallel work, GIL waits, preemption and spawn cost only with evidence', () => {
    const gil = explainRun(
      figures({ model: 'gil-threads', actors: 2, parallelism: 1, share: { 'gil-wait': 0.48 } }),
    );
    expect(rules(gil)).toEqual(['gil-wait']);
    expect(gil[0]?.text).toContain('threads spent 48 % of their time waiting for the GIL');

    const over = explainRun(
      figures({
        model: 'threads',
        actors: 8,
        parallelism: 1.95,
        share: { preempted: 0.7 },
      }),
    );
    expect(rules(over)).toEqual(['parallel', 'preempted']);
    expect(over[1]?.text).toContain('8 threads on 2 cores spent 70 % of their time preempted');

    const spawn = explainRun(
      figures({
        model: 'processes',
        actors: 2,
        parallelism: 1.6,
        wallMs: 500,
        share: { spawning: 0.12 },
      }),
    );
    expect(rules(spawn)).toEqual(['parallel', 'spawning']);
    expect(spawn[1]?.text).toBe(
      'Starting the processes cost 12 % of the run (60.0 ms each, in a 500 ms run).',
    );
    [gil, over, spawn].forEach(expectCited);

    // The same runs without the evidence say nothing about it.
    expect(
      explainRun(figures({ model: 'gil-threads', actors: 2, share: { 'gil-wait': 0.05 } })),
    ).toEqual([]);
    expect(
      explainRun(figures({ model: 'processes', actors: 2, share: { spawning: 0.01 } })),
    ).toEqual([]);
  });

  it('explains a blocking sleep and overlapping waits', () => {
    const blocked = explainRun(
      figures({ model: 'async', parallelism: 0.01, share: { blocked: 0.95 } }),
    );
    expect(rules(blocked)).toEqual(['blocked']);
    expect(blocked[0]?.text).toContain('held the event loop 95 % of the run');
    const overlap = explainRun(
      figures({ model: 'async', parallelism: 0.01, wallMs: 210, taskWaitMs: 400, tasks: 2 }),
    );
    expect(rules(overlap)).toEqual(['overlap']);
    expect(overlap[0]?.text).toContain('waited 400 ms in total within a 210 ms run');
    [blocked, overlap].forEach(expectCited);
  });

  it('says threads waiting for one another, and never makes it the cause', () => {
    // A Python run of two computing threads joined by the main thread: the join is blocked time
    // on a thread, as long as the run; the GIL is what cost the gain.
    const f = figures({
      model: 'gil-threads',
      actors: 3,
      share: { 'gil-wait': 0.3, blocked: 1 / 3 },
      threadWaitMs: 1000,
    });
    const s = explainRun(f);
    expect(rules(s)).toEqual(['gil-wait', 'thread-waits']);
    expect(s[1]?.text).toContain('33 % of their time blocked waiting for one another');
    expect(mainCause(f)).toContain('waited for the GIL');
    expectCited(s);
    // Where the same blocked time is a blocking sleep, it is still the cause.
    const sleeps = figures({ model: 'threads', actors: 3, share: { blocked: 1 / 3 } });
    expect(mainCause(sleeps)).toContain('blocking sleeps held the threads 33 %');
  });

  it('says nothing about an empty run', () => {
    expect(explainRun(figures({ wallMs: 0 }))).toEqual([]);
  });
});

describe('explainComparison', () => {
  it('names the fastest model and those no faster than sequential', () => {
    const rows = compareRows([
      figures({ model: 'sequential', wallMs: 1000 }),
      figures({ model: 'async', wallMs: 1010 }),
      figures({ model: 'gil-threads', actors: 2, wallMs: 1020, share: { 'gil-wait': 0.45 } }),
      figures({ model: 'processes', actors: 2, wallMs: 520 }),
    ]);
    const s = explainComparison(rows);
    expect(rules(s)).toEqual([
      'fastest',
      'same-as-sequential:async',
      'same-as-sequential:gil-threads',
    ]);
    expect(s[0]?.text).toBe(
      'processes was the fastest: 1.92× the speed of sequential (520 ms vs 1.00 s).',
    );
    expect(s[1]?.text).toContain('the event loop ran every task');
    expect(s[2]?.text).toContain('waited for the GIL 45 % of the time');
    expectCited(s);
  });

  it('flags a speedup above the cores used as noise, not a gain', () => {
    const rows = compareRows([
      figures({ model: 'sequential', wallMs: 1000, share: { preempted: 0.24 } }),
      figures({ model: 'async', wallMs: 800 }),
    ]);
    const s = explainComparison(rows);
    // One event loop on compute work cannot beat sequential: it is not called the fastest.
    expect(rules(s)).toEqual(['noisy', 'same-as-sequential:async']);
    expect(s[0]?.text).toContain('async reached 1.25× on 1 core');
    expect(s[1]?.text).toContain('more than it can gain, so timing noise');
    expect(s[0]?.text).toContain('sequential itself spent 24 % of its time preempted');
    expectCited(s);
  });

  it('calls a gain on waiting work overlapped waits, not noise', () => {
    // fib-sleep non-blocking: sequential computes 1 % of its time and sleeps the rest.
    const rows = compareRows([
      figures({
        model: 'sequential',
        wallMs: 1830,
        cpuMs: 18,
        parallelism: 0.01,
        share: { sleeping: 0.99 },
      }),
      figures({ model: 'async', wallMs: 132.5, cpuMs: 15, parallelism: 0.11 }),
    ]);
    expect(rows[1]?.efficiency).toBeUndefined();
    const s = explainComparison(rows);
    expect(rules(s)).toEqual(['overlapped-waits', 'fastest']);
    expect(s[0]?.text).toBe(
      'async reached 13.81× on 1 core without more cores: sequential spent 99 % of its time waiting, and async overlapped those waits (concurrency, not parallelism).',
    );
    expect(s.map((x) => x.text).join(' ')).not.toContain('noisy');
    expectCited(s);
  });

  it('still flags a gain beyond what even overlapped waits allow', () => {
    // Half the work computes: at most 2× on one core, so 3× is noise.
    const rows = compareRows([
      figures({ model: 'sequential', wallMs: 1000, cpuMs: 500, share: { sleeping: 0.5 } }),
      figures({ model: 'async', wallMs: 333 }),
    ]);
    expect(rules(explainComparison(rows))).toEqual(['noisy', 'fastest']);
    expect(rows[1]?.efficiency).toBeCloseTo(1000 / 333);
  });

  it('names the same cause as the run itself: a blocking sleep, not the one event loop', () => {
    const asyncRun = figures({
      model: 'async',
      wallMs: 1840,
      cpuMs: 20,
      parallelism: 0.01,
      coreBusy: [0.99, 0.02],
      share: { blocked: 0.97 },
    });
    const rows = compareRows([
      figures({ model: 'sequential', wallMs: 1830, cpuMs: 18, share: { blocked: 0.97 } }),
      asyncRun,
    ]);
    const s = explainComparison(rows);
    expect(rules(s)).toEqual(['same-as-sequential:async']);
    expect(s[0]?.text).toContain('a blocking sleep held the event loop 97 % of the run');
    expect(s[0]?.text).not.toContain('ran every task');
    const own = explainRun(asyncRun).find((x) => x.rule === 'blocked');
    expect(own?.text).toContain('held the event loop 97 % of the run');
    expectCited(s);
  });

  it('on a loaded machine, a blocking async run that timed faster is noise, not overlap', () => {
    // Seen on a busy machine: sequential was preempted 14 % of its run, async timed 1.16× faster.
    // Async's own trace shows its one event loop blocked 95 % of the run: it overlapped nothing.
    const rows = compareRows([
      figures({
        model: 'sequential',
        wallMs: 1310,
        cpuMs: 50,
        share: { blocked: 0.82, preempted: 0.14, running: 0.04 },
      }),
      figures({ model: 'async', wallMs: 1130, cpuMs: 45, share: { blocked: 0.95 } }),
    ]);
    const s = explainComparison(rows);
    expect(rules(s)).toEqual(['noisy', 'same-as-sequential:async']);
    expect(s[1]?.text).toMatch(
      /^async took about as long as sequential can \(1\.13 s, 1\.16×.*\): a blocking sleep held the event loop 95 % of the run\.$/,
    );
    expect(s.map((x) => x.text).join(' ')).not.toContain('overlapped those waits');
    expectCited(s);
  });

  it('keeps CPU-bound work compute work on a loaded machine (preempted is not waiting)', () => {
    const rows = compareRows([
      figures({ model: 'sequential', wallMs: 3000, cpuMs: 1000, share: { preempted: 0.66 } }),
      figures({ model: 'processes', actors: 2, wallMs: 1600 }),
    ]);
    expect(rows[0]?.computeShare).toBe(1);
    expect(rows[1]?.efficiency).toBeCloseTo(3000 / 1600 / 2);
  });

  it('needs a sequential run to compare against', () => {
    expect(explainComparison(compareRows([figures({ model: 'threads', actors: 2 })]))).toEqual([]);
  });
});

describe('explainRun: the observer', () => {
  it("names CoreScope's own share and does not blame other programs for it", () => {
    const f = figures({
      model: 'processes',
      actors: 2,
      coresAvailable: 2,
      share: { preempted: 0.3 },
      observer: { drawCores: 0.04, engineCores: 0.02 },
    });
    const s = explainRun(f);
    const observer = s.find((x) => x.rule === 'observer');
    expect(observer?.text).toContain('CoreScope itself used 0.06 of a core during this run');
    expect(observer?.text).toContain('drawing 0.04');
    const pre = s.find((x) => x.rule === 'preempted');
    expect(pre?.text).toContain("CoreScope's own included (it used 0.06 of a core)");
    expect(pre?.text).not.toContain('busy with other programs');
  });

  it('says how the drawing was counted in each host', () => {
    const at = (observer: { drawCores: number; drawFromOs?: boolean }) =>
      explainRun(
        figures({ model: 'processes', actors: 2, observer: { ...observer, engineCores: 0.01 } }),
      ).find((x) => x.rule === 'observer')?.text;
    expect(at({ drawCores: 0.04, drawFromOs: true })).toContain(
      'its drawing 0.04 (its window, as the OS counted it)',
    );
    expect(at({ drawCores: 0.04 })).toContain(
      'its drawing 0.04 (script time of its frames, painting not counted)',
    );
  });

  it('blames other programs only when CoreScope measured itself as negligible', () => {
    const quiet = figures({
      model: 'processes',
      actors: 2,
      share: { preempted: 0.3 },
      observer: { drawCores: 0.005, engineCores: 0.004 },
    });
    expect(explainRun(quiet).map((x) => x.rule)).not.toContain('observer');
    expect(explainRun(quiet).find((x) => x.rule === 'preempted')?.text).toContain(
      'busy with other programs',
    );
    const unknown = figures({ model: 'processes', actors: 2, share: { preempted: 0.3 } });
    expect(explainRun(unknown).find((x) => x.rule === 'preempted')?.text).toContain(
      'other programs, or CoreScope itself',
    );
  });
});
