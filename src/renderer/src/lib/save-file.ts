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

/** A file name stem without path separators, control characters or leading dots. */
export function safeStem(text: string): string {
  const stem = text
    .replace(/[^A-Za-z0-9._ -]+/g, '-')
    .replace(/^[.\s-]+/, '')
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return stem === '' ? 'corescope' : stem;
}

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
