export interface ThreadAgreement {
  readonly tid: number;
  readonly drawnRunningMs: number;
  readonly kernelOnCpuMs: number;
  readonly sameCoreShare: number;
  readonly otherCoreShare: number;
  readonly offCpuShare: number;
  readonly noCoreShare: number;
  readonly kernelDrawnShare: number;
  readonly drawnPreemptedMs: number;
  readonly kernelRunnableMs: number;
  readonly kernelRunnableInSpawningMs: number;
}
export interface Agreement {
  readonly wallMs: number;
  readonly threads: readonly ThreadAgreement[];
  readonly drawnRunningMs: number;
  readonly kernelOnCpuMs: number;
  readonly sameCoreShare: number;
  readonly offCpuShare: number;
  readonly noCoreShare: number;
  readonly rightCoreWhenOnShare: number;
  readonly kernelDrawnShare: number;
  readonly windowShares: {
    readonly '5ms': number;
    readonly '20ms': number;
    readonly '100ms': number;
  };
  readonly drawnPreemptedMs: number;
  readonly kernelRunnableMs: number;
  readonly kernelRunnableInSpawningMs: number;
  readonly kernelTrace: {
    readonly rebuiltSwitchIns: number;
    readonly rebuiltMs: number;
    readonly unboundedSwitchIns: number;
  };
}
export interface KernelIntervals {
  readonly on: ReadonlyMap<number, readonly (readonly [number, number, number])[]>;
  readonly ready: ReadonlyMap<number, readonly (readonly [number, number])[]>;
  readonly stats: {
    readonly rebuilt: number;
    readonly rebuiltUs: number;
    readonly unbounded: number;
  };
}
export declare function record(
  cliArgs: readonly string[],
  keep?: string,
): { trace: unknown; perf: string };
export declare function kernelIntervals(text: string): KernelIntervals;
export declare function compare(trace: unknown, perfText: string): Agreement;
