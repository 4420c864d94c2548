// The sandboxed preload: exposes CoreScopeApi as `window.corescope`, one method per operation.
// The raw ipcRenderer never reaches the page; each method invokes exactly one contract channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, type CoreScopeApi, type RunMessage } from '../shared/contract';
import { DESKTOP_IPC } from '../shared/desktop-contract';
import { LIBRARY_IPC } from '../shared/library-contract';

const api: CoreScopeApi = {
  machineInfo: () => ipcRenderer.invoke(IPC.machineInfo),
  listScenarios: () => ipcRenderer.invoke(IPC.listScenarios),
  startRun: (params) => ipcRenderer.invoke(IPC.startRun, params),
  cancelRun: (runId) => ipcRenderer.invoke(IPC.cancelRun, runId),
  listLibrary: () => ipcRenderer.invoke(LIBRARY_IPC.list),
  saveToLibrary: (request) => ipcRenderer.invoke(LIBRARY_IPC.save, request),
  openFromLibrary: (id) => ipcRenderer.invoke(LIBRARY_IPC.open, id),
  renameInLibrary: (id, name) => ipcRenderer.invoke(LIBRARY_IPC.rename, id, name),
  deleteFromLibrary: (id) => ipcRenderer.invoke(LIBRARY_IPC.remove, id),
  saveFile: (request) => ipcRenderer.invoke(DESKTOP_IPC.saveFile, request),
  setFullScreen: (on) => ipcRenderer.invoke(DESKTOP_IPC.setFullScreen, on),
  subscribeRuns: (listener) => {
    // A fresh wrapper per subscriber, so unsubscribing removes exactly this one; the event
    // object (with its sender) stays in the preload.
    const wrapped = (_event: IpcRendererEvent, message: RunMessage): void => listener(message);
    ipcRenderer.on(IPC.runMessage, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC.runMessage, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('corescope', api);
