// The IPC side of CoreScopeApi: one handler per channel of the contract. Each checks the sender,
// validates its arguments with zod and only then delegates to the RunService. Electron objects
// come in as parameters, so this is unit-tested with fakes.
import { z } from 'zod';
import { IPC, type StartResult } from '../shared/contract';
import { isPythonInput, parsePythonRunInput } from '../shared/python';
import { parseRunParams } from '../shared/scenarios';
import type { RunService } from './engine/run-service';
import { isTrustedSender, type SenderEvent, type TrustedPage } from './sender-check';
import { zodProblem } from '../shared/zod-format';

export type Handler<E> = (event: E, ...args: unknown[]) => unknown;

/** The part of electron's ipcMain used here. */
export interface IpcMainLike<E extends SenderEvent> {
  handle(channel: string, listener: Handler<E>): void;
  removeHandler(channel: string): void;
}

const NoArgs = z.tuple([]);
const StartArgs = z.tuple([z.unknown()]);
const CancelArgs = z.tuple([z.string().min(1).max(100)]);

function invalid(channel: string, error: z.ZodError): Error {
  return new Error(
    `invalid ${channel} payload: ${zodProblem(error, { fallback: 'bad arguments' })}`,
  );
}

export function registerIpcHandlers<E extends SenderEvent>(
  ipc: IpcMainLike<E>,
  service: RunService,
  page: TrustedPage,
): () => void {
  const guarded =
    (channel: string, body: (args: unknown[]) => unknown): Handler<E> =>
    (event, ...args) => {
      if (!isTrustedSender(event, page)) throw new Error(`refused ${channel}: untrusted sender`);
      return body(args);
    };

  ipc.handle(
    IPC.machineInfo,
    guarded(IPC.machineInfo, (args) => {
      const parsed = NoArgs.safeParse(args);
      if (!parsed.success) throw invalid(IPC.machineInfo, parsed.error);
      return service.machineInfo();
    }),
  );
  ipc.handle(
    IPC.listScenarios,
    guarded(IPC.listScenarios, (args) => {
      const parsed = NoArgs.safeParse(args);
      if (!parsed.success) throw invalid(IPC.listScenarios, parsed.error);
      return service.listScenarios();
    }),
  );
  ipc.handle(
    IPC.startRun,
    guarded(IPC.startRun, (args): StartResult => {
      const parsed = StartArgs.safeParse(args);
      if (!parsed.success) return { ok: false, error: invalid(IPC.startRun, parsed.error).message };
      // Validated here and again by the service: the shell never forwards what it did not check.
      const input = parsed.data[0];
      const cores = service.machineInfo().logicalCores;
      const params = isPythonInput(input)
        ? parsePythonRunInput(input, cores)
        : parseRunParams(input, cores);
      if (!params.ok) return { ok: false, error: params.error };
      return service.startRun(input);
    }),
  );
  ipc.handle(
    IPC.cancelRun,
    guarded(IPC.cancelRun, (args) => {
      const parsed = CancelArgs.safeParse(args);
      if (!parsed.success) throw invalid(IPC.cancelRun, parsed.error);
      service.cancelRun(parsed.data[0]);
      return undefined;
    }),
  );

  return () => {
    for (const channel of [IPC.machineInfo, IPC.listScenarios, IPC.startRun, IPC.cancelRun]) {
      ipc.removeHandler(channel);
    }
  };
}
