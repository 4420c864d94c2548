// The states a slice can be in, in the order of the state palette (docs/design.md, which also
// says what each state means). The numeric code of a
// state is its index here; columnar slice buffers store that code.
export const STATES = [
  'running',
  'preempted',
  'io-wait',
  'sleeping',
  'blocked',
  'gil-wait',
  'spawning',
] as const;

export type SliceState = (typeof STATES)[number];

export const STATE_CODE: Readonly<Record<SliceState, number>> = {
  running: 0,
  preempted: 1,
  'io-wait': 2,
  sleeping: 3,
  blocked: 4,
  'gil-wait': 5,
  spawning: 6,
};

export function stateFromCode(code: number): SliceState {
  const s = STATES[code];
  if (s === undefined) throw new RangeError(`unknown state code ${code}`);
  return s;
}

export function isSliceState(value: string): value is SliceState {
  return (STATES as readonly string[]).includes(value);
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
