// The library panel's state: the list of kept runs, and the calls that change it. Every finished
// run is kept automatically (the host prunes the oldest unnamed ones); the user can keep the run
// on screen by hand (a cancelled run, an opened file), reopen, rename (which keeps it for good)
// and delete. Failures become notices; a refused rename comes back to the row that asked.
import type { CoreScopeApi } from '../../../shared/contract';
import type { RunSummary } from '../../../shared/events';
import type { LibraryEntry, LibraryOpened } from '../../../shared/library-contract';
import { toRunFile } from '../../../shared/run-file';
import type { RunStore } from '../../../shared/run-store';
import type { Notices } from './notices.svelte';

export class LibraryModel {
  entries = $state.raw<readonly LibraryEntry[]>([]);
  loading = $state(false);
  busy = $state(false);
  /** Set once the first list arrived (for tests and the empty-state text). */
  loaded = $state(false);

  constructor(
    private readonly api: () => CoreScopeApi,
    private readonly notices: Notices,
  ) {}

  /** Whether a run with this id is already in the library. */
  has(runId: string | undefined): boolean {
    return runId !== undefined && this.entries.some((e) => e.status === 'ok' && e.runId === runId);
  }

  async refresh(): Promise<void> {
    this.loading = true;
    try {
      this.entries = await this.api().listLibrary();
    } catch (e) {
      this.notices.add(`The library could not be listed: ${describe(e)}`);
    } finally {
      this.loading = false;
      this.loaded = true;
    }
  }

  /** Keeps a run; `auto` for the automatic save at the end of a run. */
  async keep(store: RunStore, summary: RunSummary, auto: boolean): Promise<void> {
    if (store.meta === undefined) return;
    this.busy = true;
    try {
      await this.api().saveToLibrary({ file: toRunFile(store, summary), auto });
    } catch (e) {
      this.notices.add(`The run was not kept in the library: ${describe(e)}`);
    } finally {
      this.busy = false;
    }
    await this.refresh();
  }

  /** The entry's run file (not yet validated: the caller opens it like any file). */
  async open(id: string): Promise<LibraryOpened | undefined> {
    try {
      return await this.api().openFromLibrary(id);
    } catch (e) {
      this.notices.add(describe(e));
    }
    await this.refresh();
    return undefined;
  }

  /** Undefined when renamed; otherwise why not (shown beside the name field). */
  async rename(id: string, name: string): Promise<string | undefined> {
    try {
      await this.api().renameInLibrary(id, name);
    } catch (e) {
      return describe(e);
    }
    await this.refresh();
    return undefined;
  }

  async remove(id: string): Promise<void> {
    try {
      await this.api().deleteFromLibrary(id);
    } catch (e) {
      this.notices.add(`Cannot delete: ${describe(e)}`);
    }
    await this.refresh();
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
