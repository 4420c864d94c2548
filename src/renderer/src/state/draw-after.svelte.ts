// The "draw after the run" switches: a run that must be measured clean can skip live drawing
// (its window shows only a clock and progress, then draws in full at the end). Off by default
// for single runs, on for Compare and Sweep, whose figures are the point; the user's choice is
// remembered across visits like the theme.

const KEY = 'corescope.drawAfter';

export interface DrawAfterChoice {
  /** Single runs (the Run button). */
  readonly run: boolean;
  /** Each run of Compare and Sweep. */
  readonly lab: boolean;
}

export const DRAW_AFTER_DEFAULTS: DrawAfterChoice = { run: false, lab: true };

/** The stored choice; anything unreadable or malformed falls back to the defaults. */
export function parseDrawAfter(text: string | null): DrawAfterChoice {
  if (text === null) return DRAW_AFTER_DEFAULTS;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return DRAW_AFTER_DEFAULTS;
  }
  if (typeof v !== 'object' || v === null) return DRAW_AFTER_DEFAULTS;
  const run: unknown = Reflect.get(v, 'run');
  const lab: unknown = Reflect.get(v, 'lab');
  return {
    run: typeof run === 'boolean' ? run : DRAW_AFTER_DEFAULTS.run,
    lab: typeof lab === 'boolean' ? lab : DRAW_AFTER_DEFAULTS.lab,
  };
}

function stored(): DrawAfterChoice {
  try {
    return parseDrawAfter(localStorage.getItem(KEY));
  } catch {
    return DRAW_AFTER_DEFAULTS;
  }
}

export class DrawAfter {
  choice = $state.raw<DrawAfterChoice>(stored());

  get run(): boolean {
    return this.choice.run;
  }

  get lab(): boolean {
    return this.choice.lab;
  }

  set(part: keyof DrawAfterChoice, on: boolean): void {
    this.choice = { ...this.choice, [part]: on };
    try {
      localStorage.setItem(KEY, JSON.stringify(this.choice));
    } catch {
      // storage may be unavailable (private windows); the choice still applies now
    }
  }
}
