// Result schemas of the operations whose values come from the engine itself (machine, scenarios,
// run meta, the run in progress). The host built them, so these are cheap structural guards that
// turn a protocol bug into a clear error, not full schemas of every field; they pass the value
// through unchanged (a zod object would drop the optional fields it does not list).
import type { MachineInfo, RunMeta } from './events';
import type { PythonAvailability } from './python';
import type { ScenarioInfo } from './scenarios';
import type { WireRunEvent } from './wire';
import { z } from './zod-mini';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isMachineInfo(value: unknown): value is MachineInfo {
  return (
    isRecord(value) &&
    typeof value.cpuModel === 'string' &&
    typeof value.logicalCores === 'number' &&
    typeof value.coresObservable === 'boolean'
  );
}

export function isScenarioList(value: unknown): value is readonly ScenarioInfo[] {
  return (
    Array.isArray(value) &&
    value.every((s) => isRecord(s) && typeof s.id === 'string' && isRecord(s.defaults))
  );
}

export function isRunMeta(value: unknown): value is RunMeta {
  return (
    isRecord(value) &&
    typeof value.runId === 'string' &&
    isRecord(value.params) &&
    isMachineInfo(value.machine) &&
    isRecord(value.clock)
  );
}

const EVENT_KINDS: ReadonlySet<unknown> = new Set([
  'actor',
  'tasks',
  'slices',
  'os',
  'task-done',
  'failure',
]);

export function isWireRunEvent(value: unknown): value is WireRunEvent {
  if (!isRecord(value) || !EVENT_KINDS.has(value.kind)) return false;
  return value.kind !== 'slices' || Array.isArray(value.data);
}

export function isPythonAvailability(value: unknown): value is PythonAvailability {
  if (!isRecord(value) || typeof value.interpreter !== 'string') return false;
  return value.available === true
    ? typeof value.runtime === 'string' && typeof value.gil === 'boolean'
    : value.available === false && typeof value.reason === 'string';
}

export const PythonAvailabilityResult = z.custom<PythonAvailability>(
  isPythonAvailability,
  'not an interpreter description',
);
export const MachineInfoResult = z.custom<MachineInfo>(isMachineInfo, 'not a machine description');
export const ScenarioListResult = z.custom<readonly ScenarioInfo[]>(
  isScenarioList,
  'not a scenario list',
);
export const RunMetaResult = z.custom<RunMeta>(isRunMeta, 'not a run description');

/** The run in progress as a page that (re)connects adopts it: what it is and what happened. */
export const CurrentRunSchema = z.object({
  meta: RunMetaResult,
  events: z.array(z.custom<WireRunEvent>(isWireRunEvent, 'not a run event')),
});
export type CurrentRun = z.output<typeof CurrentRunSchema>;
