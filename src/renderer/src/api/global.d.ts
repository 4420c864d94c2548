// `window.corescope`: the API the Electron preload exposes through contextBridge. Absent when the
// renderer is served by the browser host, which getApi() then reaches over a WebSocket.
import type { CoreScopeApi } from '../../../shared/contract';

declare global {
  interface Window {
    readonly corescope?: CoreScopeApi;
  }
}

export {};
