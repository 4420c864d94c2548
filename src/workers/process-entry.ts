// Entry of a child process (the processes model, like one multiprocessing.Pool worker). It can
// never outlive the engine that forked it: it exits when its IPC channel closes (an orderly end),
// and its lifeline watch kills it when the engine dies without closing anything (SIGKILL).
import type { ToWorker } from '../shared/worker-protocol';
import { watchLifeline } from './lifeline-watch';
import { serveWorker } from './serve';

if (!process.send) throw new Error('process-entry must be forked with an IPC channel');
process.on('disconnect', () => process.exit(0));
watchLifeline();

serveWorker({
  send: (message) => {
    process.send?.(message);
  },
  onMessage: (listener) => process.on('message', (m: ToWorker) => listener(m)),
  exit: (code) => process.exit(code),
});
