// Entry of a child process (the processes model, like one multiprocessing.Pool worker). It exits
// when its IPC channel closes, so it can never outlive the engine that forked it.
import type { ToWorker } from '../shared/worker-protocol';
import { serveWorker } from './serve';

if (!process.send) throw new Error('process-entry must be forked with an IPC channel');
process.on('disconnect', () => process.exit(0));

serveWorker({
  send: (message) => {
    process.send?.(message);
  },
  onMessage: (listener) => process.on('message', (m: ToWorker) => listener(m)),
  exit: (code) => process.exit(code),
});
