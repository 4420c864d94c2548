// The window's one controller: it owns every part of the app's state (the machine, the run form,
// the live run, Compare, Sweep, replay, lecture settings, the library) and the one activity
// (`idle | run | compare | sweep | replay`) that every control reads through `can`. Actions that
// start something go through here, so the rule "one thing at a time" is written once.
import type { CoreScopeApi } from '../../../shared/contract';
import { isImportedRun } from '../../../shared/foreign-trace';
import { MODELS } from '../../../shared/params';
import { statesIn } from '../lib/lane-sizes';
import { PressGuard } from '../lib/press-guard';
import { Baselines, presentFigures, type PresentFigure } from '../lib/present-summary';
import { chartTheme, type ChartTheme } from '../lib/themes';
import { activityOf, permits, primaryAction, type Activity, type Permits } from './activity';
import { CompareSession } from './compare.svelte';
import { DrawAfter } from './draw-after.svelte';
import { Lecture } from './lecture.svelte';
import { LibraryModel } from './library.svelte';
import { MachineModel } from './machine.svelte';
import { Opening } from './opening';
import { setFullScreen } from './presentation';
import { Replay } from './replay.svelte';
import { RunForm } from './run-form.svelte';
import { RunSession } from './run-session.svelte';
import { Saving } from './saving.svelte';
import { SweepSession } from './sweep.svelte';
import { TimeView } from './time-view.svelte';

const BUSY_WITH: Readonly<Record<Exclude<Activity, 'idle' | 'replay'>, string>> = {
  run: 'a run is going: cancel it or wait for it to finish',
  compare: 'Compare is running: cancel it or wait for it to finish',
  sweep: 'a sweep is running: cancel it or wait for it to finish',
};

export interface ControllerOptions {
  /** Clock for the repeated-Space guard (tests inject one). */
  readonly now?: () => number;
  /** What the main run's start waits for before its request goes out (tests: nothing). */
  readonly settle?: () => Promise<void> | undefined;
}

export class AppController {
  readonly machine = new MachineModel();
  readonly form = new RunForm();
  readonly view = new TimeView();
  readonly session: RunSession;
  readonly compare: CompareSession;
  readonly sweep: SweepSession;
  readonly lecture = new Lecture();
  readonly drawAfter = new DrawAfter();
  // Steps skip events closer than one chart pixel, so each press changes the drawing.
  readonly replay = new Replay(() => (this.view.t1 - this.view.t0) / Math.max(1, this.view.width));
  /** A run drawn after it ends started: fit the window to it once it is shown. */
  private refitAtEnd = false;
  readonly library: LibraryModel;
  readonly saving: Saving;
  readonly opening: Opening;
  private readonly spaceGuard: PressGuard;
  /** Sequential wall times seen in this window: presentation mode's speedup. */
  private readonly baselines = new Baselines();

  constructor(
    private readonly api: () => CoreScopeApi,
    options: ControllerOptions = {},
  ) {
    this.session = new RunSession(api, 1, {
      ...(options.settle === undefined ? {} : { settle: options.settle }),
      onPublish: (store) => {
        // A run drawn after it ends leaves the chart's window alone until it ends, then fits.
        if (this.session.running && this.session.drawsAfter) return;
        if (this.refitAtEnd) {
          this.refitAtEnd = false;
          this.view.reset();
        }
        this.view.setEnd(store.endUs, this.session.running);
      },
      onFinish: (store, summary) => {
        // Every finished (not cancelled) run is kept by itself.
        if (summary.status !== 'cancelled') void this.library.keep(store, summary, true);
        const meta = store.meta;
        if (meta !== undefined)
          this.baselines.record(meta.params, summary, meta.source !== undefined);
      },
    });
    this.compare = new CompareSession(
      api,
      () => this.machine.cores,
      () => this.drawAfter.lab,
    );
    this.sweep = new SweepSession(api, () => this.drawAfter.lab);
    this.library = new LibraryModel(api, this.session.notices);
    this.saving = new Saving({ api, ...this.parts() });
    this.opening = new Opening({
      ...this.parts(),
      form: this.form,
      blocked: () => this.busyReason('open a file'),
    });
    this.spaceGuard = new PressGuard(options.now);
  }

  private parts(): Pick<AppController, 'session' | 'view' | 'replay' | 'lecture'> {
    return { session: this.session, view: this.view, replay: this.replay, lecture: this.lecture };
  }

  /** What the window is doing now. */
  get activity(): Activity {
    return activityOf({
      running: this.session.running,
      comparing: this.compare.busy,
      sweeping: this.sweep.busy,
      replaying: this.replay.active,
    });
  }

  /** What each control may do now. */
  get can(): Permits {
    return permits(this.activity);
  }

  /** Why `what` cannot start now, or undefined when it can. */
  private busyReason(what: string): string | undefined {
    const a = this.activity;
    return a === 'idle' || a === 'replay' ? undefined : `Cannot ${what} now: ${BUSY_WITH[a]}.`;
  }

  /** Whether Run may be pressed: nothing else going and every form field valid. */
  get runnable(): boolean {
    return this.can.run && this.form.valid;
  }

  /** Loads the machine and the library and subscribes to runs; returns the cleanup. */
  mount(): () => void {
    let unsubscribe: () => void;
    try {
      unsubscribe = this.session.connect();
    } catch (e) {
      this.session.notices.add(
        `No connection to the CoreScope engine: ${e instanceof Error ? e.message : String(e)}`,
      );
      return () => undefined;
    }
    void this.loadMachine();
    void this.library.refresh();
    void this.session.adopt();
    return unsubscribe;
  }

  private async loadMachine(): Promise<void> {
    const { machine, form, session, sweep } = this;
    try {
      await machine.load(this.api());
    } catch {
      // load() reports its own errors
    }
    if (machine.error !== undefined) session.notices.add(machine.error);
    form.setScenarios(machine.scenarios);
    form.setWorkers(machine.cores);
    session.setCores(machine.cores);
    sweep.setCores(machine.cores);
    if (machine.error === undefined) await machine.restorePython(this.api());
  }

  /** The form's parameters when they can run now; otherwise a notice says why not. */
  private params(what: string): ReturnType<RunForm['toParams']> {
    const busy = this.busyReason(what);
    if (busy !== undefined) {
      this.session.notices.add(busy);
      return undefined;
    }
    const params = this.form.toParams();
    if (params === undefined)
      this.session.notices.add(
        `Fix the run form first: ${this.form.errors.map((e) => e.message).join('; ')}.`,
      );
    return params;
  }

  run(): void {
    const params = this.params('start a run');
    if (params === undefined) return;
    this.replay.stop();
    this.lecture.openedName = undefined;
    this.lecture.openedForeign = false;
    const drawAfter = this.drawAfter.run;
    if (drawAfter) this.refitAtEnd = true;
    else this.view.reset();
    void this.session.start(params, drawAfter);
  }

  startCompare(): void {
    const params = this.params('start Compare');
    if (params !== undefined) void this.compare.start(params, this.form.python.compare);
  }

  startSweep(): void {
    const params = this.params('start a sweep');
    if (params !== undefined) void this.sweep.start(params, this.machine.info);
  }

  /** The one Run/Cancel action (the presentation button): runs, or cancels what is running. */
  primary(): void {
    const action = primaryAction(this.activity);
    switch (action) {
      case 'run':
        this.run();
        break;
      case 'cancel-run':
        void this.session.cancel();
        break;
      case 'cancel-compare':
        void this.compare.cancel();
        break;
      case 'cancel-sweep':
        void this.sweep.cancel();
        break;
    }
  }

  /**
   * Space: the primary action, except that a second press soon after the first does nothing, so
   * a double press does not cancel the demo the first one started. Buttons still cancel at once.
   */
  primaryKey(): void {
    if (this.spaceGuard.accept()) this.primary();
  }

  /** The label of the primary action's button. */
  get primaryLabel(): string {
    return primaryAction(this.activity) === 'run' ? 'Run' : 'Cancel';
  }

  chooseModel(index: number): void {
    const m = MODELS[index];
    if (m !== undefined && this.can.editForm) this.form.model = m;
  }

  startReplay(): void {
    if (this.session.state !== 'finished' || !this.can.replay) return;
    this.view.fit();
    this.replay.start(this.session.store);
  }

  /** R: pause or resume a loaded replay, or start one. */
  toggleReplay(): void {
    if (this.replay.active) this.replay.toggle();
    else this.startReplay();
  }

  togglePresentation(): void {
    this.lecture.presenting = !this.lecture.presenting;
    setFullScreen(this.api(), this.lecture.presenting);
  }

  /** Whether the run on screen can be kept by hand (it is finished and not kept yet). */
  /** The interpreter setting: only while nothing runs (a Compare must not mix interpreters). */
  setPython(path: string | null): void {
    if (!this.can.editForm) {
      this.machine.pythonError = 'The interpreter can change once nothing is running.';
      return;
    }
    void this.machine.setPython(this.api(), path);
  }

  get canKeep(): boolean {
    const s = this.session;
    return s.state === 'finished' && s.summary !== undefined && !this.library.has(s.meta?.runId);
  }

  keepCurrent(): void {
    if (this.session.summary !== undefined)
      void this.library.keep(this.session.store, this.session.summary, false);
  }

  async openKept(id: string): Promise<void> {
    const busy = this.busyReason('open a kept run');
    if (busy !== undefined) {
      this.session.notices.add(busy);
      return;
    }
    const opened = await this.library.open(id);
    if (opened !== undefined) this.opening.openRunFile(opened.file, opened.name);
  }

  /** The clock over the chart: replay position, live edge, or the finished run's wall time. */
  get clockUs(): number {
    if (this.replay.active) return this.replay.cursorUs;
    if (this.session.running) return this.session.progress?.elapsedUs ?? this.view.endUs;
    return (this.session.summary?.wallMs ?? 0) * 1000;
  }

  get clockLabel(): string {
    return this.replay.active ? 'replay' : this.session.running ? 'running' : 'wall time';
  }

  /** The presentation header's title when the chart holds an imported trace (no choices apply). */
  get importedTitle(): string | undefined {
    const { lecture, session } = this;
    if (lecture.openedForeign) return lecture.openedName ?? 'Imported trace';
    const meta = session.meta;
    if (meta !== undefined && isImportedRun(meta)) return lecture.openedName ?? 'Imported trace';
    return undefined;
  }

  get theme(): ChartTheme {
    return chartTheme(this.lecture.theme, this.lecture.presenting);
  }

  /** Presentation mode's legend lists only the states of the finished run shown. */
  get legendStates(): Set<string> | undefined {
    void this.session.version;
    return this.lecture.presenting && this.session.state === 'finished'
      ? statesIn(this.session.store.slices)
      : undefined;
  }

  /** Presentation mode's summary beside the clock (empty until a run has finished). */
  get presentFigures(): PresentFigure[] {
    const { summary, meta } = this.session;
    if (summary === undefined || this.session.running || this.replay.active) return [];
    const python = meta?.source !== undefined;
    const params = meta === undefined || isImportedRun(meta) || python ? undefined : meta.params;
    const seq = params === undefined ? undefined : this.baselines.sequentialWallMs(params);
    return presentFigures(summary, params, seq);
  }

  /** The library row of the run on screen. */
  get currentRunId(): string | undefined {
    return this.session.state === 'finished' ? this.session.meta?.runId : undefined;
  }
}
