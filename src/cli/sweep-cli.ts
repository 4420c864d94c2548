// `npm run sweep -- --scenario <id> --model <model> --workers 1,2,4 [--repeat K] --out sweep.json`:
// runs one scenario under one model at each worker count (K times, median wall) and writes the
// speedups against 1 worker, the ideal (min(workers, cores), 1× for a one-core model), Amdahl's fit or why it is not to trust and the machine.
// Bundled to out/node/sweep.cjs beside the worker entries. Bad flags print one line, exit 2 and
// write nothing; Ctrl-C cancels the current run and writes nothing.
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { ms, pct, times } from '../shared/figure-format';
import type { SweepResult } from '../shared/sweep';
import { fitSentence } from '../shared/sweep-verdict';
import { coresLimitError } from '../main/engine/affinity';
import { writeFileAtomic } from '../main/engine/atomic-write';
import {
  EXIT_FAILED,
  EXIT_INTERRUPTED,
  EXIT_USAGE,
  cancelOnSignals,
  exitWhenDone,
  outPathError,
} from './cli-process';
import { defaultEntries } from '../main/engine/engine';
import { machineInfo } from '../main/engine/machine';
import { parseSweepArgs } from './sweep-args';
import { runSweep } from './sweep-run';

function sweepTable(r: SweepResult): string {
  const lines = [
    `${r.scenario} · ${r.model} · ${r.cores} cores · median of ${r.repeat}`,
    'workers  median wall  speedup  ideal  preempted',
    ...r.points.map(
      (p) =>
        `${String(p.workers).padStart(7)}  ${ms(p.medianWallMs).padStart(11)}  ${times(p.speedup).padStart(7)}  ${String(p.ideal).padStart(5)}  ${pct(p.preemptedShare).padStart(9)}`,
    ),
    fitSentence(r),
  ];
  return `${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseSweepArgs(argv, cpus().length);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.error}\n`);
    return EXIT_USAGE;
  }
  const { params, workers, repeat, json } = parsed.options;
  const limitError = coresLimitError(params.cores);
  if (limitError !== undefined) {
    process.stderr.write(`error: --cores: ${limitError}\n`);
    return EXIT_USAGE;
  }
  const out = resolve(parsed.options.out);
  const outError = await outPathError(out);
  if (outError !== undefined) {
    process.stderr.write(`${outError}\n`);
    return EXIT_USAGE;
  }
  const controller = new AbortController();
  const signals = cancelOnSignals(controller, 'sweep');
  try {
    const outcome = await runSweep(params, workers, repeat, {
      entries: defaultEntries(__dirname),
      machine: machineInfo(),
      signal: controller.signal,
      onRun: (w, r, wallMs) =>
        json
          ? undefined
          : process.stderr.write(`  ${w} workers, run ${r}/${repeat}: ${ms(wallMs)}\n`),
    });
    if (signals.interrupts() > 0) return EXIT_INTERRUPTED;
    if (!outcome.ok) {
      process.stderr.write(`error: ${outcome.error}\n`);
      return EXIT_FAILED;
    }
    const doc = {
      app: 'CoreScope',
      kind: 'sweep',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      ...outcome.result,
    };
    await writeFileAtomic(out, `${JSON.stringify(doc, null, 2)}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ out, ...doc })}\n`);
    else process.stderr.write(`${sweepTable(outcome.result)}→ ${out}\n`);
    return 0;
  } finally {
    signals.dispose();
  }
}

exitWhenDone(main(process.argv.slice(2)), 'sweep');
