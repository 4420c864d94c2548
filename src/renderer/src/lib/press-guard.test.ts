import { describe, expect, it } from 'vitest';
import { PressGuard, REPEAT_WINDOW_MS } from './press-guard';

describe('PressGuard', () => {
  it('ignores a second press inside the window and accepts one after it', () => {
    let t = 1000;
    const guard = new PressGuard(() => t);
    expect(guard.accept()).toBe(true);
    t += 50;
    expect(guard.accept()).toBe(false);
    t += REPEAT_WINDOW_MS - 100;
    expect(guard.accept()).toBe(false);
    // the window counts from the accepted press, not from the ignored ones
    t = 1000 + REPEAT_WINDOW_MS;
    expect(guard.accept()).toBe(true);
  });

  it('accepts the very first press whatever the clock reads', () => {
    expect(new PressGuard(() => 0).accept()).toBe(true);
  });
});
