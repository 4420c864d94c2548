// The shell's CSP and its header hook.
import { describe, expect, it } from 'vitest';
import { installCsp, shellCsp, withSecurityHeaders, type HeaderHookSession } from './csp';

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
