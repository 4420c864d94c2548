// One worker of a run, thread or child process, seen from the engine: start it, hand it units,
// hear its slices, and know for sure when it has stopped (and why).
import { fork, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../../shared/worker-protocol';
import { holdLifeline, withLifeline } from './lifeline';

export interface HandleListener {
  message(message: FromWorker): void;
  /** The worker stopped; `failure` says why when it was not asked to. */
  exit(failure: string | undefined): void;
}

export interface WorkerHandle {
  readonly kind: 'thread' | 'process';
  /** Real pid (the engine's own for a thread) known at spawn. */
  readonly pid: number;
  send(message: ToWorker): void;
  /** Asks it to finish its unit and exit. */
  stop(): void;
  /** Stops it now (terminate / SIGKILL); resolves once it is gone. */
  kill(): Promise<void>;
  readonly exited: Promise<void>;
}

export function startThread(entry: string, listener: HandleListener): WorkerHandle {
  const worker = new Worker(entry, { stdout: false, stderr: false });
  let stopping = false;
  let lastError: string | undefined;
  worker.on('message', (m: FromWorker) => listener.message(m));
  worker.on('error', (e) => {
    lastError = `worker thread threw: ${e.message}`;
  });
  const exited = new Promise<void>((resolve) => {
    worker.on('exit', (code) => {
      listener.exit(
        stopping && lastError === undefined
          ? undefined
          : (lastError ??
              (code === 0
                ? 'worker thread exited unexpectedly'
                : `worker thread exited with code ${code}`)),
      );
      resolve();
    });
  });
  return {
    kind: 'thread',
    pid: process.pid,
    send: (m) => worker.postMessage(m),
    stop: () => {
      stopping = true;
      worker.postMessage({ kind: 'stop' } satisfies ToWorker);
    },
    kill: async () => {
      stopping = true;
      await worker.terminate();
      await exited;
    },
    exited,
  };
}

export function startProcess(entry: string, listener: HandleListener): WorkerHandle {
  // The lifeline ends the child when the engine dies without a word (SIGKILL), which the IPC
  // channel's 'disconnect' cannot: a busy kernel never lets the child's event loop see it.
  const spawn = withLifeline(
    ['ignore', 'inherit', 'pipe', 'ipc'],
    // Under Electron, process.execPath is the Electron binary: make the child plain Node.
    process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env,
  );
  const child: ChildProcess = fork(entry, [], {
    serialization: 'advanced',
    env: spawn.env,
    stdio: spawn.stdio,
    execArgv: [],
  });
  holdLifeline(child);
  let stopping = false;
  let stderrTail = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderrTail = (stderrTail + d.toString()).slice(-2000);
  });
  child.on('message', (m: FromWorker) => listener.message(m));
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const thrown = /Error: (.*)/.exec(stderrTail)?.[1];
      listener.exit(
        stopping && code === 0
          ? undefined
          : stopping && signal === 'SIGKILL'
            ? undefined
            : `child process ${why}${thrown ? `: ${thrown}` : ''}`,
      );
      resolve();
    });
    child.on('error', () => resolve());
  });
  return {
    kind: 'process',
    pid: child.pid ?? 0,
    send: (m) => {
      if (child.connected) child.send(m);
    },
    stop: () => {
      stopping = true;
      if (child.connected) child.send({ kind: 'stop' } satisfies ToWorker);
    },
    kill: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    exited,
  };
}
