// Navigation, new windows and webviews are denied on every webContents; the page source is
// the built file or a loopback dev server, nothing else.
import { describe, expect, it } from 'vitest';
import { guardContents, type GuardableContents } from './window-guards';
import { pageSource } from './window-options';

describe('guardContents', () => {
  it('prevents navigation, redirects and webviews, and denies window.open', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: 'deny' }) | undefined;
    const contents: GuardableContents = {
      on: (event, listener) => listeners.set(event, listener),
      setWindowOpenHandler: (h) => void (openHandler = h),
    };
    guardContents(contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => void (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('pageSource', () => {
  it('loads the built file unless a loopback dev server is given', () => {
    expect(pageSource('/app/out/main', undefined)).toEqual({
      kind: 'file',
      path: '/app/out/renderer/index.html',
      url: 'file:///app/out/renderer/index.html',
    });
    expect(pageSource('/app/out/main', 'http://localhost:5173/').kind).toBe('url');
    expect(pageSource('/app/out/main', 'http://localhost.evil.example/').kind).toBe('file');
    expect(pageSource('/app/out/main', 'https://evil.example/').kind).toBe('file');
  });
});
