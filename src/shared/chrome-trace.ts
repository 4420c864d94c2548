// The Chrome Trace Event Format of a CoreScope run, in one import: writer, reader and types.
export type { ChromeTrace, TraceEvent } from './chrome-trace-schema';
export { toChromeTrace } from './chrome-trace-export';
export { fromChromeTrace, type ImportResult } from './chrome-trace-import';
