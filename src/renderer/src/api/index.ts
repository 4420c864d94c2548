// The renderer's one way to the engine: Electron's preload API when present, else a WebSocket
// to the browser host that served this page. Components call getApi() and never know which.
import type { CoreScopeApi } from '../../../shared/contract';
import { createBrowserSocket } from './browser-socket';
import { WsApiClient } from './ws-client';

let api: CoreScopeApi | undefined;

export function getApi(): CoreScopeApi {
  if (api === undefined) {
    const bridged = window.corescope;
    api =
      bridged ??
      new WsApiClient(`ws://${window.location.host}/ws`, { createSocket: createBrowserSocket });
  }
  return api;
}
