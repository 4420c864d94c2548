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
  it('follows the PRODUCT.md table', () => {
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

  it('picks readable text colours', () => {
    expect(textColourOn('#000000')).toBe('#FFFFFF');
    expect(textColourOn('#F0E442')).toBe('#1A1A1A');
    for (const c of ACTOR_COLOURS) expect(contrast(c, textColourOn(c))).toBeGreaterThanOrEqual(4.5);
  });
});
