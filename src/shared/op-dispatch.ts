// The host side of every operation, shared by Electron's IPC and the browser host's WebSocket:
// check the arguments against the table, call the one handler, and turn whatever it returns or
// throws into an OpReply. No handler ever sees arguments that failed their schema.
import { zodProblem } from './zod-format';
import type { z } from './zod-mini';
import { OP_SCHEMAS, OPERATIONS, type OpHandlers, type OpName, type OpReply } from './operations';

/**
 * The issue zod reports for a union: the branch the input came closest to (fewest problems), so
 * a model run is told about models and a Python run about scripts.
 */
function closest(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
  const first = best[0];
  return first === undefined ? issue : closest({ ...first, path: [...issue.path, ...first.path] });
}

/** One line naming what is wrong with an operation's arguments. */
export function describeArgsProblem(name: OpName, error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return `invalid ${name} request`;
  const issue = closest(first);
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.path.length === 0) {
    return `invalid ${name} request: wrong number of arguments`;
  }
  // Arguments are a tuple: drop the index of a single argument, name it for several.
  const single = OPERATIONS[name].args.def.items.length === 1;
  const [index, ...rest] = issue.path;
  const where =
    index === undefined ? [] : single ? rest : [`argument ${Number(index) + 1}`, ...rest];
  return zodProblem({ issues: [{ ...issue, path: where }] }, { keyNoun: 'parameter' });
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Checks `args` against the table, then calls the handler; never throws. */
export async function callOperation<K extends OpName>(
  handlers: OpHandlers<K>,
  name: K,
  args: readonly unknown[],
): Promise<OpReply> {
  const parsed = OP_SCHEMAS[name].args.safeParse(args);
  if (!parsed.success) return { ok: false, error: describeArgsProblem(name, parsed.error) };
  try {
    const handler = handlers[name];
    return { ok: true, value: await handler(...parsed.data) };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}
