// Entry of a worker thread (threads, gil-threads, and the single worker of sequential/async).
import { parentPort } from 'node:worker_threads';
import type { ToWorker } from '../shared/worker-protocol';
import { serveWorker } from './serve';

const port = parentPort;
if (!port) throw new Error('thread-entry must run in a worker thread');

serveWorker({
  send: (message) => {
    if (message.kind === 'slices') port.postMessage(message, [message.data.buffer as ArrayBuffer]);
    else port.postMessage(message);
  },
  onMessage: (listener) => port.on('message', (m: ToWorker) => listener(m)),
  exit: (code) => process.exit(code),
});
