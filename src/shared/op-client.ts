// The caller's side of every operation, shared by the Electron preload and the WebSocket client:
// one method per operation of the table, each sending its arguments through a transport and
// turning the OpReply into the operation's result (checked against its result schema) or an
// Error. The UI therefore meets the same convention, whichever host it runs in.
import {
  OP_SCHEMAS,
  type OpCallArgs,
  type OpMethod,
  type OpName,
  type OpReply,
  type OpResult,
} from './operations';

/** Sends one request and resolves with the host's raw OpReply (not yet checked). */
export type OpTransport = (name: OpName, args: readonly unknown[]) => Promise<unknown>;

export type OpMethods<K extends OpName> = { readonly [P in K]: OpMethod<P> };

function isReply(value: unknown): value is OpReply {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'string';
}

/** The method of one operation over `send`. */
export function operationMethod<K extends OpName>(name: K, send: OpTransport): OpMethod<K> {
  return async (...args: OpCallArgs<K>): Promise<OpResult<K>> => {
    const reply: unknown = await send(name, args);
    if (!isReply(reply)) throw new Error(`the host sent a malformed ${name} reply`);
    if (!reply.ok) throw new Error(reply.error);
    const checked = OP_SCHEMAS[name].result.safeParse(reply.value);
    if (!checked.success) throw new Error(`the host sent a malformed ${name} reply`);
    return checked.data;
  };
}

function hasEvery<K extends OpName>(
  methods: Record<string, unknown>,
  names: readonly K[],
): methods is OpMethods<K> {
  return names.every((n) => typeof methods[n] === 'function');
}

/** One method per name, all over `send`. */
export function operationMethods<K extends OpName>(
  names: readonly K[],
  send: OpTransport,
): OpMethods<K> {
  const methods: Record<string, unknown> = Object.fromEntries(
    names.map((n) => [n, operationMethod(n, send)]),
  );
  if (!hasEvery(methods, names)) throw new Error('an operation has no method');
  return methods;
}
