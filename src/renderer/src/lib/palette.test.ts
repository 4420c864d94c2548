import { describe, expect, it } from 'vitest';
import { STATES } from '../../../shared/states';
import {
  ACTOR_COLOURS,
  LEGEND,
  STATE_KEYS,
  actorColour,
  actorKey,
  contrast,
  stateKey,
  stateStyle,
  styleForKey,
  textColourOn,
} from './palette';
import { patternMarks } from './patterns';

describe('state palette', () => {
  it('follows the palette table of docs/design.md', () => {
    expect(stateStyle(0)).toMatchObject({
      state: 'running',
      colour: '#0072B2',
      pattern: 'solid',
      height: 1,
    });
    expect(stateStyle(1)).toMatchObject({
      state: 'preempted',
      colour: '#F0E442',
      pattern: 'sparse-dots',
      height: 0.6,
    });
    expect(stateStyle(2)).toMatchObject({
      state: 'io-wait',
      colour: '#56B4E9',
      pattern: 'horizontal-lines',
      height: 0.4,
    });
    expect(stateStyle(3)).toMatchObject({
      state: 'sleeping',
      colour: '#CC79A7',
      pattern: 'vertical-lines',
      height: 0.4,
    });
    expect(stateStyle(4)).toMatchObject({
      state: 'blocked',
      colour: '#D55E00',
      pattern: 'cross-hatch',
      height: 0.6,
    });
    expect(stateStyle(5)).toMatchObject({
      state: 'gil-wait',
      colour: '#E69F00',
      pattern: 'stripes-45',
      height: 0.6,
    });
    expect(stateStyle(6)).toMatchObject({
      state: 'spawning',
      colour: '#000000',
      pattern: 'white-dots',
      height: 1,
    });
    expect(stateStyle(99).colour).toBe('#999999');
  });

  it('gives every state its own colour and pattern, and a legend entry', () => {
    const styles = STATES.map((_, i) => stateStyle(i));
    expect(new Set(styles.map((s) => s.colour)).size).toBe(STATES.length);
    expect(new Set(styles.map((s) => s.pattern)).size).toBe(STATES.length);
    expect(LEGEND.map((s) => s.state).sort()).toEqual([...STATES].sort());
  });

  it('draws pattern marks that contrast with the fill', () => {
    for (const s of LEGEND) {
      const marks = patternMarks(s.pattern);
      if (s.pattern === 'solid') expect(marks.dots.length + marks.lines.length).toBe(0);
      else {
        expect(marks.dots.length + marks.lines.length).toBeGreaterThan(0);
        expect(contrast(s.colour, s.ink)).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('style keys', () => {
  it('maps state codes and actors to disjoint keys', () => {
    expect(stateKey(0)).toBe(0);
    expect(stateKey(6)).toBe(6);
    expect(stateKey(-1)).toBe(STATE_KEYS - 1);
    expect(stateKey(42)).toBe(STATE_KEYS - 1);
    expect(actorKey(0)).toBe(STATE_KEYS);
    expect(actorKey(ACTOR_COLOURS.length)).toBe(STATE_KEYS);
    expect(styleForKey(actorKey(3)).colour).toBe(actorColour(3));
    expect(styleForKey(2).state).toBe('io-wait');
  });

  it('assigns neighbouring actors different colours', () => {
    for (let a = 0; a < 20; a++) expect(actorColour(a)).not.toBe(actorColour(a + 1));
  });

  it('keeps actor colours far from every state colour (CIE76 ΔE ≥ 25)', () => {
    for (const actor of ACTOR_COLOURS)
      for (const state of LEGEND)
        expect(deltaE(actor, state.colour), `${actor} vs ${state.state}`).toBeGreaterThanOrEqual(
          25,
        );
    for (const a of ACTOR_COLOURS)
      for (const b of ACTOR_COLOURS) if (a !== b) expect(deltaE(a, b)).toBeGreaterThanOrEqual(18);
  });

  it('picks readable text colours', () => {
    expect(textColourOn('#000000')).toBe('#FFFFFF');
    expect(textColourOn('#F0E442')).toBe('#1A1A1A');
    for (const c of ACTOR_COLOURS) expect(contrast(c, textColourOn(c))).toBeGreaterThanOrEqual(4.5);
  });
});

/** CIE76 colour difference of two #RRGGBB colours (sRGB, D65). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string): [number, number, number] => {
    const v = parseInt(hex.slice(1), 16);
    const lin = (c: number): number => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const r = lin((v >> 16) & 255);
    const g = lin((v >> 8) & 255);
    const bl = lin(v & 255);
    const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * bl);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
