import { describe, expect, it } from 'vitest';
import { applyPageTheme } from './page-theme';
import { THEMES } from './themes';
import { THEME_KEY, themeBootSource } from './theme-boot';

interface Root {
  readonly attrs: Map<string, string>;
  readonly props: Map<string, string>;
}

/** Runs the boot script against a storage and a root element of our own. */
function boot(stored: string | null | Error): Root {
  const attrs = new Map<string, string>();
  const props = new Map<string, string>();
  const localStorage = {
    getItem(key: string): string | null {
      if (stored instanceof Error) throw stored;
      return key === THEME_KEY ? stored : null;
    },
  };
  const document = {
    documentElement: {
      setAttribute: (k: string, v: string) => void attrs.set(k, v),
      style: { setProperty: (k: string, v: string) => void props.set(k, v) },
    },
  };
  new Function('localStorage', 'document', themeBootSource())(localStorage, document);
  return { attrs, props };
}

describe('the theme boot script', () => {
  it('puts every saved theme on <html> as applyPageTheme does', () => {
    for (const name of THEMES) {
      const booted = boot(name);
      const dataset: Record<string, string | undefined> = {};
      const props = new Map<string, string>();
      applyPageTheme({ dataset, style: { setProperty: (k, v) => void props.set(k, v) } }, name);
      expect(booted.attrs.get('data-theme')).toBe(name);
      expect(dataset['theme']).toBe(name);
      expect([...booted.props]).toEqual([...props]);
      expect(booted.props.size).toBeGreaterThan(0);
    }
  });

  it('leaves the page to app.css where nothing valid is saved or storage throws', () => {
    for (const stored of [null, 'neon', '"dark"', 'toString', '__proto__', new Error('denied')]) {
      const booted = boot(stored);
      expect(booted.attrs.size).toBe(0);
      expect(booted.props.size).toBe(0);
    }
  });
});
