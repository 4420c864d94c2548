// IPC sender validation: our window's main frame on our page, nothing else.
import { describe, expect, it } from 'vitest';
import { isOurPageUrl, isTrustedSender, type SenderEvent } from './sender-check';

const PAGE = 'file:///app/out/renderer/index.html';
const page = { webContentsId: () => 7, pageUrl: PAGE };
const top = { parent: null };
const ev = (id: number, frame: SenderEvent['senderFrame']): SenderEvent => ({
  sender: { id },
  senderFrame: frame,
});

describe('isTrustedSender', () => {
  it('accepts the main frame of our window on our page', () => {
    expect(isTrustedSender(ev(7, { ...top, url: PAGE }), page)).toBe(true);
    expect(isTrustedSender(ev(7, { ...top, url: `${PAGE}#cores` }), page)).toBe(true);
  });

  it('refuses another webContents', () => {
    expect(isTrustedSender(ev(8, { ...top, url: PAGE }), page)).toBe(false);
  });

  it('refuses a subframe, a destroyed frame and no window', () => {
    expect(isTrustedSender(ev(7, { parent: {}, url: PAGE }), page)).toBe(false);
    expect(isTrustedSender(ev(7, null), page)).toBe(false);
    expect(
      isTrustedSender(ev(7, { ...top, url: PAGE }), { ...page, webContentsId: () => undefined }),
    ).toBe(false);
  });

  it.each([
    ['https://evil.example/'],
    ['file:///app/out/renderer/other.html'],
    ['file://host/app/out/renderer/index.html'],
    ['about:blank'],
    ['not a url'],
  ])('refuses page %s', (url) => {
    expect(isTrustedSender(ev(7, { ...top, url }), page)).toBe(false);
  });
});

describe('isOurPageUrl', () => {
  it('matches a dev server by origin', () => {
    expect(isOurPageUrl('http://localhost:5173/src/x', 'http://localhost:5173/')).toBe(true);
    expect(isOurPageUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});
