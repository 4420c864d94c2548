// Opening a file off the page's thread: one worker per file (workers/open-file.worker.ts), its
// progress as state the page shows, and Cancel, which terminates the worker: JSON.parse cannot
// be interrupted from inside, and terminating frees everything it had built. Where a worker
// cannot start (a page without worker support), the file is parsed here as before.
import type { OpenResult } from '../../../shared/loaded-run';
import { checkFileSize, openRunText } from '../../../shared/open-file';
import { unpackRun } from '../../../shared/packed-run';
import type { OpenPhase, OpenReply, OpenRequest } from '../lib/open-protocol';

export interface ImportProgress {
  readonly name: string;
  readonly phase: OpenPhase;
  /** 0–1, or undefined while parsing (no measure of how far JSON.parse is). */
  readonly fraction: number | undefined;
}

export type ImportOutcome = OpenResult | { readonly ok: false; readonly cancelled: true };

export class FileImport {
  /** What is being opened now, or undefined. */
  progress = $state.raw<ImportProgress | undefined>(undefined);
  private stop: (() => void) | undefined;

  get busy(): boolean {
    return this.progress !== undefined;
  }

  /** Ends the open in progress: its promise resolves as cancelled. */
  cancel(): void {
    this.stop?.();
  }

  async open(file: File): Promise<ImportOutcome> {
    this.cancel();
    this.progress = { name: file.name, phase: 'reading', fraction: 0 };
    try {
      return await this.inWorker(file);
    } finally {
      this.progress = undefined;
      this.stop = undefined;
    }
  }

  private inWorker(file: File): Promise<ImportOutcome> {
    let worker: Worker;
    try {
      // Vite finds and bundles the worker from this exact form; it is not reactive state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      worker = new Worker(new URL('../workers/open-file.worker.ts', import.meta.url), {
        type: 'module',
        name: 'corescope-open-file',
      });
    } catch {
      return this.onPage(file);
    }
    return new Promise<ImportOutcome>((resolve) => {
      let heard = false;
      const finish = (outcome: ImportOutcome | 'fallback'): void => {
        worker.terminate();
        this.stop = undefined;
        resolve(outcome === 'fallback' ? this.onPage(file) : outcome);
      };
      this.stop = () => finish({ ok: false, cancelled: true });
      worker.addEventListener('message', (event: MessageEvent<OpenReply>) => {
        heard = true;
        const reply = event.data;
        switch (reply.kind) {
          case 'progress':
            this.progress = {
              name: file.name,
              phase: reply.phase,
              fraction: reply.total > 0 ? reply.done / reply.total : undefined,
            };
            return;
          case 'opened':
            return finish({ ok: true, run: unpackRun(reply.run) });
          case 'refused':
            return finish({ ok: false, error: reply.error });
        }
      });
      // A worker that fails to load never says anything: parse on the page instead.
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        finish(heard ? { ok: false, error: `Cannot open ${file.name}: ${e.message}` } : 'fallback');
      });
      const request: OpenRequest = { kind: 'open', file };
      worker.postMessage(request);
    });
  }

  private async onPage(file: File): Promise<OpenResult> {
    const tooBig = checkFileSize(file.size, file.name);
    if (tooBig !== undefined) return { ok: false, error: `Cannot open ${tooBig}` };
    try {
      return openRunText(await file.text(), file.name);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { ok: false, error: `Cannot read ${file.name}: ${why}` };
    }
  }
}
