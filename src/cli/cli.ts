// `npm run trace -- --scenario <id> --model <model> ... --out FILE.json`: runs one scenario on the
// real engine and writes it as a Chrome trace (Perfetto, chrome://tracing). Bundled to
// out/node/cli.cjs, beside the worker entries it starts. Bad flags print one line and write
// nothing; Ctrl-C cancels the run and waits for every worker to stop before exiting.
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { RunSummary } from '../shared/events';
import { RunStore } from '../shared/run-store';
import { toChromeTrace } from '../main/engine/chrome-trace';
import { parseCliArgs } from './cli-args';
import {
  EXIT_FAILED,
  EXIT_INTERRUPTED,
  EXIT_USAGE,
  cancelOnSignals,
  exitWhenDone,
  outPathError,
} from './cli-process';
import { writeTraceFile } from './cli-write';
import { defaultEntries, startRun } from '../main/engine/engine';
import { runPythonCli } from './python-cli';

function summaryLine(s: RunSummary, out: string): string {
  const failures =
    s.failures.length > 0 ? `; ${s.failures.length} failure(s): ${s.failures[0]?.reason}` : '';
  return (
    `${s.status}: wall ${s.wallMs.toFixed(1)} ms, cpu ${s.cpuMs.toFixed(1)} ms, ` +
    `${s.actors} actors, ${s.tasksDone}/${s.tasks} tasks, ${s.slices} slices → ${out}${failures}`
  );
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv, cpus().length, (p) => resolve(p));
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.error}\n`);
    return EXIT_USAGE;
  }
  const out = resolve(parsed.options.out);
  const outError = await outPathError(out);
  if (outError !== undefined) {
    process.stderr.write(`${outError}\n`);
    return EXIT_USAGE;
  }
  if (parsed.kind === 'python') return runPythonCli(parsed.options, out);
  const { params, json } = parsed.options;

  const controller = new AbortController();
  const signals = cancelOnSignals(controller, 'run');
  try {
    const run = startRun(params, { entries: defaultEntries(__dirname), signal: controller.signal });
    const store = new RunStore(run.meta);
    for await (const ev of run.events) store.apply(ev);
    const summary = await run.summary;
    await writeTraceFile(out, toChromeTrace(store, summary));
    if (json) process.stdout.write(`${JSON.stringify({ out, ...summary })}\n`);
    else process.stderr.write(`${summaryLine(summary, out)}\n`);
    if (signals.interrupts() > 0) return EXIT_INTERRUPTED;
    return summary.status === 'completed' ? 0 : EXIT_FAILED;
  } finally {
    signals.dispose();
  }
}

exitWhenDone(main(process.argv.slice(2)), 'run');
