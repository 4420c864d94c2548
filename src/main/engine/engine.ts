// The engine's entry point: start a run of a scenario under a model on real workers, stream its
// events, and summarise it. Prepares the scenario's outside world (download server, files) before
// the run's clock starts, and removes it afterwards.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RunEvent, RunMeta, RunSummary } from '../../shared/events';
import type { RunParams } from '../../shared/params';
import { coresLimitError } from './affinity';
import { startDownloadServer, type DownloadServer } from './download-server';
import { EventQueue } from './event-queue';
import { machineInfo } from './machine';
import { startOsSampler } from './os-sampler';
import { planRun, type PlanContext } from './plan';
import { RunController, type ControllerResult } from './run-controller';
import { RunStats } from './run-stats';
import { measureSelfCpu } from './self-cpu';
import { writeScratchFiles, type ScratchFiles } from './scratch-files';
import type { RunHandle, StartOptions, WorkerEntries } from './types';

export { machineInfo };

export const DEFAULT_MAX_RUN_MS = 10 * 60_000;
export const DOWNLOAD_LATENCY_MS = 200;
export const DOWNLOAD_BYTES_PER_SECOND = 2 ** 20;

export const CLOCK_SOURCE =
  'CLOCK_MONOTONIC via process.hrtime.bigint(), one clock for every thread and process of the run';

/** Worker entry files that sit beside a bundled engine (out/node). */
export function defaultEntries(dir: string): WorkerEntries {
  return { thread: join(dir, 'thread-entry.cjs'), process: join(dir, 'process-entry.cjs') };
}

export function startRun(params: RunParams, options: StartOptions): RunHandle {
  const machine = machineInfo();
  const meta: RunMeta = {
    runId: randomUUID(),
    params,
    machine,
    startedAt: new Date().toISOString(),
    clock: { source: CLOCK_SOURCE },
  };
  const queue = new EventQueue<RunEvent>();
  const stats = new RunStats(machine.logicalCores);
  const emit = (ev: RunEvent): void => {
    stats.add(ev);
    queue.push(ev);
  };
  let controller: RunController | undefined;
  let cancelled = false;
  const cancel = (): void => {
    cancelled = true;
    controller?.finish('cancelled', undefined, true);
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) cancelled = true;

  const summary = (async (): Promise<RunSummary> => {
    let server: DownloadServer | undefined;
    let files: ScratchFiles | undefined;
    let result: ControllerResult | undefined;
    let wallUs = 0;
    let setupError: string | undefined;
    let engineCpuMs: number | undefined;
    let poolSize = 0;
    let zeroMonotonicUs: number | undefined;
    try {
      const limitError = coresLimitError(params.cores);
      if (limitError !== undefined) throw new Error(limitError);
      const ctx: { -readonly [K in keyof PlanContext]: PlanContext[K] } = {};
      if (params.scenario === 'downloads') {
        server = await startDownloadServer({
          latencyMs: DOWNLOAD_LATENCY_MS * params.scale,
          bytesPerSecond: DOWNLOAD_BYTES_PER_SECOND / params.scale,
        });
        ctx.downloadBase = server.base;
      }
      if (params.scenario === 'mixed') {
        files = await writeScratchFiles(params.tasks, params.size);
        ctx.files = files.files;
      }
      const plan = planRun(params, ctx);
      poolSize = plan.poolSize;
      emit({ kind: 'tasks', tasks: plan.tasks });
      if (!cancelled) {
        const origin = process.hrtime.bigint();
        const sinceZero = (): number =>
          Number(process.hrtime.bigint() - origin) / 1000 - (controller?.timeShiftUs ?? 0);
        // Samples from before a hosted program started belong to CoreScope's start-up: dropped.
        const stopSampler = startOsSampler((busy) => {
          const tUs = sinceZero();
          if (tUs >= 0) emit({ kind: 'os', tUs, busy });
        });
        controller = new RunController(params, plan, origin, options, emit);
        const limit = setTimeout(
          () =>
            controller?.finish(
              'failed',
              `the run exceeded its time limit of ${Math.round((options.maxRunMs ?? DEFAULT_MAX_RUN_MS) / 1000)} s and was stopped`,
              true,
            ),
          options.maxRunMs ?? DEFAULT_MAX_RUN_MS,
        );
        try {
          // The engine thread's own CPU while the run goes on: what observing it cost here.
          const selfCpu = measureSelfCpu();
          result = await controller.run();
          engineCpuMs = selfCpu();
        } finally {
          clearTimeout(limit);
          stopSampler();
        }
        wallUs = Math.max(result.lastUnitUs, stats.lastDoneUs);
        if (result.status !== 'completed') wallUs = Math.max(wallUs, sinceZero());
        zeroMonotonicUs =
          Number(origin / 1000n) + Number(origin % 1000n) / 1000 + controller.timeShiftUs;
      }
    } catch (e) {
      setupError = `the run could not start: ${e instanceof Error ? e.message : String(e)}`;
      emit({ kind: 'failure', tUs: 0, reason: setupError });
    } finally {
      await server?.close();
      await files?.remove();
      options.signal?.removeEventListener('abort', cancel);
    }
    const failures = [...(result?.failures ?? []), ...(setupError ? [{ reason: setupError }] : [])];
    const out: RunSummary = {
      status: setupError ? 'failed' : cancelled ? 'cancelled' : (result?.status ?? 'cancelled'),
      wallMs: wallUs / 1000,
      cpuMs: stats.cpuUs / 1000,
      coreBusy: stats.coreBusy(wallUs),
      osBusy: stats.osBusy(),
      actors: poolSize,
      tasks: params.tasks,
      tasksDone: stats.tasksDone,
      slices: stats.slices,
      failures,
      ...(result?.hostStartUs !== undefined ? { hostStartMs: result.hostStartUs / 1000 } : {}),
      clock: {
        source: CLOCK_SOURCE,
        ...(result?.clockOffsetUs !== undefined ? { maxOffsetUs: result.clockOffsetUs } : {}),
        ...(result?.clockRttUs !== undefined ? { probeRttUs: result.clockRttUs } : {}),
        ...(zeroMonotonicUs !== undefined ? { zeroMonotonicUs } : {}),
      },
      ...(engineCpuMs !== undefined ? { observer: { engineCpuMs } } : {}),
    };
    queue.close();
    return out;
  })();

  return { meta, events: queue, summary, cancel };
}
