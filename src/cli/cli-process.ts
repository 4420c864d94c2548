// The process side the trace and sweep CLIs share: exit codes, checking --out before any work,
// Ctrl-C (first cancels, second exits at once), and exiting once main has finished.
import { checkWriteTarget } from '../main/engine/atomic-write';

/** Exit codes: 0 done, 1 run failed or was cancelled, 2 bad usage, 130 interrupted. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/**
 * One line saying why `out` (an absolute path) cannot be written, or undefined; checked before
 * any work runs. The rules (nothing or a regular file; never a device, FIFO, socket, folder or
 * symbolic link; a folder that accepts a new file) are the atomic writer's.
 */
export async function outPathError(out: string): Promise<string | undefined> {
  const target = await checkWriteTarget(out);
  return target.ok ? undefined : `error: --out: ${target.error}`;
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
