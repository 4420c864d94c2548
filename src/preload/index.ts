// The sandboxed preload: exposes CoreScopeApi as `window.corescope`. Its methods are derived from
// the operations table, one per operation, each invoking exactly that operation's channel; the
// raw ipcRenderer never reaches the page. Replies are checked and unwrapped by the same code the
// WebSocket client uses, so the page meets one error convention in both hosts.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreScopeApi, RunMessage } from '../shared/contract';
import { operationMethods } from '../shared/op-client';
import { ipcChannel, OP_NAMES, RUN_MESSAGE_CHANNEL } from '../shared/operations';

const api: CoreScopeApi = {
  ...operationMethods(OP_NAMES, (name, args) => ipcRenderer.invoke(ipcChannel(name), ...args)),
  subscribeRuns: (listener) => {
    // A fresh wrapper per subscriber, so unsubscribing removes exactly this one; the event
    // object (with its sender) stays in the preload.
    const wrapped = (_event: IpcRendererEvent, message: RunMessage): void => listener(message);
    ipcRenderer.on(RUN_MESSAGE_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(RUN_MESSAGE_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('corescope', api);
