// The host side of every operation, shared by Electron's IPC and the browser host's WebSocket:
// check the arguments against the table, call the one handler, and turn whatever it returns or
// throws into an OpReply. No handler ever sees arguments that failed their schema.
import type { z } from 'zod';
import { OP_SCHEMAS, OPERATIONS, type OpHandlers, type OpName, type OpReply } from './operations';

/** One line naming what is wrong with an operation's arguments. */
export function describeArgsProblem(name: OpName, error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return `invalid ${name} request`;
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    if (issue.path.length === 0) return `invalid ${name} request: wrong number of arguments`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown parameter: ${issue.keys.join(', ')}`;
  // Arguments are a tuple: drop the index of a single argument, name it for several.
  const single = OPERATIONS[name].args.def.items.length === 1;
  const [first, ...rest] = issue.path.map(String);
  const where = [
    ...(single || first === undefined ? [] : [`argument ${Number(first) + 1}`]),
    ...rest,
  ];
  const last = where.at(-1);
  // Field rules already name their field ("workers must be from 1 to 64"): do not repeat it.
  if (last === undefined || issue.message.startsWith(last)) return issue.message;
  return `${where.join('.')}: ${issue.message}`;
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
