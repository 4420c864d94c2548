// The page keeps the host's token and takes it out of the address bar; a reload finds it again.
import { describe, expect, it } from 'vitest';
import { takeToken, type TokenPage } from './host-token';

function page(search: string, stored = new Map<string, string>()) {
  const urls: string[] = [];
  const p: TokenPage = {
    location: { pathname: '/', search, hash: '#x' },
    storage: {
      getItem: (k) => stored.get(k) ?? null,
      setItem: (k, v) => void stored.set(k, v),
    },
    replaceUrl: (u) => void urls.push(u),
  };
  return { p, urls, stored };
}

describe('takeToken', () => {
  it('takes the token from the address, drops it there and keeps it for a reload', () => {
    const first = page('?token=abc123&theme=dark');
    expect(takeToken(first.p)).toBe('abc123');
    expect(first.urls).toEqual(['/?theme=dark#x']);
    const reload = page('', first.stored);
    expect(takeToken(reload.p)).toBe('abc123');
    expect(reload.urls).toEqual([]);
  });

  it('has no token when neither the address nor the tab has one', () => {
    expect(takeToken(page('').p)).toBeUndefined();
  });
});
