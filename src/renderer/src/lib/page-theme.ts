// The page's theme on the root element: data-theme (app.css's colours) and the colours the
// canvas shares with the page (pageColours). The boot script in <head> (theme-boot.ts) puts the
// saved theme (data-theme and page colours) on the page before its first paint; main.ts applies
// it again before the app mounts; app.css's default follows the system's light or dark preference where
// nothing is saved.
import { THEME_KEY } from './theme-boot';
import { isThemeName, pageColours, type ThemeName } from './themes';

export { THEME_KEY };

/** The system's preference where nothing is saved: the same one app.css's default follows. */
function systemTheme(): ThemeName {
  try {
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/**
 * The theme saved on an earlier visit; where none is (or storage is unavailable), the system's
 * light or dark preference, so the page never turns light after app.css showed it dark.
 */
export function storedTheme(): ThemeName {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return isThemeName(v) ? v : systemTheme();
  } catch {
    return systemTheme();
  }
}

/** The part of the root element the theme sets (a plain object works in tests). */
export interface ThemeRoot {
  readonly dataset: Record<string, string | undefined>;
  readonly style: { setProperty(name: string, value: string): void };
}

export function applyPageTheme(root: ThemeRoot, name: ThemeName): void {
  root.dataset['theme'] = name;
  for (const [prop, value] of Object.entries(pageColours(name)))
    root.style.setProperty(prop, value);
}
