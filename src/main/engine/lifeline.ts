// The engine's half of the lifeline (see src/shared/lifeline.ts): one more stdio pipe for a child
// and the variable that tells the child which descriptor it is. libuv opens the pipe close-on-exec,
// so no other child inherits this one's write end; only the engine's death (or the child's exit)
// closes it.
import type { ChildProcess, StdioOptions } from 'node:child_process';
import { LIFELINE_ENV } from '../../shared/lifeline';

type StdioEntry = Exclude<StdioOptions, string>[number];

export interface LifelineSpawn {
  readonly stdio: StdioEntry[];
  readonly env: NodeJS.ProcessEnv;
}

/** Spawn options for a child with a lifeline: `stdio` plus the pipe, `env` plus its fd number. */
export function withLifeline(stdio: readonly StdioEntry[], env: NodeJS.ProcessEnv): LifelineSpawn {
  return {
    stdio: [...stdio, 'pipe'],
    env: { ...env, [LIFELINE_ENV]: String(stdio.length) },
  };
}

/** Keeps the engine's end quiet: nothing is written to it, and a reset at the child's exit is normal. */
export function holdLifeline(child: ChildProcess): void {
  const end = child.stdio.at(-1);
  end?.on('error', () => undefined);
}
