// Runs the real program of an npm script as a child and makes this launcher stand in for it as
// if it had exec'd it: signals are passed on once, the child's exit code (or signal) becomes
// ours, and when whatever started us goes away the child is stopped too. The last part matters
// because npm runs scripts through `sh -c`, and on SIGTERM npm signals only that shell, which
// dies without passing it on (measured with npm 11 and dash: the real program stayed at ppid 1).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** @type {Set<import('node:child_process').ChildProcess>} */
const live = new Set();
const FORWARDED = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
const startPpid = process.ppid;
let installed = false;

/**
 * Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses), or
 * undefined where there is no such process or no /proc.
 * @param {number | 'self'} pid
 * @returns {string[] | undefined}
 */
function procStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** @param {number} pid */
function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return '';
  }
}

/**
 * Whether a Ctrl-C typed in our terminal also reached the child: it shares our process group, so
 * when that group is the terminal's foreground group the child got the SIGINT itself, and a second
 * one would turn the CLIs' clean cancel into an immediate exit. On Windows a console Ctrl-C reaches
 * every process attached to the console.
 * @returns {boolean}
 */
function terminalSignalledChild() {
  if (process.platform === 'win32') return true;
  const stat = procStat('self');
  // Fields after the name: state, ppid, pgrp, session, tty_nr, tpgid.
  if (stat !== undefined) return stat[2] === stat[5];
  return process.stdin.isTTY === true;
}

/**
 * The processes whose end means ours: our parent and, under npm, each one up to npm itself (the
 * `sh -c` between survives a SIGKILL of npm), each with the parent it had when we started.
 * @returns {{ readonly pid: number, readonly ppid: number }[]}
 */
function watchedAncestors() {
  const chain = [];
  let pid = process.ppid;
  const underNpm = process.env['npm_lifecycle_event'] !== undefined;
  for (let depth = 0; depth < 3 && pid > 1; depth++) {
    const stat = procStat(pid);
    if (stat === undefined) break;
    chain.push({ pid, ppid: Number(stat[1]) });
    if (!underNpm || /(^|[/\\])npm/.test(commandLine(pid))) break;
    pid = Number(stat[1]);
  }
  return chain;
}

/** @param {readonly { readonly pid: number, readonly ppid: number }[]} chain */
function ancestorsAlive(chain) {
  if (chain.length === 0) {
    // No /proc (macOS, Windows): whether the parent we started with still exists.
    try {
      process.kill(startPpid, 0);
      return true;
    } catch {
      return false;
    }
  }
  return chain.every(({ pid, ppid }) => {
    const stat = procStat(pid);
    return stat !== undefined && stat[0] !== 'Z' && Number(stat[1]) === ppid;
  });
}

/** @param {NodeJS.Signals} signal */
function forward(signal) {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

function install() {
  if (installed) return;
  installed = true;
  for (const signal of FORWARDED) {
    process.on(signal, () => {
      if (signal === 'SIGINT' && terminalSignalledChild()) return;
      forward(signal);
    });
  }
  // Polled, not event-driven: nothing tells a process its parent died. 250 ms is cheap (one
  // small /proc read) and short against how long a user waits for Ctrl-C to work.
  const chain = watchedAncestors();
  const watchdog = setInterval(() => {
    if (ancestorsAlive(chain)) return;
    clearInterval(watchdog);
    forward('SIGTERM');
  }, 250);
  watchdog.unref();
}

/**
 * @typedef {{ readonly code: number | null, readonly signal: NodeJS.Signals | null }} ChildExit
 * @typedef {{
 *   readonly env?: NodeJS.ProcessEnv,
 *   readonly stdout?: 'inherit' | 'pipe',
 *   readonly stderr?: 'inherit' | 'pipe',
 *   readonly onStdout?: (text: string) => void,
 *   readonly onStderr?: (text: string) => void,
 * }} ChildOptions
 */

/**
 * Runs `command args` with our stdin; resolves when it has exited.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {ChildOptions} [options]
 * @returns {Promise<ChildExit>}
 */
export function runChild(command, args, options = {}) {
  install();
  const child = spawn(command, [...args], {
    stdio: ['inherit', options.stdout ?? 'inherit', options.stderr ?? 'inherit'],
    env: options.env ?? process.env,
  });
  live.add(child);
  const { onStdout, onStderr } = options;
  if (onStdout !== undefined) child.stdout?.on('data', (c) => onStdout(String(c)));
  if (onStderr !== undefined) child.stderr?.on('data', (c) => onStderr(String(c)));
  return new Promise((resolve) => {
    child.once('error', (err) => {
      live.delete(child);
      process.stderr.write(`cannot start ${command}: ${err.message}\n`);
      resolve({ code: 127, signal: null });
    });
    child.once('close', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
}

/**
 * Ends this launcher the way the child ended: its exit code, or the same signal (so a shell sees
 * 130 for Ctrl-C, as if it had run the program itself). Await it: it never resolves.
 * @param {ChildExit} exit
 * @returns {Promise<never>}
 */
export function exitAs(exit) {
  if (exit.signal === null) process.exit(exit.code ?? 1);
  for (const signal of FORWARDED) process.removeAllListeners(signal);
  const signal = exit.signal;
  return new Promise(() => {
    process.kill(process.pid, signal);
    // A signal sent to oneself can arrive a moment after kill() returns; until then stay alive.
    setTimeout(() => process.exit(1), 1000);
  });
}

/** Runs a Node script with this Node. Same options as runChild. */
export function runNode(
  /** @type {string} */ script,
  /** @type {readonly string[]} */ args,
  /** @type {ChildOptions} */ options = {},
) {
  return runChild(process.execPath, [script, ...args], options);
}
