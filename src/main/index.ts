// Electron main process: a thin shell. It creates one locked-down window, answers the IPC
// contract by delegating to the engine's RunService (and the run library in userData/runs, and
// the native save dialog and full screen), forwards run messages to the window, and disposes the
// service (every worker and child process) when the app goes away. Each run's end carries what
// the window's processes used during it (app.getAppMetrics), for the explanation.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import type { RunMessage } from '../shared/contract';
import { OP_NAMES, RUN_MESSAGE_CHANNEL } from '../shared/operations';
import { createRunService } from './engine/run-service';
import threadEntry from '../workers/thread-entry?modulePath';
import processEntry from '../workers/process-entry?modulePath';
import { installCsp, shellCsp } from './csp';
import { registerOperations } from './ipc-handlers';
import { RunLibrary } from './engine/library';
import { engineHandlers } from './engine/operation-handlers';
import { desktopHandlers, type DesktopShell } from './desktop-handlers';
import { blockRemoteRequests } from './remote-guard';
import { guardContents } from './window-guards';
import { createMainWindow } from './window';
import { pageSource } from './window-options';
import { createRendererMeter } from './renderer-cpu';

app.enableSandbox();

const page = pageSource(__dirname, process.env['ELECTRON_RENDERER_URL']);
const service = createRunService({ entries: { thread: threadEntry, process: processEntry } });
let mainWindow: BrowserWindow | undefined;

// Every webContents, not only ours: a denied navigation must stay denied whatever opened it.
app.on('web-contents-created', (_event, contents) => guardContents(contents));

function createWindow(): BrowserWindow {
  const win = createMainWindow(__dirname, page);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  return win;
}

const meterWindow = createRendererMeter({
  metrics: () => app.getAppMetrics(),
  rendererPid: () => {
    const win = mainWindow;
    return win === undefined || win.isDestroyed() ? undefined : win.webContents.getOSProcessId();
  },
});

function forward(message: RunMessage): void {
  const win = mainWindow;
  const m = meterWindow(message);
  if (win !== undefined && !win.isDestroyed()) win.webContents.send(RUN_MESSAGE_CHANNEL, m);
}

/** The save dialog is modal to our window; full screen applies to it. */
const desktopShell: DesktopShell = {
  showSaveDialog: (options) => {
    const win = mainWindow;
    const opts = { ...options, filters: [...options.filters], properties: [...options.properties] };
    return win !== undefined && !win.isDestroyed()
      ? dialog.showSaveDialog(win, opts)
      : dialog.showSaveDialog(opts);
  },
  setFullScreen: (on) => {
    const win = mainWindow;
    if (win !== undefined && !win.isDestroyed()) win.setFullScreen(on);
  },
  defaultFolder: () => app.getPath('documents'),
};

let disposed = false;
function disposeService(): Promise<void> {
  if (disposed) return Promise.resolve();
  disposed = true;
  return service.dispose();
}

void app.whenReady().then(() => {
  const ses = session.defaultSession;
  const devUrl = page.kind === 'url' ? page.url : undefined;
  installCsp(ses, shellCsp(devUrl));
  blockRemoteRequests(ses, devUrl);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  const trusted = { webContentsId: () => mainWindow?.webContents.id, pageUrl: page.url };
  const library = new RunLibrary({ dir: join(app.getPath('userData'), 'runs') });
  const handlers = { ...engineHandlers({ service, library }), ...desktopHandlers(desktopShell) };
  registerOperations(ipcMain, handlers, OP_NAMES, trusted);
  service.subscribe(forward);
  mainWindow = createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
});

app.on('window-all-closed', () => {
  void disposeService().finally(() => {
    if (process.platform !== 'darwin') app.quit();
  });
});

// Hold the quit until every worker and child process has stopped.
app.on('before-quit', (event) => {
  if (disposed) return;
  event.preventDefault();
  void disposeService().finally(() => app.quit());
});
