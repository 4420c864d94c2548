// The lifeline between the engine and every child process it starts: the child inherits the read
// end of a pipe whose only write end the engine holds and never writes to. However the engine
// ends (even SIGKILL, which runs no handler), the kernel closes that write end, the child reads
// end-of-file and ends itself. The variable names the child's descriptor number; a child started
// without it has no lifeline. Any runtime can keep the promise: a Node child watches from a
// worker thread (src/workers/lifeline-watch.ts), a Python child from a thread blocked in
// os.read(fd, 1) that calls os._exit when it returns b''.
export const LIFELINE_ENV = 'CORESCOPE_LIFELINE_FD';

/** The descriptor number named by the environment, when it is a plausible one. */
export function lifelineFd(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,4}$/.test(value)) return undefined;
  const fd = Number(value);
  return fd >= 3 ? fd : undefined;
}
