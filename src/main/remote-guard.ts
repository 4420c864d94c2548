// "No remote content": the session cancels every request that is not our own page's. Built
// pages load from file:; in dev, only the loopback Vite server (and its HMR socket) is allowed.
// Catches what the CSP cannot see, such as requests from the main process's own session use.

export function isAllowedRequest(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // blob: for snapshot downloads the page makes itself; devtools: for the inspector.
  if (['file:', 'data:', 'blob:', 'devtools:'].includes(parsed.protocol)) return true;
  if (devServerUrl === undefined) return false;
  const dev = new URL(devServerUrl);
  const sameServer = parsed.hostname === dev.hostname && parsed.port === dev.port;
  return sameServer && ['http:', 'ws:'].includes(parsed.protocol);
}

/** The part of electron's Session.webRequest used here. */
export interface RequestHookSession {
  readonly webRequest: {
    onBeforeRequest(
      listener: (
        details: { readonly url: string },
        callback: (response: { cancel?: boolean }) => void,
      ) => void,
    ): void;
  };
}

export function blockRemoteRequests(
  session: RequestHookSession,
  devServerUrl: string | undefined,
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) });
  });
}
