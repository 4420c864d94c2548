import { describe, expect, it } from 'vitest';
import { sweepProgressText } from './sweep-progress';

describe('sweep progress line', () => {
  it('names the run, its worker count and how far it has got', () => {
    expect(
      sweepProgressText({
        run: 2,
        planned: 4,
        workers: 2,
        repeat: 1,
        repeats: 1,
        elapsedUs: 1_234_000,
        tasksDone: 3,
        tasks: 8,
      }),
    ).toBe('Run 2 of 4: 2 workers · 1.23 s so far · 3 of 8 tasks done');
  });

  it('says which repeat, and one worker in the singular', () => {
    expect(sweepProgressText({ run: 5, planned: 6, workers: 1, repeat: 2, repeats: 2 })).toBe(
      'Run 5 of 6: 1 worker (repeat 2 of 2)',
    );
  });
});
