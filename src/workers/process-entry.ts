// Entry of a child process (the processes model, like one multiprocessing.Pool worker). It can
// never outlive the engine that forked it: it exits when its IPC channel closes (an orderly end),
// and its lifeline watch kills it when the engine dies without closing anything (SIGKILL).
import type { ToWorker } from '../shared/worker-protocol';
import { watchLifeline } from './lifeline-watch';
import { serveWorker } from './serve';

if (!process.send) throw new Error('process-entry must be forked with an IPC channel');
process.on('disconnect', () => process.exit(0));
// Messages wait (in order) until the watch is armed, so no work starts unguarded. A watch that
// cannot start is a crash: the engine records it and the run goes on without this child.
const armed = watchLifeline();
armed.catch((e: unknown) => {
  throw e;
});

serveWorker({
  send: (message) => {
    process.send?.(message);
  },
  onMessage: (listener) =>
    process.on('message', (m: ToWorker) => {
      void armed.then(() => listener(m));
    }),
  exit: (code) => process.exit(code),
});
