// The loop every worker thread and child process runs: take the init, say who we are (real pid
// and OS thread id), run the units the engine sends, stream slices back in batches.
import type { FromWorker, ToWorker, WorkerInit } from '../shared/worker-protocol';
import { identifyThread } from './core-probe';
import { Gil } from './gil';
import { runUnit } from './programs';
import { Recorder } from './recorder';
import { InjectedCrash, Runtime } from './runtime';

export interface Channel {
  send(message: FromWorker): void;
  onMessage(listener: (message: ToWorker) => void): void;
  /** Ends this worker (thread or process). */
  exit(code: number): void;
}

export function serveWorker(channel: Channel): void {
  let runtime: Runtime | undefined;
  let busy: Promise<void> = Promise.resolve();

  const init = (msg: WorkerInit): void => {
    const who = identifyThread();
    const recorder = new Recorder(msg.actorId, BigInt(msg.originNs), msg.trace, who.probe, (data) =>
      channel.send({ kind: 'slices', data }),
    );
    runtime = new Runtime({
      recorder,
      gil: msg.gil ? new Gil(msg.gil, msg.actorId) : undefined,
      fault: msg.fault,
      onTaskDone: (task, tUs) => channel.send({ kind: 'task-done', task, tUs }),
    });
    channel.send({
      kind: 'ready',
      pid: who.pid,
      tid: who.tid,
      coresObservable: who.probe !== undefined,
    });
  };

  channel.onMessage((msg) => {
    switch (msg.kind) {
      case 'init':
        init(msg);
        return;
      case 'ping':
        channel.send({ kind: 'pong', seq: msg.seq, nowNs: process.hrtime.bigint().toString() });
        return;
      case 'stop':
        busy.finally(() => channel.exit(0)).catch(() => channel.exit(0));
        return;
      case 'run': {
        const rt = runtime;
        if (!rt) throw new Error('run before init');
        busy = busy.then(async () => {
          try {
            await runUnit(rt, msg.unit);
            rt.idle();
            const t = rt.rec.now();
            rt.rec.flush(t, true);
            channel.send({ kind: 'unit-done', unitId: msg.unitId, tUs: t });
          } catch (e) {
            rt.idle();
            rt.rec.flush(rt.rec.now(), true);
            if (e instanceof InjectedCrash) {
              // Outside any promise chain: a real uncaught exception that kills this worker.
              setImmediate(() => {
                throw e;
              });
              return;
            }
            channel.send({
              kind: 'unit-failed',
              unitId: msg.unitId,
              reason: String(e instanceof Error ? e.message : e),
            });
          }
        });
        return;
      }
    }
  });
}
