// Which page the window shows: electron-vite's dev server in dev (loopback http only), else the
// built file. Pure, so it is unit-tested; the IPC sender check compares against the same URL.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type PageSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'file'; readonly path: string; readonly url: string };

/** `mainDir` is out/main (the bundled main's __dirname). */
export function pageSource(mainDir: string, devUrl: string | undefined): PageSource {
  if (devUrl !== undefined && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(devUrl)) {
    return { kind: 'url', url: devUrl };
  }
  const path = join(mainDir, '..', 'renderer', 'index.html');
  return { kind: 'file', path, url: pathToFileURL(path).href };
}
