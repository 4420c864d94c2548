// HTTP security headers of the browser host. The CSP is the one set of rules the Electron shell
// and the page's meta tag use too (src/shared/csp-rules.ts); its `connect-src 'self'` covers the
// page's same-origin WebSocket to /ws.
import type { ServerResponse } from 'node:http';
import { HEADER_CSP } from '../shared/csp-rules';

export const HOST_CSP = HEADER_CSP;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HOST_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
