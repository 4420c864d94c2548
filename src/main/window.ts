// Creates the one app window. The webPreferences stay a literal at the constructor call so
// static scanners (electronegativity) can see every checklist setting: isolation, sandbox, no
// Node, web security, no webview, no insecure content, no middle-click new windows, and no
// DevTools outside development.
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { PageSource } from './window-options';

/** `mainDir` is out/main (the bundled main's __dirname). */
export function createMainWindow(mainDir: string, page: PageSource): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'CoreScope',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(mainDir, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      // DevTools only against the dev server: a built app gives no one a console into the page.
      devTools: page.kind === 'url',
    },
  });
  win.once('ready-to-show', () => win.show());
  if (page.kind === 'url') void win.loadURL(page.url);
  else void win.loadFile(page.path);
  return win;
}
