// Locks down every webContents the app creates: no navigation away from the page, no new
// windows, no <webview>. The app shows one local page and never any remote content.

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of electron's WebContents used here. */
export interface GuardableContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: PreventableEvent) => void,
  ): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export function guardContents(contents: GuardableContents): void {
  const deny = (event: PreventableEvent): void => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
