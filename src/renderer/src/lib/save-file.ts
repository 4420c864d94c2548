// Saving what the user asked for: in Electron through the main process's native save dialog (the
// preload's saveFile), in the browser host as a download (the browser never overwrites: it picks
// a new name). File names are made safe here; contents are built in the renderer.

export type SaveKind = 'png' | 'svg' | 'trace' | 'run';

const MIME: Readonly<Record<SaveKind, string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  trace: 'application/json',
  run: 'application/json',
};

export function mimeOf(kind: SaveKind): string {
  return MIME[kind];
}

/** The stem rule lives beside the save request's name rule, so the two cannot disagree. */
export { safeStem } from '../../../shared/desktop-contract';

/** Starts a browser download of `data` as `name`. */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
