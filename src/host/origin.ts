// Which WebSocket Origins the host accepts: only pages it served itself. A page on any other
// site (or a file://, or a missing Origin from a non-browser client) could otherwise start
// workloads on this machine through a socket to 127.0.0.1.
export function allowedOrigins(port: number): readonly string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false;
  return allowedOrigins(port).includes(origin);
}

/**
 * The Host header must name us too: a DNS-rebinding page has a foreign hostname in both its
 * Origin and its Host, so checking both closes that door even if an Origin check were bypassed.
 */
export function isAllowedHostHeader(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
