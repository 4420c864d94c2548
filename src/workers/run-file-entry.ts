// The host's run-file reader, a worker thread: parses and checks big library saves and opens so
// the host's event loop keeps serving every other client meanwhile (a 49 MiB run held it 3 s
// per request when this ran on it). Bytes come in and go out as transferred buffers: nothing
// of the size of a run is copied between the threads.
import { parentPort } from 'node:worker_threads';
import { decodeRunFile, readSaveFrame } from '../shared/library-save';
import type { RunFileJob, RunFileResult } from '../shared/run-file-jobs';

const port = parentPort;
if (port === null) throw new Error('run-file-entry runs as a worker thread');

const decoder = new TextDecoder('utf-8');

function answer(job: RunFileJob): RunFileResult {
  const text = decoder.decode(job.bytes);
  switch (job.kind) {
    case 'save-frame':
      return { seq: job.seq, kind: 'save-frame', frame: readSaveFrame(text) };
    case 'decode':
      return { seq: job.seq, kind: 'decode', run: decodeRunFile(text) };
  }
}

port.on('message', (job: RunFileJob) => {
  const result = answer(job);
  const json =
    result.kind === 'save-frame'
      ? result.frame.kind === 'save'
        ? result.frame.json
        : undefined
      : result.run.ok
        ? result.run.json
        : undefined;
  port.postMessage(result, json === undefined ? [] : [json.buffer]);
});
