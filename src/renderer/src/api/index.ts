// The renderer's one way to the engine: Electron's preload API when present, else a WebSocket
// to the browser host that served this page (with the host's access token). Components call
// getApi() and never know which.
import type { CoreScopeApi } from '../../../shared/contract';
import { operationMethods } from '../../../shared/op-client';
import { HOST_OP_NAMES } from '../../../shared/operations';
import { createBrowserSocket } from './browser-socket';
import { NO_TOKEN, TOKEN_PARAM, takeToken } from './host-token';
import { createWsApi } from './ws-client';

let api: CoreScopeApi | undefined;

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Without a token the host would refuse the socket: say why on every call instead. */
function withoutToken(): CoreScopeApi {
  return {
    ...operationMethods(HOST_OP_NAMES, async () => ({ ok: false, error: NO_TOKEN })),
    subscribeRuns: () => () => undefined,
  };
}

function browserHostApi(): CoreScopeApi {
  const token = takeToken({
    location: window.location,
    storage: sessionStore(),
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  });
  if (token === undefined) return withoutToken();
  const url = `ws://${window.location.host}/ws?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
  return createWsApi(url, { createSocket: createBrowserSocket });
}

export function getApi(): CoreScopeApi {
  api ??= window.corescope ?? browserHostApi();
  return api;
}
