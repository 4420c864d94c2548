// `npm run trace -- --scenario <id> --model <model> ... --out FILE.json`: runs one scenario on the
// real engine and writes it as a Chrome trace (Perfetto, chrome://tracing). Bundled to
// out/node/cli.cjs, beside the worker entries it starts. Bad flags print one line and write
// nothing; Ctrl-C cancels the run and waits for every worker to stop before exiting.
import { cpus } from 'node:os';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { RunSummary } from '../../shared/events';
import { RunStore } from '../../shared/run-store';
import { toChromeTrace } from './chrome-trace';
import { parseCliArgs } from './cli-args';
import { writeTraceFile } from './cli-write';
import { defaultEntries, startRun } from './engine';

/** Exit codes: 0 run completed, 1 run failed or was cancelled, 2 bad usage, 130 interrupted. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function summaryLine(s: RunSummary, out: string): string {
  const failures =
    s.failures.length > 0 ? `; ${s.failures.length} failure(s): ${s.failures[0]?.reason}` : '';
  return (
    `${s.status}: wall ${s.wallMs.toFixed(1)} ms, cpu ${s.cpuMs.toFixed(1)} ms, ` +
    `${s.actors} actors, ${s.tasksDone}/${s.tasks} tasks, ${s.slices} slices → ${out}${failures}`
  );
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv, cpus().length);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.error}\n`);
    return EXIT_USAGE;
  }
  const { params, json } = parsed.options;
  const out = resolve(parsed.options.out);
  if (!(await isDirectory(dirname(out)))) {
    process.stderr.write(`error: --out directory ${dirname(out)} does not exist\n`);
    return EXIT_USAGE;
  }
  if (await isDirectory(out)) {
    process.stderr.write(`error: --out ${out} is a directory; name a file\n`);
    return EXIT_USAGE;
  }

  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write('cancelling the run (Ctrl-C again to exit at once)…\n');
      controller.abort();
    } else {
      process.exit(EXIT_INTERRUPTED);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const run = startRun(params, { entries: defaultEntries(__dirname), signal: controller.signal });
    const store = new RunStore(run.meta);
    for await (const ev of run.events) store.apply(ev);
    const summary = await run.summary;
    await writeTraceFile(out, toChromeTrace(store, summary));
    if (json) process.stdout.write(`${JSON.stringify({ out, ...summary })}\n`);
    else process.stderr.write(`${summaryLine(summary, out)}\n`);
    if (interrupts > 0) return EXIT_INTERRUPTED;
    return summary.status === 'completed' ? 0 : EXIT_FAILED;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Everything of the run has stopped by now; if some handle still keeps Node alive, say so
    // rather than hang the shell.
    setTimeout(() => {
      process.stderr.write('warning: something kept the process alive after the run; exiting\n');
      process.exit(code);
    }, 2000).unref();
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);
