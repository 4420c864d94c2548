// The operations table: every request the UI can make of whatever hosts the engine, in one place.
// Each entry names its arguments (a zod tuple, checked by the host before any handler runs), its
// result (a zod schema, checked by the client before the UI sees it) and which hosts offer it.
// Everything else is derived from this table: the preload's methods and Electron's IPC channels
// and handler registration, the browser host's WebSocket request check and dispatcher, and the
// WebSocket client. Adding an operation is one entry here plus one handler (docs/operations.md).
//
// One error convention on every path: an operation resolves to its result or rejects with an
// Error whose message is one sentence for the user. Refusals (a run already in progress, a name
// taken, a payload that fails its schema) are errors; a user backing out (a dialog cancelled) is
// a result. Results are plain JSON values, so both transports carry them unchanged.
import { SaveFileRequestSchema } from './desktop-contract';
import {
  LibraryEntrySchema,
  LibraryIdSchema,
  LibrarySaveRequestSchema,
  MAX_LIBRARY_NAME,
} from './library-contract';
import {
  CurrentRunSchema,
  MachineInfoResult,
  PythonAvailabilityResult,
  RunMetaResult,
  ScenarioListResult,
} from './op-schemas';
import { RunParamsSchema } from './params';
import { PythonPathSchema, PythonRunInputSchema } from './python';
import { z } from './zod-mini';

/** Which hosts offer an operation: both, or only the Electron shell (native dialog, window). */
export type OpHosts = 'all' | 'electron';

export interface OpSpec {
  readonly args: z.ZodMiniTuple;
  readonly result: z.ZodMiniType;
  readonly hosts: OpHosts;
  /**
   * Largest WebSocket request frame the browser host reads for this operation, in bytes.
   * Absent: SMALL_REQUEST_BYTES. Only operations that carry a run file need more.
   */
  readonly maxRequestBytes?: number;
}

/** Requests without a run file are small JSON objects. */
export const SMALL_REQUEST_BYTES = 64 * 1024;

/**
 * Largest run file a page may hand the library. A run file's JSON takes about 41 MiB per
 * million slices at a 10-minute run's timestamps, plus about 2 MiB of tasks and OS samples at
 * the engine's limits; 96 MiB holds about 2.2 million slices, twice the million-slice run the
 * view is benchmarked to draw and pan. The engine does not bound a run's slices (a long Python
 * script can make more), so a bigger run is refused from the frame's first bytes, before it
 * is parsed, with this figure in the message. Saves over the small limit are parsed and
 * checked on a worker thread, never on the host's event loop.
 */
export const MAX_RUN_FILE_FRAME_BYTES = 96 * 1024 * 1024;

const RunId = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * What a run is asked for: one of CoreScope's models, or a real Python script (`source:
 * 'python'`). A failed check reports the rules of the kind of run the input is closest to.
 */
export const StartRunInputSchema = z.union([RunParamsSchema, PythonRunInputSchema]);
const NoArgs = z.tuple([]);

export const OPERATIONS = {
  machineInfo: { args: NoArgs, result: MachineInfoResult, hosts: 'all' },
  listScenarios: { args: NoArgs, result: ScenarioListResult, hosts: 'all' },
  /** Validates and starts a run (a model run or a Python run); refused while one is running. */
  startRun: { args: z.tuple([StartRunInputSchema]), result: RunMetaResult, hosts: 'all' },
  /** Cancels the run if it is the current one; an unknown id is not an error. */
  cancelRun: { args: z.tuple([RunId]), result: z.null(), hosts: 'all' },
  /**
   * The interpreter of Python runs that name none (null: the engine's own default), checked to
   * run and be CPython 3.9 or newer; a path that fails is refused with the reason, changing
   * nothing. The result is what machineInfo's `python` now says.
   */
  setPython: {
    args: z.tuple([z.nullable(PythonPathSchema)]),
    result: PythonAvailabilityResult,
    hosts: 'all',
  },
  /** The run in progress (its meta and every event so far), or null: a (re)loaded page adopts it. */
  currentRun: { args: NoArgs, result: z.nullable(CurrentRunSchema), hosts: 'all' },

  listLibrary: {
    args: NoArgs,
    result: z.readonly(z.array(LibraryEntrySchema).check(z.maxLength(100_000))),
    hosts: 'all',
  },
  saveToLibrary: {
    args: z.tuple([LibrarySaveRequestSchema]),
    result: LibraryEntrySchema,
    hosts: 'all',
    maxRequestBytes: MAX_RUN_FILE_FRAME_BYTES,
  },
  /** The entry's name and run file (validated again by the renderer, like any opened file). */
  openFromLibrary: {
    args: z.tuple([LibraryIdSchema]),
    result: z.object({
      name: z.string().check(z.maxLength(MAX_LIBRARY_NAME + 120)),
      file: z.unknown(),
    }),
    hosts: 'all',
  },
  /** Refused when another entry has the name; renaming also keeps the run for good. */
  renameInLibrary: {
    args: z.tuple([LibraryIdSchema, z.string().check(z.maxLength(1000))]),
    result: LibraryEntrySchema,
    hosts: 'all',
  },
  deleteFromLibrary: { args: z.tuple([LibraryIdSchema]), result: z.null(), hosts: 'all' },

  /** Native save dialog (it asks before replacing a file), then an atomic write. */
  saveFile: {
    args: z.tuple([SaveFileRequestSchema]),
    result: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), path: z.string() }),
      /** The user closed the dialog: nothing was written, and that is not an error. */
      z.object({ saved: z.literal(false) }),
    ]),
    hosts: 'electron',
  },
  setFullScreen: { args: z.tuple([z.boolean()]), result: z.null(), hosts: 'electron' },
} as const satisfies Record<string, OpSpec>;

type Table = typeof OPERATIONS;
export type OpName = keyof Table;
export type HostOpName = { [K in OpName]: Table[K]['hosts'] extends 'all' ? K : never }[OpName];
export type ElectronOnlyOpName = Exclude<OpName, HostOpName>;

/** What a caller passes (before the host's check). */
export type OpCallArgs<K extends OpName> = z.input<Table[K]['args']>;
/** What a handler receives (after the host's check). */
export type OpArgs<K extends OpName> = z.output<Table[K]['args']>;
export type OpResult<K extends OpName> = z.output<Table[K]['result']>;

export type OpMethod<K extends OpName> = (...args: OpCallArgs<K>) => Promise<OpResult<K>>;

/** The operations as the renderer calls them; Electron-only ones are absent in the browser. */
export type OperationsApi = { readonly [K in HostOpName]: OpMethod<K> } & {
  readonly [K in ElectronOnlyOpName]?: OpMethod<K>;
};

/** One handler per operation: gets checked arguments; throws an Error to refuse. */
export type OpHandler<K extends OpName> = (
  ...args: OpArgs<K>
) => OpResult<K> | Promise<OpResult<K>>;
export type OpHandlers<K extends OpName> = { readonly [P in K]: OpHandler<P> };

/**
 * The same table, typed per operation, so generic code (`OP_SCHEMAS[name].args` for a generic
 * name) keeps the operation's own argument and result types. The assignment checks each entry.
 */
export const OP_SCHEMAS: {
  readonly [K in OpName]: {
    readonly args: z.ZodMiniType<OpArgs<K>, unknown>;
    readonly result: z.ZodMiniType<OpResult<K>, unknown>;
  };
} = OPERATIONS;

export const OP_NAMES: readonly OpName[] = Object.keys(OPERATIONS).filter(isOpName);
export const HOST_OP_NAMES: readonly HostOpName[] = OP_NAMES.filter(isHostOpName);

export function isOpName(name: string): name is OpName {
  return Object.hasOwn(OPERATIONS, name);
}

export function isHostOpName(name: string): name is HostOpName {
  return isOpName(name) && OPERATIONS[name].hosts === 'all';
}

/** Largest WebSocket request frame of an operation (its own figure, or the small default). */
export function requestLimit(name: OpName): number {
  const spec: OpSpec = OPERATIONS[name];
  return spec.maxRequestBytes ?? SMALL_REQUEST_BYTES;
}

/** Electron's IPC channel of an operation. */
export function ipcChannel(name: OpName): string {
  return `corescope:${name}`;
}

/** The channel main pushes run messages on (not an operation: nobody asks for them). */
export const RUN_MESSAGE_CHANNEL = 'corescope:run-message';

/** What travels back for every operation, over IPC and inside a WebSocket reply. */
export type OpReply =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };
