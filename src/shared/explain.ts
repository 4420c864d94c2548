// Plain-words explanations generated from a run's own figures, never canned per scenario. Each
// rule looks for its evidence and, only when the evidence is there, yields one sentence that
// quotes the figure it rests on (formatted exactly as the comparison table prints it).
import {
  ABOVE_CORES_MARGIN,
  aboveCores,
  overlappedWaits,
  speedupBound,
  type CompareRow,
} from './compare-table';
import { busyCores, cores as coresFmt, ms, pct, times } from './figure-format';
import type { Model } from './params';
import type { RunFigures } from './run-figures';

export interface Sentence {
  /** Which rule produced it (stable, for tests and keys). */
  readonly rule: string;
  readonly text: string;
  /** The figure the sentence rests on, as it appears in `text`. */
  readonly figure: string;
}

/** Shares below these are not worth a sentence. */
export const THRESHOLDS = {
  idleCore: 0.9,
  busyCore: 0.5,
  parallel: 1.3,
  gilWait: 0.1,
  preempted: 0.1,
  spawning: 0.05,
  blocked: 0.1,
  overlap: 1.5,
  sameSpeed: 0.15,
  /** CoreScope's own share of a core worth naming. */
  observer: 0.02,
} as const;

/** What CoreScope itself used, in cores, or undefined where it was not measured. */
function observerCores(f: RunFigures): number | undefined {
  const o = f.observer;
  if (o === undefined) return undefined;
  return (o.engineCores ?? 0) + (o.drawCores ?? 0);
}

/** "0.04 of a core": two decimals, the size CoreScope's own share usually has. */
const coreShare = (v: number): string => `${busyCores(v)} of a core`;

const ONE_THREAD: Readonly<Record<Model, string>> = {
  sequential: 'the main thread',
  async: 'the event loop',
  threads: 'one thread',
  'gil-threads': 'one thread',
  processes: 'one process',
};

/** "their" for several actors, "its" for one. */
function their(f: RunFigures): string {
  return f.actors === 1 ? 'its' : 'their';
}

function workerNoun(f: RunFigures): string {
  if (f.model === 'processes') return f.actors === 1 ? 'process' : 'processes';
  if (f.model === 'async') return 'event loop';
  return f.actors === 1 ? 'thread' : 'threads';
}

const say = (rule: string, figure: string, text: string): Sentence => ({ rule, figure, text });

/**
 * Blocked time split by what it means: a blocking sleep or call (the event loop, or a model's
 * blocking sleep) stops work that could run; threads waiting for one another (a Python run's lock,
 * queue or join) only show that the work is done elsewhere, so it is said but never the cause.
 */
function blockedShares(f: RunFigures): { readonly blocking: number; readonly waits: number } {
  const whole = f.wallMs * f.actors;
  const waits = whole > 0 ? Math.min(f.stateShare.blocked, f.threadWaitMs / whole) : 0;
  return { blocking: Math.max(0, f.stateShare.blocked - waits), waits };
}

/**
 * Why a run gained little or nothing, as the run's own explanation names it: the first cause with
 * evidence, in the order that decides the outcome (a blocking call stops the loop whatever else
 * happens; the GIL serialises threads; spawning is a fixed cost; one actor can use one core).
 * Compare's sentences use this so they never give a different cause than the run's own.
 */
export function mainCause(f: RunFigures): string | undefined {
  const share = f.stateShare;
  const { blocking } = blockedShares(f);
  if (blocking >= THRESHOLDS.blocked) {
    return f.model === 'async'
      ? `a blocking sleep held the event loop ${pct(blocking)} of the run`
      : `blocking sleeps held the ${workerNoun(f)} ${pct(blocking)} of ${their(f)} time`;
  }
  if (share['gil-wait'] >= THRESHOLDS.gilWait)
    return `its threads waited for the GIL ${pct(share['gil-wait'])} of the time`;
  if (share.spawning >= THRESHOLDS.spawning)
    return `starting the ${workerNoun(f)} cost ${pct(share.spawning)} of the run`;
  if (f.actors === 1) return `${ONE_THREAD[f.model]} ran every task`;
  return undefined;
}

export function explainRun(f: RunFigures): Sentence[] {
  const out: Sentence[] = [];
  const share = f.stateShare;
  if (f.wallMs <= 0) return out;

  if (f.actors === 1 && f.coresAvailable >= 2) {
    const busiest = Math.max(0, ...f.coreBusy);
    const idlest = f.coreBusy.length >= 2 ? Math.min(...f.coreBusy) : Number.NaN;
    const idleCore = f.coreBusy.indexOf(idlest);
    if (busiest >= THRESHOLDS.busyCore && 1 - idlest >= THRESHOLDS.idleCore) {
      const idle = pct(1 - idlest);
      out.push(
        say(
          'idle-core',
          idle,
          `CPU ${idleCore} stayed ${idle} idle: ${ONE_THREAD[f.model]} ran every task, so only one core could work.`,
        ),
      );
    } else if (f.parallelism >= 0.5 && f.parallelism < 1.1) {
      const c = coresFmt(f.parallelism);
      out.push(
        say(
          'one-core',
          c,
          `Only ${c} of ${f.coresAvailable} cores were busy on average (CPU time ÷ wall time): ${ONE_THREAD[f.model]} ran every task.`,
        ),
      );
    }
  }
  if (f.actors >= 2 && f.parallelism >= THRESHOLDS.parallel) {
    const c = coresFmt(f.parallelism);
    out.push(
      say(
        'parallel',
        c,
        `On average ${c} cores were busy (${ms(f.cpuMs)} of CPU time in a ${ms(f.wallMs)} run): the work ran in parallel.`,
      ),
    );
  }
  if (share['gil-wait'] >= THRESHOLDS.gilWait) {
    const p = pct(share['gil-wait']);
    out.push(
      say(
        'gil-wait',
        p,
        `The ${workerNoun(f)} spent ${p} of ${their(f)} time waiting for the GIL: only the thread holding it may compute.`,
      ),
    );
  }
  if (share.preempted >= THRESHOLDS.preempted) {
    const p = pct(share.preempted);
    const who =
      f.actors > f.coresAvailable
        ? `${f.actors} ${workerNoun(f)} on ${f.coresAvailable} ${f.coresAvailable === 1 ? 'core' : 'cores'}`
        : `The ${workerNoun(f)}`;
    // Never blame other programs for what CoreScope itself did: say what it used where known.
    const own = observerCores(f);
    const why =
      f.actors > f.coresAvailable
        ? 'ready to run, but every core was taken by another of them'
        : own === undefined
          ? 'ready to run, but the cores were busy with other work (other programs, or CoreScope itself)'
          : own >= THRESHOLDS.observer
            ? `ready to run, but the cores were busy with other work, CoreScope's own included (it used ${coreShare(own)})`
            : 'ready to run, but the cores were busy with other programs';
    out.push(say('preempted', p, `${who} spent ${p} of ${their(f)} time preempted: ${why}.`));
  }
  const own = observerCores(f);
  if (own !== undefined && own >= THRESHOLDS.observer) {
    const draw = f.observer?.drawCores;
    const engine = f.observer?.engineCores;
    // Say how the drawing was counted: the OS's count of the window's processes (Electron), or
    // the page's own script time (any host), which leaves painting out.
    const how =
      f.observer?.drawFromOs === true
        ? 'its window, as the OS counted it'
        : 'script time of its frames, painting not counted';
    const parts = [
      draw !== undefined ? `its drawing ${busyCores(draw)} (${how})` : undefined,
      engine !== undefined ? `its engine ${busyCores(engine)}` : undefined,
    ].filter((x): x is string => x !== undefined);
    const c = coreShare(own);
    out.push(
      say(
        'observer',
        c,
        `CoreScope itself used ${c} during this run (${parts.join('; ')}): the cost of watching it, taken from the cores it measured.`,
      ),
    );
  }
  if (share.spawning >= THRESHOLDS.spawning) {
    const p = pct(share.spawning);
    const each = ms(f.stateMs.spawning / f.actors);
    out.push(
      say(
        'spawning',
        p,
        `Starting the ${workerNoun(f)} cost ${p} of the run (${each} each, in a ${ms(f.wallMs)} run).`,
      ),
    );
  }
  const { blocking, waits } = blockedShares(f);
  if (blocking >= THRESHOLDS.blocked) {
    const p = pct(blocking);
    const text =
      f.model === 'async'
        ? `A blocking sleep held the event loop ${p} of the run: while it sleeps, no other task can run.`
        : `Blocking sleeps held the ${workerNoun(f)} ${p} of ${their(f)} time.`;
    out.push(say('blocked', p, text));
  }
  if (waits >= THRESHOLDS.blocked) {
    const p = pct(waits);
    out.push(
      say(
        'thread-waits',
        p,
        `The threads spent ${p} of their time blocked waiting for one another (a lock, a queue or a join): no core was used for it.`,
      ),
    );
  }
  if (f.taskWaitMs >= THRESHOLDS.overlap * f.wallMs && f.tasks >= 2) {
    const w = ms(f.taskWaitMs);
    const where = f.actors === 1 ? ` on ${ONE_THREAD[f.model]}` : '';
    out.push(
      say(
        'overlap',
        w,
        `The tasks waited ${w} in total within a ${ms(f.wallMs)} run: their waits overlapped${where} (concurrency, not parallelism).`,
      ),
    );
  }
  return out;
}

/** Sentences about a comparison: which model won, and which were no faster than sequential. */
export function explainComparison(rows: readonly CompareRow[]): Sentence[] {
  const out: Sentence[] = [];
  const seq = rows.find((r) => r.figures.model === 'sequential');
  const timed = rows.filter((r) => r.speedup !== undefined && r.figures.model !== 'sequential');
  if (seq === undefined || timed.length === 0) return out;
  // A speedup above the cores a run could use is not the model's doing: the machine was busy.
  const impossible = timed.filter(aboveCores);
  const first = impossible[0];
  // Above the cores but within what overlapping waits allows: async's honest gain on waiting work.
  const overlapped = timed.filter(overlappedWaits);
  const top = overlapped.reduce<CompareRow | undefined>(
    (a, b) => (a === undefined || (b.speedup ?? 0) > (a.speedup ?? 0) ? b : a),
    undefined,
  );
  if (top !== undefined) {
    const s = times(top.speedup ?? 0);
    const waiting = pct(1 - (top.computeShare ?? 0));
    const n = top.figures.coresUsed;
    out.push(
      say(
        'overlapped-waits',
        s,
        `${top.figures.label} reached ${s} on ${n} ${n === 1 ? 'core' : 'cores'} without more cores: sequential spent ${waiting} of its time waiting, and ${top.figures.label} overlapped those waits (concurrency, not parallelism).`,
      ),
    );
  }
  if (first !== undefined) {
    const s = times(first.speedup ?? 0);
    const busy = seq.figures.stateShare.preempted;
    const why =
      busy >= THRESHOLDS.preempted
        ? `sequential itself spent ${pct(busy)} of its time preempted by other programs`
        : 'the machine was busier during some runs than others';
    out.push(
      say(
        'noisy',
        s,
        `Timings are noisy here: ${first.figures.label} reached ${s} on ${first.figures.coresUsed} ${first.figures.coresUsed === 1 ? 'core' : 'cores'}, more than ${first.heldShare !== undefined && first.heldShare < 0.95 ? 'its cores allow even with every wait overlapped' : 'its cores allow'}, because ${why}. Run the comparison again on a quieter machine.`,
      ),
    );
  }
  // A run that can gain nothing on sequential (one actor held by its blocking waits, or one core
  // on compute work) is never "the fastest": its measured gain is the machine's noise.
  const canGain = (r: CompareRow): boolean => speedupBound(r) > ABOVE_CORES_MARGIN;
  const best = timed
    .filter(canGain)
    .reduce<CompareRow | undefined>(
      (a, b) => (a === undefined || (b.speedup ?? 0) > (a.speedup ?? 0) ? b : a),
      undefined,
    );
  if (best !== undefined && (best.speedup ?? 0) > 1 + THRESHOLDS.sameSpeed) {
    const s = times(best.speedup ?? 0);
    out.push(
      say(
        'fastest',
        s,
        `${best.figures.label} was the fastest: ${s} the speed of sequential (${ms(best.figures.wallMs)} vs ${ms(seq.figures.wallMs)}).`,
      ),
    );
  }
  for (const r of timed) {
    const sp = r.speedup ?? 0;
    const f = r.figures;
    const s = times(sp);
    const cause = mainCause(f);
    const reason = cause === undefined ? '' : `: ${cause}`;
    if (Math.abs(sp - 1) <= THRESHOLDS.sameSpeed) {
      out.push(
        say(
          `same-as-sequential:${f.label}`,
          s,
          `${f.label} took about as long as sequential (${ms(f.wallMs)}, ${s})${reason}.`,
        ),
      );
    } else if (sp > 1 && !canGain(r)) {
      out.push(
        say(
          `same-as-sequential:${f.label}`,
          s,
          `${f.label} took about as long as sequential can (${ms(f.wallMs)}, ${s}: more than it can gain, so timing noise)${reason}.`,
        ),
      );
    } else if (sp < 1 - THRESHOLDS.sameSpeed) {
      out.push(
        say(
          `slower:${f.label}`,
          s,
          `${f.label} was slower than sequential (${ms(f.wallMs)}, ${s})${reason}.`,
        ),
      );
    }
  }
  return out;
}
