export interface ThreadAgreement {
  readonly tid: number;
  readonly drawnRunningMs: number;
  readonly kernelOnCpuMs: number;
  readonly sameCoreShare: number;
  readonly otherCoreShare: number;
  readonly offCpuShare: number;
  readonly drawnPreemptedMs: number;
  readonly kernelRunnableMs: number;
}
export interface Agreement {
  readonly wallMs: number;
  readonly threads: readonly ThreadAgreement[];
  readonly drawnRunningMs: number;
  readonly kernelOnCpuMs: number;
  readonly sameCoreShare: number;
  readonly offCpuShare: number;
  readonly drawnPreemptedMs: number;
  readonly kernelRunnableMs: number;
}
export declare function record(cliArgs: readonly string[]): { trace: unknown; perf: string };
export declare function compare(trace: unknown, perfText: string): Agreement;
