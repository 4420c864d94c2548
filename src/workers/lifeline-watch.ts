// A child's half of the lifeline (see src/shared/lifeline.ts): a worker thread that waits for
// end-of-file on the inherited pipe and then kills this whole process. A watch on the main event
// loop would never run while a compute kernel holds it (a forked child that only listened for
// 'disconnect' kept computing for minutes after its parent was SIGKILLed); a worker thread has
// its own loop, and process.kill reaches every thread. The thread waits in libuv (no polling and
// no blocking read: a thread blocked in read(2) could not be joined, so process.exit would hang).
import { Worker } from 'node:worker_threads';
import { LIFELINE_ENV, lifelineFd } from '../shared/lifeline';

// Evaluated in the watch thread. Any end of the pipe (EOF, reset, an error) means the engine is
// gone: the process ends with SIGKILL, which no busy kernel can delay.
const WATCH = `
const { Socket } = require('node:net');
const { workerData } = require('node:worker_threads');
const die = () => process.kill(process.pid, 'SIGKILL');
const pipe = new Socket({ fd: workerData, readable: true, writable: false });
pipe.on('end', die);
pipe.on('close', die);
pipe.on('error', die);
pipe.resume();
require('node:worker_threads').parentPort.postMessage('armed');
`;

/**
 * Starts the watch when the environment names a lifeline. Resolves once it is armed (true), or at
 * once when there is no lifeline (false). A child should take no work before then: on a loaded
 * machine a worker thread can take a second to start, and a parent killed in that second would
 * otherwise leave the child computing until the watch came up.
 */
export function watchLifeline(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const fd = lifelineFd(env[LIFELINE_ENV]);
  if (fd === undefined) return Promise.resolve(false);
  const watcher = new Worker(WATCH, { eval: true, workerData: fd, stdout: false, stderr: false });
  // The watch must not keep a child alive that has finished on its own.
  watcher.unref();
  return new Promise((resolve, reject) => {
    watcher.once('message', () => resolve(true));
    watcher.once('error', reject);
    watcher.once('exit', (code) =>
      reject(new Error(`the lifeline watch exited with code ${code}`)),
    );
  });
}
