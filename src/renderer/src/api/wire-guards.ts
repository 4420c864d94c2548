// Shape checks for what the browser host sends. The host is same-origin and validates on its
// side, so these are cheap structural guards that turn a protocol bug into a clear error rather
// than a full schema of every event.
import type { StartResult } from '../../../shared/contract';
import type { MachineInfo } from '../../../shared/events';
import type { ScenarioInfo } from '../../../shared/scenarios';
import type { WirePush, WireReply, WireRunMessage } from '../../../shared/wire';

type Incoming = WireReply | WirePush;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRunMessage(value: unknown): value is WireRunMessage {
  if (!isRecord(value) || typeof value.runId !== 'string') return false;
  switch (value.kind) {
    case 'events':
      return Array.isArray(value.events);
    case 'end':
      return isRecord(value.summary);
    case 'error':
      return typeof value.error === 'string';
    default:
      return false;
  }
}

/** Parses one text frame; undefined when it is not a message of the protocol. */
export function parseIncoming(text: string): Incoming | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  if (value.kind === 'reply' && typeof value.id === 'number') {
    if (value.ok === true) return { kind: 'reply', id: value.id, ok: true, value: value.value };
    if (value.ok === false && typeof value.error === 'string') {
      return { kind: 'reply', id: value.id, ok: false, error: value.error };
    }
    return undefined;
  }
  if (value.kind === 'run' && isRunMessage(value.message)) {
    return { kind: 'run', message: value.message };
  }
  if (value.kind === 'error' && typeof value.error === 'string') {
    return { kind: 'error', error: value.error };
  }
  return undefined;
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

export function isStartResult(value: unknown): value is StartResult {
  if (!isRecord(value)) return false;
  if (value.ok === true) return isRecord(value.meta) && typeof value.meta.runId === 'string';
  return value.ok === false && typeof value.error === 'string';
}
