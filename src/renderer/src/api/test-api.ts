// A CoreScopeApi for unit tests of the renderer's state: the given methods, and every other
// operation answering with a refusal (through the real client code), so a test states only the
// operations it uses and a stray call fails loudly instead of returning a made-up value.
import type { CoreScopeApi } from '../../../shared/contract';
import { operationMethods } from '../../../shared/op-client';
import { HOST_OP_NAMES } from '../../../shared/operations';

export function testApi(methods: Partial<CoreScopeApi>): CoreScopeApi {
  const refusing = operationMethods(HOST_OP_NAMES, async (name) => ({
    ok: false,
    error: `${name} is not part of this test`,
  }));
  return { ...refusing, subscribeRuns: () => () => undefined, ...methods };
}
