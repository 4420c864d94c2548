// The key map: every documented key maps to its action; form fields keep their keys.
import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: 'BODY',
  replaying: false,
  ...over,
});

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(press(' '))).toEqual({ kind: 'run-or-cancel' });
    expect(shortcutFor(press('1'))).toEqual({ kind: 'model', index: 0 });
    expect(shortcutFor(press('5'))).toEqual({ kind: 'model', index: 4 });
    expect(shortcutFor(press('C'))).toEqual({ kind: 'compare' });
    expect(shortcutFor(press('s'))).toEqual({ kind: 'snapshot' });
    expect(shortcutFor(press('p'))).toEqual({ kind: 'presentation' });
    expect(shortcutFor(press('t'))).toEqual({ kind: 'theme' });
    expect(shortcutFor(press('r'))).toEqual({ kind: 'replay' });
    expect(shortcutFor(press('?'))).toEqual({ kind: 'help' });
    expect(shortcutFor(press('Escape'))).toEqual({ kind: 'escape' });
  });

  it('steps with the arrows only during a replay', () => {
    expect(shortcutFor(press('ArrowRight'))).toBeUndefined();
    expect(shortcutFor(press('ArrowRight', { replaying: true }))).toEqual({
      kind: 'step',
      direction: 1,
      coarse: false,
    });
    expect(shortcutFor(press('ArrowLeft', { replaying: true }))).toEqual({
      kind: 'step',
      direction: -1,
      coarse: false,
    });
    expect(shortcutFor(press('ArrowRight', { replaying: true, shiftKey: true }))).toEqual({
      kind: 'step',
      direction: 1,
      coarse: true,
    });
  });

  it('leaves form fields, buttons (Space) and modified keys alone', () => {
    expect(shortcutFor(press('1', { targetTag: 'INPUT' }))).toBeUndefined();
    expect(shortcutFor(press('s', { targetTag: 'SELECT' }))).toBeUndefined();
    expect(shortcutFor(press(' ', { targetTag: 'BUTTON' }))).toBeUndefined();
    expect(shortcutFor(press('p', { targetTag: 'BUTTON' }))).toEqual({ kind: 'presentation' });
    expect(shortcutFor(press('s', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(press('Escape', { targetTag: 'INPUT' }))).toEqual({ kind: 'escape' });
  });
});
