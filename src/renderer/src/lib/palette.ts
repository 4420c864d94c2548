// Colours, patterns and bar heights for slice states (the palette of docs/design.md), plus the actor
// colours used on per-core lanes. Pure data and functions: the canvas pattern tiles are built from
// these specs in patterns.ts, the legend and the chart read the same table.
import { STATES, type SliceState } from '../../../shared/states';

export type PatternKind =
  | 'solid'
  | 'sparse-dots'
  | 'stripes-45'
  | 'cross-hatch'
  | 'horizontal-lines'
  | 'vertical-lines'
  | 'white-dots';

export interface StateStyle {
  readonly state: SliceState | 'other';
  readonly label: string;
  readonly colour: string;
  /** Colour of the pattern's marks, chosen for contrast against `colour`. */
  readonly ink: string;
  readonly pattern: PatternKind;
  /** Fraction of the lane's bar area the bar fills, centred vertically. */
  readonly height: number;
}

export const OUTLINE = '#1A1A1A';

const STATE_STYLES: Readonly<Record<SliceState, StateStyle>> = {
  running: {
    state: 'running',
    label: 'running',
    colour: '#0072B2',
    ink: '#FFFFFF',
    pattern: 'solid',
    height: 1,
  },
  preempted: {
    state: 'preempted',
    label: 'preempted (ready, no free core)',
    colour: '#F0E442',
    ink: '#1A1A1A',
    pattern: 'sparse-dots',
    height: 0.6,
  },
  'gil-wait': {
    state: 'gil-wait',
    label: 'waiting for the GIL',
    colour: '#E69F00',
    ink: '#1A1A1A',
    pattern: 'stripes-45',
    height: 0.6,
  },
  blocked: {
    state: 'blocked',
    label: 'blocked (blocking call or wait)',
    colour: '#D55E00',
    ink: '#1A1A1A',
    pattern: 'cross-hatch',
    height: 0.6,
  },
  'io-wait': {
    state: 'io-wait',
    label: 'waiting on I/O',
    colour: '#56B4E9',
    ink: '#1A1A1A',
    pattern: 'horizontal-lines',
    height: 0.4,
  },
  sleeping: {
    state: 'sleeping',
    label: 'sleeping (awaiting)',
    colour: '#CC79A7',
    ink: '#1A1A1A',
    pattern: 'vertical-lines',
    height: 0.4,
  },
  spawning: {
    state: 'spawning',
    label: 'spawning',
    colour: '#000000',
    ink: '#FFFFFF',
    pattern: 'white-dots',
    height: 1,
  },
};

export const OTHER_STYLE: StateStyle = {
  state: 'other',
  label: 'other',
  colour: '#999999',
  ink: '#1A1A1A',
  pattern: 'solid',
  height: 0.6,
};

/** Style of a numeric state code as stored in slice columns; unknown codes get #999999. */
export function stateStyle(code: number): StateStyle {
  const s = STATES[code];
  return s === undefined ? OTHER_STYLE : STATE_STYLES[s];
}

/** Legend order: the palette table's order. */
export const LEGEND: readonly StateStyle[] = [
  STATE_STYLES.running,
  STATE_STYLES.preempted,
  STATE_STYLES['gil-wait'],
  STATE_STYLES.blocked,
  STATE_STYLES['io-wait'],
  STATE_STYLES.sleeping,
  STATE_STYLES.spawning,
];

/**
 * Actor colours for per-core lanes: a hue family the states do not use (greens, purples, browns,
 * a dark grey), so an actor on a core lane is never read as a state (an orange actor as "waiting
 * for the GIL", a blue one as "running"). Ordered so neighbours differ in lightness. Colour alone
 * cannot keep 7 states and 10 actors apart for colour-blind viewers, so actors are also named on
 * every segment wide enough (compact "T1", "P2") and in the lane key; states keep their patterns
 * and bar heights. Actors past the tenth reuse colours. See docs/design.md for the palette.
 */
export const ACTOR_COLOURS: readonly string[] = [
  '#009E73',
  '#6A3D9A',
  '#8DD3C7',
  '#5C3317',
  '#B2DF8A',
  '#8C6D31',
  '#3F007D',
  '#4D4D4D',
  '#1B4D3E',
  '#C7E9C0',
];

/** Style keys: 0..STATE_KEYS-1 are state codes (last one "other"), then one key per actor colour. */
export const STATE_KEYS = STATES.length + 1;
export const STYLE_KEY_COUNT = STATE_KEYS + ACTOR_COLOURS.length;

export function stateKey(code: number): number {
  return Number.isInteger(code) && code >= 0 && code < STATES.length ? code : STATES.length;
}

/** Stable colour slot for an actor: actor ids are small consecutive integers from the engine. */
export function actorColourIndex(actorId: number): number {
  const n = ACTOR_COLOURS.length;
  const i = Math.trunc(actorId);
  return ((i % n) + n) % n;
}

export function actorKey(actorId: number): number {
  return STATE_KEYS + actorColourIndex(actorId);
}

export function actorColour(actorId: number): string {
  return ACTOR_COLOURS[actorColourIndex(actorId)] ?? OTHER_STYLE.colour;
}

/** What a style key paints: a state style, or an actor's solid colour. */
export function styleForKey(key: number): StateStyle {
  if (key < STATE_KEYS) return stateStyle(key);
  const colour = ACTOR_COLOURS[key - STATE_KEYS] ?? OTHER_STYLE.colour;
  return {
    state: 'running',
    label: 'running',
    colour,
    ink: textColourOn(colour),
    pattern: 'solid',
    height: 1,
  };
}

/** WCAG relative luminance of a #RRGGBB colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (m === null || m[1] === undefined) return 0;
  const v = parseInt(m[1], 16);
  const ch = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (ch[0] ?? 0) + 0.7152 * (ch[1] ?? 0) + 0.0722 * (ch[2] ?? 0);
}

export function contrast(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Near-black or white, whichever reads better on `bg`. */
export function textColourOn(bg: string): string {
  return contrast(bg, '#1A1A1A') >= contrast(bg, '#FFFFFF') ? '#1A1A1A' : '#FFFFFF';
}
