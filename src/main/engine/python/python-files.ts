// Where CoreScope's own Python files are: the runner and tracer (src/python, copied to
// out/node/python by the build) and the shipped examples (examples/python). Looked up relative
// to this module, which runs from source (tests), from out/node (CLI, browser host, bench) or
// from out/main (Electron).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

function firstWith(file: string, dirs: readonly string[]): string | undefined {
  return dirs.find((d) => existsSync(join(d, file)));
}

/** The folder holding corescope_runner.py, corescope_tracer.py and sitecustomize.py. */
export function runnerDir(): string | undefined {
  return firstWith('corescope_runner.py', [
    join(__dirname, 'python'),
    join(__dirname, '../node/python'),
    join(__dirname, '../../../python'),
    join(__dirname, '../../src/python'),
    join(process.cwd(), 'src/python'),
  ]);
}

/** The folder of the shipped example scripts. */
export function examplesDir(): string | undefined {
  return firstWith('cpu_threads.py', [
    join(__dirname, '../../examples/python'),
    join(__dirname, '../../../../examples/python'),
    join(process.cwd(), 'examples/python'),
  ]);
}
