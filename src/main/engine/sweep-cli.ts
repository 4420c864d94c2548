// `npm run sweep -- --scenario <id> --model <model> --workers 1,2,4 [--repeat K] --out sweep.json`:
// runs one scenario under one model at each worker count (K times, median wall) and writes the
// speedups against 1 worker, the ideal min(workers, cores), Amdahl's fit and the machine.
// Bundled to out/node/sweep.cjs beside the worker entries. Bad flags print one line, exit 2 and
// write nothing; Ctrl-C cancels the current run and writes nothing.
import { cpus } from 'node:os';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ms, pct, times } from '../../shared/figure-format';
import type { SweepResult } from '../../shared/sweep';
import { coresLimitError } from './affinity';
import { defaultEntries } from './engine';
import { machineInfo } from './machine';
import { parseSweepArgs } from './sweep-args';
import { runSweep } from './sweep-run';
import { writeJsonAtomic } from './sweep-write';

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

function sweepTable(r: SweepResult): string {
  const lines = [
    `${r.scenario} · ${r.model} · ${r.cores} cores · median of ${r.repeat}`,
    'workers  median wall  speedup  ideal  preempted',
    ...r.points.map(
      (p) =>
        `${String(p.workers).padStart(7)}  ${ms(p.medianWallMs).padStart(11)}  ${times(p.speedup).padStart(7)}  ${String(p.ideal).padStart(5)}  ${pct(p.preemptedShare).padStart(9)}`,
    ),
    r.fit === null
      ? 'Amdahl fit: none (no point ran on more than one core)'
      : `Amdahl fit: serial fraction ${r.fit.serialFraction.toFixed(3)} (rmse ${r.fit.rmse.toFixed(3)})`,
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
    if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
    process.stderr.write('cancelling the sweep (Ctrl-C again to exit at once)…\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
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
    if (interrupts > 0) return EXIT_INTERRUPTED;
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
    await writeJsonAtomic(out, doc);
    if (json) process.stdout.write(`${JSON.stringify({ out, ...doc })}\n`);
    else process.stderr.write(`${sweepTable(outcome.result)}→ ${out}\n`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => {
      process.stderr.write('warning: something kept the process alive after the sweep; exiting\n');
      process.exit(code);
    }, 2000).unref();
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);
