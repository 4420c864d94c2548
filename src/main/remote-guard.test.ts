// Which requests the shell's session lets through.
import { describe, expect, it } from 'vitest';
import { blockRemoteRequests, isAllowedRequest } from './remote-guard';

describe('isAllowedRequest', () => {
  it('allows the built page and inline data, nothing remote', () => {
    expect(isAllowedRequest('file:///app/out/renderer/assets/index.js', undefined)).toBe(true);
    expect(isAllowedRequest('data:,', undefined)).toBe(true);
    expect(isAllowedRequest('blob:file:///0b2c', undefined)).toBe(true);
    expect(isAllowedRequest('https://cdn.example/x.js', undefined)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/', undefined)).toBe(false);
    expect(isAllowedRequest('not a url', undefined)).toBe(false);
  });

  it('allows only the dev server and its HMR socket in dev', () => {
    const dev = 'http://localhost:5173/';
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('https://evil.example/', dev)).toBe(false);
  });
});

describe('blockRemoteRequests', () => {
  it('cancels a remote request', () => {
    let listener:
      | Parameters<Parameters<typeof blockRemoteRequests>[0]['webRequest']['onBeforeRequest']>[0]
      | undefined;
    blockRemoteRequests({ webRequest: { onBeforeRequest: (l) => void (listener = l) } }, undefined);
    let cancel: boolean | undefined;
    listener?.({ url: 'https://evil.example/' }, (r) => void (cancel = r.cancel));
    expect(cancel).toBe(true);
  });
});
