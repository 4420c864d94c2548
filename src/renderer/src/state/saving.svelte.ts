// Saving what the window shows: a PNG or SVG snapshot of the chart, the run as a Chrome trace,
// or as a CoreScope run file (with its time window). The desktop app writes through the host's
// save dialog; the browser host downloads.
import type { CoreScopeApi } from '../../../shared/contract';
import { toChromeTrace } from '../../../shared/chrome-trace';
import { RUN_FILE_EXTENSION, toRunFile } from '../../../shared/run-file';
import { download, mimeOf, safeStem, type SaveKind } from '../lib/save-file';
import { snapshotPng, snapshotSvg } from '../lib/snapshot';
import { snapshotInput, type SnapshotSources } from './snapshot-input';

export interface SavingDeps extends SnapshotSources {
  readonly api: () => CoreScopeApi;
}

export class Saving {
  /** A save is being written; the save buttons wait for it. */
  busy = $state(false);

  constructor(private readonly d: SavingDeps) {}

  /** A finished run is on screen (trace and run files need one; snapshots do not). */
  get canSave(): boolean {
    return this.d.session.state === 'finished' && this.d.session.summary !== undefined;
  }

  private stem(): string {
    const meta = this.d.session.meta;
    const opened = this.d.lecture.openedName;
    if (opened !== undefined) return safeStem(opened.replace(/\.json$/i, ''));
    if (meta === undefined) return 'corescope';
    return safeStem(
      `corescope-${meta.params.scenario}-${meta.params.model}-${meta.startedAt.slice(0, 19)}`,
    );
  }

  async save(kind: SaveKind): Promise<void> {
    const { session, view } = this.d;
    const summary = session.summary;
    if (this.busy) return;
    if ((kind === 'trace' || kind === 'run') && (summary === undefined || !this.canSave)) {
      session.notices.add('Nothing to save yet: run something or open a file first.');
      return;
    }
    this.busy = true;
    try {
      let data: Blob;
      let ext: string;
      if (kind === 'png') {
        data = await snapshotPng(snapshotInput(this.d));
        ext = '.png';
      } else if (kind === 'svg') {
        data = new Blob([snapshotSvg(snapshotInput(this.d))], { type: mimeOf(kind) });
        ext = '.svg';
      } else if (summary !== undefined && kind === 'trace') {
        data = new Blob([JSON.stringify(toChromeTrace(session.store, summary))], {
          type: mimeOf(kind),
        });
        ext = '.trace.json';
      } else if (summary !== undefined) {
        const file = toRunFile(session.store, summary, { t0: view.t0, t1: view.t1 });
        data = new Blob([JSON.stringify(file)], { type: mimeOf(kind) });
        ext = RUN_FILE_EXTENSION;
      } else return;
      await this.write(kind, `${this.stem()}${ext}`, data);
    } catch (e) {
      session.notices.add(`Saving failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.busy = false;
    }
  }

  private async write(kind: SaveKind, name: string, data: Blob): Promise<void> {
    const api = this.d.api();
    if (api.saveFile === undefined) {
      download(name, data);
      return;
    }
    const bytes = new Uint8Array(await data.arrayBuffer());
    // A failed write rejects (the caller says so); a closed dialog saved nothing, which is fine.
    await api.saveFile({ kind, suggestedName: name, data: bytes });
  }
}
