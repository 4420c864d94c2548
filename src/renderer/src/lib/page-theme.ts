// The page's theme on the root element: data-theme (app.css's colours) and the colours the
// canvas shares with the page (pageColours). main.ts applies the saved theme before the app
// mounts, so the first frame the app draws is already in it; app.css's default follows the
// system's light or dark preference for the frames before any script has run.
import { isThemeName, pageColours, type ThemeName } from './themes';

export const THEME_KEY = 'corescope.theme';

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
