// What lecture mode's buttons and keys do: snapshots and files (save, open, drop), replay,
// presentation mode and themes, and the keyboard map. Holds no state of its own beyond the busy
// flag; it drives the session, view, replay and lecture objects the App owns.
import type { CoreScopeApi } from '../../../shared/contract';
import { toChromeTrace } from '../../../shared/chrome-trace';
import { MODELS } from '../../../shared/params';
import { checkFileSize, openRunText } from '../../../shared/open-file';
import { parseRunFile, RUN_FILE_EXTENSION, toRunFile } from '../../../shared/run-file';
import type { OpenResult } from '../../../shared/loaded-run';
import { layoutLanes } from '../lib/lanes';
import { laneSize } from '../lib/lane-sizes';
import { actorName, taskName } from '../lib/slice-info';
import { download, mimeOf, safeStem, type SaveKind } from '../lib/save-file';
import { shortcutFor } from '../lib/shortcuts';
import { snapshotPng, snapshotSvg } from '../lib/snapshot';
import type { SnapshotInput } from '../lib/snapshot-scene';
import { NORMAL_TYPE, PRESENTATION_TYPE, chartTheme } from '../lib/themes';
import { F_ACTOR, F_TASK, SLICE_STRIDE } from '../../../shared/events';
import type { Lecture } from './lecture.svelte';
import type { Replay } from './replay.svelte';
import type { RunForm } from './run-form.svelte';
import type { RunSession } from './run-session.svelte';
import type { TimeView } from './time-view.svelte';

export interface LectureDeps {
  readonly api: () => CoreScopeApi;
  readonly session: RunSession;
  readonly view: TimeView;
  readonly replay: Replay;
  readonly lecture: Lecture;
  readonly form: RunForm;
  readonly run: () => void;
  /** Issue 4's Compare action, when the window has one (the `C` key). */
  readonly compare?: () => void;
}

export class LectureActions {
  busy = $state(false);

  constructor(private readonly d: LectureDeps) {}

  get canSave(): boolean {
    return this.d.session.state === 'finished' && this.d.session.summary !== undefined;
  }

  private stem(): string {
    const meta = this.d.session.meta;
    if (this.d.lecture.openedName !== undefined)
      return safeStem(this.d.lecture.openedName.replace(/\.json$/i, ''));
    if (meta === undefined) return 'corescope';
    return safeStem(
      `corescope-${meta.params.scenario}-${meta.params.model}-${meta.startedAt.slice(0, 19)}`,
    );
  }

  snapshotInput(): SnapshotInput {
    const { session, view, replay, lecture } = this.d;
    const presenting = lecture.presenting;
    const store = session.store;
    const index = session.index;
    const col = (row: number, f: number): number => store.slices[row * SLICE_STRIDE + f] ?? -1;
    const cores = layoutLanes(
      'core',
      index.cores,
      (l) => `CPU ${l.id}`,
      laneSize('core', index.cores.length, presenting),
    );
    const actorLanes = index.actorLanes(store.actors.keys());
    const actors = layoutLanes(
      'actor',
      actorLanes,
      (l) => actorName(store, l.id),
      laneSize('actor', actorLanes.length, presenting),
    );
    const taskLanes = index.taskLanes(store.tasks.keys());
    const tasks = layoutLanes(
      'task',
      taskLanes,
      (l) => taskName(store, l.id),
      laneSize('task', taskLanes.length, presenting),
    );
    const meta = session.meta;
    const title = lecture.openedForeign
      ? `Imported trace: ${lecture.openedName ?? ''}`
      : meta === undefined
        ? 'CoreScope'
        : `${meta.params.scenario} · ${meta.params.model} · ${meta.params.workers} workers`;
    const wall = session.summary?.wallMs;
    const subtitle = [
      wall !== undefined ? `wall ${wall.toFixed(1)} ms` : '',
      meta !== undefined
        ? `${meta.machine.cpuModel}, ${meta.machine.logicalCores} logical cores`
        : '',
      replay.active ? `replay at ${(replay.cursorUs / 1000).toFixed(1)} ms` : '',
    ]
      .filter((s) => s !== '')
      .join(' · ');
    return {
      title,
      subtitle,
      panels: [
        {
          heading: 'Per core',
          layout: cores,
          labelOf: (r) => actorName(store, col(r, F_ACTOR)),
          os: store.os,
        },
        {
          heading: 'Per actor',
          layout: actors,
          labelOf: (r) => (col(r, F_TASK) >= 0 ? taskName(store, col(r, F_TASK)) : ''),
        },
        { heading: 'Per task', layout: tasks, labelOf: (r) => actorName(store, col(r, F_ACTOR)) },
      ],
      t0: view.t0,
      t1: view.t1,
      chartWidth: view.width,
      clipUs: replay.active ? replay.cursorUs : undefined,
      theme: chartTheme(lecture.theme, presenting),
      type: presenting ? PRESENTATION_TYPE : NORMAL_TYPE,
    };
  }

  async save(kind: SaveKind): Promise<void> {
    const { session, view } = this.d;
    const summary = session.summary;
    if (this.busy) return;
    if (
      (kind === 'trace' || kind === 'run') &&
      (summary === undefined || session.state !== 'finished')
    ) {
      session.notices.add('Nothing to save yet: run something or open a file first.');
      return;
    }
    this.busy = true;
    try {
      let data: Blob;
      let ext: string;
      if (kind === 'png') {
        data = await snapshotPng(this.snapshotInput());
        ext = '.png';
      } else if (kind === 'svg') {
        data = new Blob([snapshotSvg(this.snapshotInput())], { type: mimeOf(kind) });
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

  /** Opens a file the user picked or dropped. A bad file changes nothing. */
  async open(file: File): Promise<void> {
    const { session, lecture } = this.d;
    if (session.running) {
      session.notices.add('Cancel the run before opening a file.');
      return;
    }
    const tooBig = checkFileSize(file.size, file.name);
    if (tooBig !== undefined) {
      session.notices.add(`Cannot open ${tooBig}`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      session.notices.add(
        `Cannot read ${file.name}: ${e instanceof Error ? e.message : String(e)}`,
      );
      return;
    }
    this.show(text, file.name);
    void lecture;
  }

  /** Shows a run from file text (an opened or dropped file). */
  show(text: string, name: string): boolean {
    return this.showResult(openRunText(text, name));
  }

  /** Shows a library entry's run file (validated here like any file the page did not make). */
  showRunFile(value: unknown, name: string): boolean {
    const r = parseRunFile(value, name);
    return this.showResult(r.ok ? r : { ok: false, error: `Cannot open ${name}: ${r.error}` });
  }

  private showResult(result: OpenResult): boolean {
    const { session, view, replay, lecture } = this.d;
    if (session.running) {
      session.notices.add('Cancel the run before opening a saved one.');
      return false;
    }
    if (!result.ok) {
      session.notices.add(result.error);
      return false;
    }
    replay.stop();
    session.showRun(result.run);
    lecture.openedName = result.run.name;
    lecture.openedForeign = result.run.source === 'foreign-trace';
    view.setEnd(result.run.store.endUs);
    if (result.run.view !== undefined) view.show(result.run.view.t0, result.run.view.t1);
    else view.fit();
    return true;
  }

  startReplay(): void {
    const { session, replay, view } = this.d;
    if (session.state !== 'finished') return;
    view.fit();
    replay.start(session.store);
  }

  togglePresentation(): void {
    const { lecture, api } = this.d;
    lecture.presenting = !lecture.presenting;
    const a = api();
    if (a.setFullScreen !== undefined)
      void a.setFullScreen(lecture.presenting).catch(() => undefined);
    else if (lecture.presenting && document.fullscreenElement === null)
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (!lecture.presenting && document.fullscreenElement !== null)
      void document.exitFullscreen().catch(() => undefined);
  }

  runOrCancel(): void {
    const { session, replay } = this.d;
    if (session.running) void session.cancel();
    else {
      replay.stop();
      this.d.lecture.openedName = undefined;
      this.d.lecture.openedForeign = false;
      this.d.run();
    }
  }

  /** The window's keydown handler. */
  onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented) return;
    const t = e.target;
    const action = shortcutFor({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      targetTag: t instanceof Element ? t.tagName : 'BODY',
      targetEditable: t instanceof HTMLElement && t.isContentEditable,
      replaying: this.d.replay.active,
    });
    if (action === undefined) return;
    const { lecture, replay, form, session } = this.d;
    switch (action.kind) {
      case 'run-or-cancel':
        this.runOrCancel();
        break;
      case 'model': {
        const m = MODELS[action.index];
        if (m !== undefined && !session.running) form.model = m;
        break;
      }
      case 'compare':
        if (this.d.compare !== undefined) this.d.compare();
        else session.notices.add('Compare is not available in this build yet.');
        break;
      case 'snapshot':
        void this.save('png');
        break;
      case 'presentation':
        this.togglePresentation();
        break;
      case 'theme':
        lecture.nextTheme();
        break;
      case 'replay':
        if (replay.active) replay.toggle();
        else this.startReplay();
        break;
      case 'step':
        replay.step(action.direction);
        break;
      case 'help':
        lecture.helpOpen = true;
        break;
      case 'escape':
        if (lecture.helpOpen) lecture.helpOpen = false;
        else if (lecture.presenting) this.togglePresentation();
        else return;
        break;
    }
    e.preventDefault();
  }
}
