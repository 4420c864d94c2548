// What the window is doing, as one value, and what each control may do meanwhile. Every button,
// key and form field asks `permits(activity)` instead of spelling out "is anything busy?" itself.
//
// - idle: nothing running; everything is allowed.
// - run, compare, sweep: real runs are using the cores. Only one of them at a time (two would
//   compete for the cores and skew each other's timings), and nothing that changes what they run
//   (the form, the cores limit) or what the main chart shows (opening a file, replay) may start.
//   Saving and themes stay available.
// - replay: a finished run is being replayed. Nothing is running, so everything is allowed;
//   starting a run or opening a file leaves the replay.

export type Activity = 'idle' | 'run' | 'compare' | 'sweep' | 'replay';

export const ACTIVITIES: readonly Activity[] = ['idle', 'run', 'compare', 'sweep', 'replay'];

/** What the window's parts report; `activityOf` turns it into the one activity. */
export interface ActivitySources {
  readonly running: boolean;
  readonly comparing: boolean;
  readonly sweeping: boolean;
  readonly replaying: boolean;
}

export function activityOf(s: ActivitySources): Activity {
  // Runs outrank replay: a run started from a replay stops the replay, but for the frame in
  // between the run is what matters.
  if (s.running) return 'run';
  if (s.comparing) return 'compare';
  if (s.sweeping) return 'sweep';
  if (s.replaying) return 'replay';
  return 'idle';
}

export interface Permits {
  /** Start a run (the Run button, Space, the presentation button). */
  readonly run: boolean;
  readonly compare: boolean;
  readonly sweep: boolean;
  /** Change the run form, the model keys 1–5 and the cores limit. */
  readonly editForm: boolean;
  /** Open a file, drop one, or open a library entry. */
  readonly open: boolean;
  /** Start a replay of the finished run on screen. */
  readonly replay: boolean;
  /** Save PNG, SVG, trace or run file. */
  readonly save: boolean;
}

const FREE: Permits = {
  run: true,
  compare: true,
  sweep: true,
  editForm: true,
  open: true,
  replay: true,
  save: true,
};

const BUSY: Permits = {
  run: false,
  compare: false,
  sweep: false,
  editForm: false,
  open: false,
  replay: false,
  save: true,
};

export function permits(activity: Activity): Permits {
  switch (activity) {
    case 'idle':
    case 'replay':
      return FREE;
    case 'run':
    case 'compare':
    case 'sweep':
      return BUSY;
  }
}

/** What the window's one Run/Cancel action (Space, the presentation button) does now. */
export type PrimaryAction = 'run' | 'cancel-run' | 'cancel-compare' | 'cancel-sweep';

export function primaryAction(activity: Activity): PrimaryAction {
  switch (activity) {
    case 'idle':
    case 'replay':
      return 'run';
    case 'run':
      return 'cancel-run';
    case 'compare':
      return 'cancel-compare';
    case 'sweep':
      return 'cancel-sweep';
  }
}
