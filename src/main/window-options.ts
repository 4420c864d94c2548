// The BrowserWindow options: the Electron security checklist in one place (isolation, sandbox,
// no Node, web security on, no webview, no insecure content). Pure, so it is unit-tested.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WindowSpec {
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly show: boolean;
  readonly title: string;
  readonly backgroundColor: string;
  readonly webPreferences: {
    readonly preload: string;
    readonly contextIsolation: true;
    readonly sandbox: true;
    readonly nodeIntegration: false;
    readonly nodeIntegrationInWorker: false;
    readonly nodeIntegrationInSubFrames: false;
    readonly webSecurity: true;
    readonly allowRunningInsecureContent: false;
    readonly experimentalFeatures: false;
    readonly webviewTag: false;
    readonly navigateOnDragDrop: false;
    readonly spellcheck: false;
  };
}

/** `mainDir` is out/main (the bundled main's __dirname). */
export function windowSpec(mainDir: string): WindowSpec {
  return {
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
    },
  };
}

export type PageSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'file'; readonly path: string; readonly url: string };

/** Dev server URL from electron-vite in dev (only http on loopback), else the built page. */
export function pageSource(mainDir: string, devUrl: string | undefined): PageSource {
  if (devUrl !== undefined && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?/.test(devUrl)) {
    return { kind: 'url', url: devUrl };
  }
  const path = join(mainDir, '..', 'renderer', 'index.html');
  return { kind: 'file', path, url: pathToFileURL(path).href };
}
