// The shell's Content-Security-Policy, sent as a response header for every request of the
// session. The rules are src/shared/csp-rules.ts, from which the page's meta tag (for file://
// loads, which have no headers) and the browser host's header are made too. Both apply, so the
// effective policy is the stricter of the two.
import { HEADER_CSP } from '../shared/csp-rules';

export const SHELL_CSP = HEADER_CSP;

export function shellCsp(devServerUrl?: string): string {
  // In `electron-vite dev` the page comes from Vite, whose HMR talks over a WebSocket.
  if (devServerUrl === undefined) return SHELL_CSP;
  return SHELL_CSP.replace(
    "connect-src 'self'",
    "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  );
}

type Headers = Record<string, string[]>;

/** The part of electron's Session.webRequest used here. */
export interface HeaderHookSession {
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: { readonly responseHeaders?: Headers },
        callback: (response: { responseHeaders?: Headers }) => void,
      ) => void,
    ): void;
  };
}

/** Replaces any CSP the response carried (in any letter case) with ours, adds nosniff. */
export function withSecurityHeaders(headers: Headers | undefined, csp: string): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'x-content-type-options') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

export function installCsp(session: HeaderHookSession, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders, csp) });
  });
}
