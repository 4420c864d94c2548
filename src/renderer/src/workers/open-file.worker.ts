// The page's file-opening worker: reads a picked or dropped file, parses and validates it, and
// builds the run, off the page's thread. A 5 M-event trace parsed on the page froze the tab for
// minutes; here the page stays live, shows the progress posted below, and Cancel terminates the
// worker (and frees all it built) at once. The rules are the ones of shared/open-file.ts.
import { checkFileSize, openRunText } from '../../../shared/open-file';
import { packRun } from '../../../shared/packed-run';
import type { OpenReply, OpenRequest } from '../lib/open-protocol';

/** Posts at most one reading progress per this many bytes. */
const READ_STEP = 4 * 1024 * 1024;

function post(reply: OpenReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, { transfer });
}

async function readText(file: File): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let done = 0;
  let reported = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    done += chunk.value.byteLength;
    parts.push(decoder.decode(chunk.value, { stream: true }));
    if (done - reported >= READ_STEP) {
      reported = done;
      post({ kind: 'progress', phase: 'reading', done, total: file.size });
    }
  }
  parts.push(decoder.decode());
  post({ kind: 'progress', phase: 'parsing', done: 0, total: 0 });
  return parts.join('');
}

async function open(file: File): Promise<void> {
  const tooBig = checkFileSize(file.size, file.name);
  if (tooBig !== undefined) return post({ kind: 'refused', error: `Cannot open ${tooBig}` });
  let text: string;
  try {
    text = await readText(file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return post({ kind: 'refused', error: `Cannot read ${file.name}: ${why}` });
  }
  const result = openRunText(text, file.name, (done, total) =>
    post({ kind: 'progress', phase: 'building', done, total }),
  );
  if (!result.ok) return post({ kind: 'refused', error: result.error });
  const run = packRun(result.run);
  post({ kind: 'opened', run }, [run.slices.buffer]);
}

self.addEventListener('message', (event: MessageEvent<OpenRequest>) => {
  const file: unknown = event.data.file;
  if (file instanceof File)
    open(file).catch((e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      post({ kind: 'refused', error: `Cannot open ${file.name}: ${why}` });
    });
  else post({ kind: 'refused', error: 'nothing to open' });
});
