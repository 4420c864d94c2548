// Who may call our IPC handlers: only the main frame of our own window, showing our own page.
// A frame inside the page, another window, or our window after an (already denied) navigation
// elsewhere is refused, per Electron's security checklist ("validate the sender of all IPC").

/** The parts of IpcMainInvokeEvent the check reads. */
export interface SenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface TrustedPage {
  /** The webContents id of our window, undefined while there is none. */
  readonly webContentsId: () => number | undefined;
  /** The URL the window loads: file:///…/index.html, or the dev server's URL. */
  readonly pageUrl: string;
}

/** file: pages match on the exact file; http(s) dev pages on their origin. */
export function isOurPageUrl(url: string, pageUrl: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(pageUrl);
  } catch {
    return false;
  }
  if (actual.protocol !== expected.protocol) return false;
  if (expected.protocol === 'file:')
    return actual.pathname === expected.pathname && actual.host === '';
  if (expected.protocol === 'http:' || expected.protocol === 'https:')
    return actual.origin === expected.origin;
  return false;
}

export function isTrustedSender(event: SenderEvent, page: TrustedPage): boolean {
  const ours = page.webContentsId();
  if (ours === undefined || event.sender.id !== ours) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isOurPageUrl(frame.url, page.pageUrl);
}
