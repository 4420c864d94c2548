// A library save or open read off the host's main loop: a request frame's text parsed once,
// its envelope, the operation's arguments and the run file each checked once, and the run file
// serialised as it was validated, ready to write or to send. Pure: the worker thread that runs
// it (src/workers/run-file-entry.ts) and the in-thread fallback share it.
import { OP_SCHEMAS } from './operations';
import { checkRunFile, type RunFile } from './run-file';
import { WireRequestSchema, type WirePush, type WireReply } from './wire';
import { zodProblem } from './zod-format';
import { runWorkload } from './run-label';
import { describeArgsProblem } from './op-dispatch';

/** What the library's sidecar records of a run, taken from its validated file. */
export interface RunFacts {
  readonly scenario: string;
  readonly model: string;
  readonly workers: number;
  readonly runId: string;
  readonly savedAt: string;
}

export function runFacts(file: RunFile): RunFacts {
  // A Python run is listed by its script and runtime: the scenario and model the app files it
  // under are not what ran.
  const workload = runWorkload(file.meta.params, file.meta.source);
  return { ...workload, runId: file.meta.runId, savedAt: file.savedAt };
}

/** A run file checked once and serialised as validated (UTF-8 JSON). */
export type DecodedRun =
  | { readonly ok: true; readonly json: Uint8Array<ArrayBuffer>; readonly facts: RunFacts }
  | { readonly ok: false; readonly error: string };

/** Parses and checks a run file's text. */
export function decodeRunFile(text: string): DecodedRun {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON (corrupt or truncated?)' };
  }
  const checked = checkRunFile(value);
  if (!checked.ok) return checked;
  return {
    ok: true,
    json: new TextEncoder().encode(JSON.stringify(checked.file)),
    facts: runFacts(checked.file),
  };
}

/** A save request read from its frame: ready for the library, or the reply that refuses it. */
export type SaveFrame =
  | {
      readonly kind: 'save';
      readonly id: number;
      readonly name?: string;
      readonly auto: boolean;
      readonly json: Uint8Array<ArrayBuffer>;
      readonly facts: RunFacts;
    }
  | { readonly kind: 'refused'; readonly reply: WireReply | WirePush };

/** Reads a `saveToLibrary` request frame; any other operation is refused (it cannot be large). */
export function readSaveFrame(text: string): SaveFrame {
  const refuse = (reply: WireReply | WirePush): SaveFrame => ({ kind: 'refused', reply });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse({ kind: 'error', error: 'invalid request: not JSON' });
  }
  const envelope = WireRequestSchema.safeParse(raw);
  if (!envelope.success) {
    const error = `invalid request: ${zodProblem(envelope.error, { fallback: 'bad request' })}`;
    return refuse({ kind: 'error', error });
  }
  const { id, op, args } = envelope.data;
  const no = (error: string): SaveFrame => refuse({ kind: 'reply', id, ok: false, error });
  // The size gate read the op from the frame's start; a big frame must really be a save.
  if (op !== 'saveToLibrary') return no(`${op.slice(0, 100)} is too large`);
  const checked = OP_SCHEMAS.saveToLibrary.args.safeParse(args);
  if (!checked.success) return no(describeArgsProblem('saveToLibrary', checked.error));
  const [request] = checked.data;
  const file = checkRunFile(request.file);
  if (!file.ok) return no(file.error);
  return {
    kind: 'save',
    id,
    ...(request.name === undefined ? {} : { name: request.name }),
    auto: request.auto,
    json: new TextEncoder().encode(JSON.stringify(file.file)),
    facts: runFacts(file.file),
  };
}
