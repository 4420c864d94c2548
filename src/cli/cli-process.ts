// The process side the trace and sweep CLIs share: exit codes, checking --out before any work,
// Ctrl-C (first cancels, second exits at once), and exiting once main has finished.
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Exit codes: 0 done, 1 run failed or was cancelled, 2 bad usage, 130 interrupted. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** One line saying why `out` (an absolute path) cannot be written, or undefined. */
export async function outPathError(out: string): Promise<string | undefined> {
  if (!(await isDirectory(dirname(out)))) {
    return `error: --out directory ${dirname(out)} does not exist`;
  }
  if (await isDirectory(out)) return `error: --out ${out} is a directory; name a file`;
  return undefined;
}

export interface SignalGuard {
  /** How many SIGINT/SIGTERM arrived. */
  readonly interrupts: () => number;
  readonly dispose: () => void;
}

/** The first SIGINT/SIGTERM aborts `controller` (the run stops cleanly); a second exits now. */
export function cancelOnSignals(controller: AbortController, what: string): SignalGuard {
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
    process.stderr.write(`cancelling the ${what} (Ctrl-C again to exit at once)…\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    interrupts: () => interrupts,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Sets the exit code from `main`; if a handle still keeps Node alive 2 s later, says so and exits. */
export function exitWhenDone(main: Promise<number>, what: string): void {
  main.then(
    (code) => {
      process.exitCode = code;
      setTimeout(() => {
        process.stderr.write(
          `warning: something kept the process alive after the ${what}; exiting\n`,
        );
        process.exit(code);
      }, 2000).unref();
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
