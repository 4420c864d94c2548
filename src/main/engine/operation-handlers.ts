// The handlers of every operation both hosts offer, over the engine's RunService and the run
// library. Electron's IPC and the browser host's WebSocket both register exactly these (Electron
// adds its desktop-only ones), so an operation behaves the same whichever host serves the page.
// Arguments arrive checked against the operations table; a refusal is thrown as an Error.
import type { LibraryResult } from '../../shared/library-contract';
import type { HostOpName, OpHandlers } from '../../shared/operations';
import { encodeRunEvent } from '../../shared/wire';
import type { RunLibrary } from './library';
import type { RunService } from './run-service';

type RunOps =
  'machineInfo' | 'listScenarios' | 'startRun' | 'cancelRun' | 'currentRun' | 'setPython';
type LibraryOps = Exclude<HostOpName, RunOps>;

export function runHandlers(service: RunService): OpHandlers<RunOps> {
  return {
    machineInfo: () => service.machineInfo(),
    listScenarios: () => service.listScenarios(),
    startRun: (params) => {
      // The table checked the shape; the service fills defaults and checks machine limits.
      const started = service.startRun(params);
      if (!started.ok) throw new Error(started.error);
      return started.meta;
    },
    cancelRun: (runId) => {
      service.cancelRun(runId);
      return null;
    },
    setPython: async (path) => {
      const set = await service.setPython(path ?? undefined);
      if (!set.ok) throw new Error(set.error);
      return set.python;
    },
    currentRun: () => {
      const run = service.currentRun();
      return run === undefined ? null : { meta: run.meta, events: run.events.map(encodeRunEvent) };
    },
  };
}

async function value<T>(result: Promise<LibraryResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Without a library (a test host), each library operation says so. */
export function libraryHandlers(library: RunLibrary | undefined): OpHandlers<LibraryOps> {
  if (library === undefined) {
    const none = (): never => {
      throw new Error('this host has no run library');
    };
    return {
      listLibrary: none,
      saveToLibrary: none,
      openFromLibrary: none,
      renameInLibrary: none,
      deleteFromLibrary: none,
    };
  }
  return {
    listLibrary: () => value(library.list()),
    saveToLibrary: (request) => value(library.save(request)),
    openFromLibrary: (id) => value(library.open(id)),
    renameInLibrary: (id, name) => value(library.rename(id, name)),
    deleteFromLibrary: (id) => value(library.remove(id)),
  };
}

export interface EngineParts {
  readonly service: RunService;
  readonly library?: RunLibrary;
}

/** Every operation the browser host offers; Electron adds the desktop-only ones. */
export function engineHandlers(parts: EngineParts): OpHandlers<HostOpName> {
  return { ...runHandlers(parts.service), ...libraryHandlers(parts.library) };
}
