// CoreScope's own run file: the run exactly as recorded (every slice at full precision, the
// actors, tasks, OS samples, summary and the visible window), so reopening it shows an identical
// view. JSON with a format tag; read back through zod, never evaluated.
import { SLICE_STRIDE, type RunMeta, type RunSummary } from './events';
import type { RunParams } from './params';
import type { LoadedRun, OpenResult, SavedView } from './loaded-run';
import { RunStore } from './run-store';
import {
  ActorInfoSchema,
  ClockInfoSchema,
  FailureInfoSchema,
  MachineInfoSchema,
  OsSampleSchema,
  RunSummarySchema,
  TaskInfoSchema,
} from './run-schemas';
import { PythonSourceSchema } from './python';
import { parseRunParams } from './scenarios';
import { STATES } from './states';
import { zodProblem } from './zod-format';
import { z } from './zod-mini';

export const RUN_FILE_FORMAT = 'corescope-run';
export const RUN_FILE_VERSION = 1;
export const RUN_FILE_EXTENSION = '.corescope.json';

/** zod's numbers are finite already (Infinity and NaN fail `z.number()`). */
const Finite = z.number();
const text = (max: number) => z.string().check(z.maxLength(max));

export const RunFileSchema = z.object({
  format: z.literal(RUN_FILE_FORMAT),
  version: z.literal(RUN_FILE_VERSION),
  savedAt: text(100),
  meta: z.object({
    runId: text(200),
    params: z.record(z.string(), z.unknown()),
    /** A Python run: the script and its runtime (absent: one of CoreScope's models ran). */
    source: z.optional(PythonSourceSchema),
    machine: MachineInfoSchema,
    startedAt: text(100),
    clock: ClockInfoSchema,
  }),
  summary: RunSummarySchema,
  actors: z.array(ActorInfoSchema),
  tasks: z.array(TaskInfoSchema),
  /** SLICE_STRIDE numbers per slice: lane, actor, task, state, core, start µs, end µs. */
  slices: z.array(Finite).check(
    z.refine((a) => a.length % SLICE_STRIDE === 0, {
      message: `slice columns must come in groups of ${SLICE_STRIDE}`,
    }),
  ),
  os: z.array(OsSampleSchema),
  tasksDone: z.array(z.tuple([z.number().check(z.int(), z.nonnegative()), Finite])),
  failures: z.array(FailureInfoSchema),
  view: z.optional(z.object({ t0: Finite, t1: Finite })),
});

export type RunFile = z.infer<typeof RunFileSchema>;

export function toRunFile(
  store: RunStore,
  summary: RunSummary,
  view?: SavedView,
  savedAt = new Date().toISOString(),
): RunFile {
  const meta = store.meta;
  if (meta === undefined) throw new RangeError('a run file needs the run meta');
  return {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    savedAt,
    meta: { ...meta, params: { ...meta.params } },
    summary: {
      ...summary,
      coreBusy: [...summary.coreBusy],
      osBusy: [...summary.osBusy],
      failures: summary.failures.map((fl) => ({ ...fl })),
      clock: { ...summary.clock },
    },
    actors: [...store.actors.values()],
    tasks: [...store.tasks.values()],
    slices: Array.from(store.slices),
    os: store.os.map((o) => ({ tUs: o.tUs, busy: [...o.busy] })),
    tasksDone: [...store.tasksDone],
    failures: [...store.failures],
    ...(view !== undefined ? { view: { t0: view.t0, t1: view.t1 } } : {}),
  };
}

/** Whether a parsed JSON value claims to be a run file (then parseRunFile says if it is one). */
export function looksLikeRunFile(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'format' in value &&
    value.format === RUN_FILE_FORMAT
  );
}

export type RunFileCheck =
  | { readonly ok: true; readonly file: RunFile; readonly params: RunParams }
  | { readonly ok: false; readonly error: string };

/**
 * Checks a parsed JSON value is a run file: the schema, the parameters and every slice, once.
 * Reading a run (the page's open, the library's save and open) calls this and nothing else.
 */
export function checkRunFile(value: unknown): RunFileCheck {
  const parsed = RunFileSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, error: `not a valid CoreScope run file: ${zodProblem(parsed.error)}` };
  }
  const f = parsed.data;
  const params = parseRunParams(f.meta.params, Math.max(1, f.meta.machine.logicalCores));
  if (!params.ok)
    return { ok: false, error: `not a valid CoreScope run file: meta.params: ${params.error}` };
  const bad = badSlice(f.slices);
  if (bad !== undefined)
    return { ok: false, error: `not a valid CoreScope run file: slice ${bad} is malformed` };
  return { ok: true, file: f, params: params.params };
}

export function parseRunFile(value: unknown, name: string): OpenResult {
  const checked = checkRunFile(value);
  if (!checked.ok) return checked;
  const { file: f, params } = checked;
  const meta: RunMeta = { ...f.meta, params };
  const store = new RunStore(meta);
  for (const actor of f.actors) store.apply({ kind: 'actor', actor });
  store.apply({ kind: 'tasks', tasks: f.tasks });
  store.appendSlices(Float64Array.from(f.slices));
  for (const o of f.os) store.apply({ kind: 'os', tUs: o.tUs, busy: o.busy });
  for (const [task, tUs] of f.tasksDone) store.apply({ kind: 'task-done', task, tUs });
  for (const fl of f.failures) store.apply({ kind: 'failure', tUs: 0, ...fl });
  const run: LoadedRun = {
    store,
    summary: f.summary,
    source: 'run-file',
    name,
    ...(f.view !== undefined ? { view: f.view } : {}),
  };
  return { ok: true, run };
}

/** Index of the first slice whose lane, ids, state, core or times are impossible. */
function badSlice(s: readonly number[]): number | undefined {
  for (let o = 0; o < s.length; o += SLICE_STRIDE) {
    const [lane, actor, task, state, core, start, end] = s.slice(o, o + SLICE_STRIDE);
    const ok =
      (lane === 0 || lane === 1) &&
      Number.isInteger(actor) &&
      (actor ?? -1) >= 0 &&
      Number.isInteger(task) &&
      (task ?? -2) >= -1 &&
      Number.isInteger(state) &&
      (state ?? -1) >= 0 &&
      (state ?? 99) < STATES.length &&
      Number.isInteger(core) &&
      (core ?? -2) >= -1 &&
      (core ?? 0) < 4096 &&
      (end ?? -1) >= (start ?? 0);
    if (!ok) return o / SLICE_STRIDE;
  }
  return undefined;
}
