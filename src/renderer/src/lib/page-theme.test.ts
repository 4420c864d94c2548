// The page theme: applied to the root element with the colours the canvas shares, read back
// from storage (the system's preference when nothing usable is saved). app.css's before-script
// default is measured in the page (e2e/theme-first-frame.spec.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { THEME_KEY, applyPageTheme, storedTheme } from './page-theme';
import { pageColours } from './themes';

function fakeRoot(): { dataset: Record<string, string | undefined>; props: Map<string, string> } & {
  style: { setProperty(name: string, value: string): void };
} {
  const props = new Map<string, string>();
  return { dataset: {}, props, style: { setProperty: (n, v) => void props.set(n, v) } };
}

/** Only getItem is read: a full Storage would be noise. */
function storage(value: string | null, fails = false): { getItem(key: string): string | null } {
  return {
    getItem: (key: string) => {
      if (fails) throw new Error('storage unavailable');
      return key === THEME_KEY ? value : null;
    },
  };
}

const prefers = (dark: boolean) => (query: string) => ({
  matches: dark && query === '(prefers-color-scheme: dark)',
});

describe('page theme', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('puts the theme name and its page colours on the root', () => {
    const root = fakeRoot();
    applyPageTheme(root, 'dark');
    expect(root.dataset['theme']).toBe('dark');
    expect(Object.fromEntries(root.props)).toEqual(pageColours('dark'));
  });

  it("reads the saved theme, else the system's preference (nothing, junk or no storage)", () => {
    vi.stubGlobal('matchMedia', prefers(true));
    vi.stubGlobal('localStorage', storage('contrast'));
    expect(storedTheme()).toBe('contrast');
    vi.stubGlobal('localStorage', storage('purple'));
    expect(storedTheme()).toBe('dark');
    vi.stubGlobal('localStorage', storage(null));
    expect(storedTheme()).toBe('dark');
    vi.stubGlobal('localStorage', storage('contrast', true));
    expect(storedTheme()).toBe('dark');
    vi.stubGlobal('matchMedia', prefers(false));
    expect(storedTheme()).toBe('light');
    vi.stubGlobal('localStorage', storage('dark'));
    expect(storedTheme()).toBe('dark');
  });
});
