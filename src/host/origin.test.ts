// Origin and Host checks of the WebSocket upgrade.
import { describe, expect, it } from 'vitest';
import { isAllowedHostHeader, isAllowedOrigin } from './origin';

describe('isAllowedOrigin', () => {
  it('accepts only our own page origins on our port', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5183', 5183)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5183', 5183)).toBe(true);
  });

  it.each([
    [undefined],
    ['null'],
    ['http://127.0.0.1:5184'],
    ['https://127.0.0.1:5183'],
    ['http://evil.example'],
    ['http://127.0.0.1:5183.evil.example'],
    ['file://'],
  ])('refuses %s', (origin) => {
    expect(isAllowedOrigin(origin, 5183)).toBe(false);
  });
});

describe('isAllowedHostHeader', () => {
  it('accepts loopback names with our port only', () => {
    expect(isAllowedHostHeader('127.0.0.1:80', 80)).toBe(true);
    expect(isAllowedHostHeader('localhost:80', 80)).toBe(true);
    expect(isAllowedHostHeader('rebind.example:80', 80)).toBe(false);
    expect(isAllowedHostHeader(undefined, 80)).toBe(false);
  });
});
