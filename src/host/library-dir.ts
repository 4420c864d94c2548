// Where the browser host keeps its run library: --library DIR, else $XDG_DATA_HOME/corescope/runs
// (when that is an absolute path, as the XDG spec requires), else ~/.local/share/corescope/runs.
// The folder is created at start-up and must be a writable directory, or the host refuses to
// start with one line.
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

export function defaultLibraryDir(env: NodeJS.ProcessEnv, home: string): string {
  const xdg = env['XDG_DATA_HOME'];
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, 'corescope', 'runs');
}

export type LibraryDirResult =
  { readonly ok: true; readonly dir: string } | { readonly ok: false; readonly error: string };

/** Resolves, creates and checks the folder. */
export async function prepareLibraryDir(dir: string): Promise<LibraryDirResult> {
  const full = resolve(dir);
  try {
    await mkdir(full, { recursive: true });
    if (!(await stat(full)).isDirectory()) return { ok: false, error: `${full} is not a folder` };
    await access(full, constants.W_OK | constants.R_OK);
    return { ok: true, dir: full };
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'error';
    return { ok: false, error: `cannot use ${full} as the run library (${code})` };
  }
}
