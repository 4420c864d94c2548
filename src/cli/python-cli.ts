// The trace CLI's Python run: checks the script and interpreter (a bad one is a bad flag: one
// line, exit 2, nothing written), runs it, writes the trace. Ctrl-C cancels the run and kills the
// script's whole process group before exiting.
import type { RunSummary } from '../shared/events';
import { RunStore } from '../shared/run-store';
import { toChromeTrace } from '../main/engine/chrome-trace';
import { preparePython, startPythonRun } from '../main/engine/python/python-run';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, cancelOnSignals } from './cli-process';
import { writeTraceFile } from './cli-write';
import type { PythonCliOptions } from './python-args';

function summaryLine(s: RunSummary, out: string): string {
  const failures =
    s.failures.length > 0 ? `; ${s.failures.length} failure(s): ${s.failures[0]?.reason}` : '';
  return (
    `${s.status}: wall ${s.wallMs.toFixed(1)} ms, cpu ${s.cpuMs.toFixed(1)} ms, ` +
    `${s.actors} threads/processes, ${s.tasksDone}/${s.tasks} tasks, ${s.slices} slices → ${out}${failures}`
  );
}

export async function runPythonCli(options: PythonCliOptions, out: string): Promise<number> {
  const prepared = preparePython(options.params, options.python);
  if (!prepared.ok) {
    process.stderr.write(`error: ${prepared.error}\n`);
    return EXIT_USAGE;
  }
  const controller = new AbortController();
  const signals = cancelOnSignals(controller, 'run');
  try {
    const run = startPythonRun(prepared.run, { signal: controller.signal });
    const store = new RunStore(run.meta);
    for await (const ev of run.events) store.apply(ev);
    const summary = await run.summary;
    await writeTraceFile(out, toChromeTrace(store, summary));
    if (options.json) process.stdout.write(`${JSON.stringify({ out, ...summary })}\n`);
    else process.stderr.write(`${summaryLine(summary, out)}\n`);
    if (signals.interrupts() > 0) return EXIT_INTERRUPTED;
    return summary.status === 'completed' ? 0 : EXIT_FAILED;
  } finally {
    signals.dispose();
  }
}
