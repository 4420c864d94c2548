// The shell's CSP and its header hook, and the one set of rules behind every policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_RULES, HEADER_CSP, META_CSP } from '../shared/csp-rules';
import {
  installCsp,
  SHELL_CSP,
  shellCsp,
  withSecurityHeaders,
  type HeaderHookSession,
} from './csp';

describe('one set of CSP rules', () => {
  it('is what the shell and the meta tag state (the host: http-host.test.ts)', () => {
    expect(SHELL_CSP).toBe(HEADER_CSP);
    // The meta tag carries every rule a meta tag can: all but frame-ancestors.
    expect(META_CSP).toBe(HEADER_CSP.replace("; frame-ancestors 'none'", ''));
    expect(HEADER_CSP).toContain("frame-ancestors 'none'");
  });

  it('allows no WebSocket or remote source beyond the page itself', () => {
    for (const [, sources] of CSP_RULES) expect(sources).not.toMatch(/ws:|wss:|https?:|\*/);
    expect(HEADER_CSP).toContain("connect-src 'self';");
  });

  it('leaves the page source a placeholder the build fills, not a second copy of the rules', () => {
    const html = readFileSync(join(__dirname, '..', 'renderer', 'index.html'), 'utf8');
    expect(html).toContain('content="%CORESCOPE_CSP%"');
    expect(html).not.toContain('script-src');
  });
});

describe('shellCsp', () => {
  it('allows only our own scripts and no remote connections in production', () => {
    const csp = shellCsp();
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });

  it('adds the loopback WebSocket only for the dev server', () => {
    expect(shellCsp('http://localhost:5173/')).toContain("connect-src 'self' ws://localhost:*");
  });
});

describe('installCsp', () => {
  it('replaces a response CSP in any letter case', () => {
    let hook: Parameters<HeaderHookSession['webRequest']['onHeadersReceived']>[0] | undefined;
    installCsp({ webRequest: { onHeadersReceived: (l) => void (hook = l) } }, 'default-src x');
    let out: Record<string, string[]> | undefined;
    hook?.(
      { responseHeaders: { 'content-security-policy': ['*'], Server: ['s'] } },
      (r) => void (out = r.responseHeaders),
    );
    expect(out).toEqual({
      Server: ['s'],
      'Content-Security-Policy': ['default-src x'],
      'X-Content-Type-Options': ['nosniff'],
    });
  });

  it('works without response headers', () => {
    expect(withSecurityHeaders(undefined, 'c')['Content-Security-Policy']).toEqual(['c']);
  });
});
