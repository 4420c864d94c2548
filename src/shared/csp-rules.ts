// The one set of Content-Security-Policy rules for every way the page is loaded: Electron's
// response header (src/main/csp.ts), the browser host's header (src/host/security-headers.ts) and
// the page's own meta tag (written into index.html at build time, electron.vite.config.ts), which
// under file:// may be the only policy there is. `connect-src 'self'` also covers the browser
// host's same-origin WebSocket (CSP Level 3), so no ws: source is needed anywhere.

export const CSP_RULES: readonly (readonly [directive: string, sources: string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a meta tag cannot carry (browsers ignore them there, with a console warning). */
const HEADER_ONLY: ReadonlySet<string> = new Set(['frame-ancestors']);

const render = (rules: readonly (readonly [string, string])[]): string =>
  rules.map(([d, s]) => `${d} ${s}`).join('; ');

/** The policy as a response header sends it. */
export const HEADER_CSP = render(CSP_RULES);

/** The same rules as the page's meta tag states them. */
export const META_CSP = render(CSP_RULES.filter(([d]) => !HEADER_ONLY.has(d)));
