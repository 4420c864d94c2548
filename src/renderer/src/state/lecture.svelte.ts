// Lecture-mode settings of the window: presentation mode, the theme (remembered across visits),
// the shortcut list, and where the shown run came from (a live run, a file, the library).
import { THEME_KEY, storedTheme } from '../lib/page-theme';
import { THEMES, type ThemeName } from '../lib/themes';

export class Lecture {
  presenting = $state(false);
  theme = $state<ThemeName>(storedTheme());
  helpOpen = $state(false);
  /** Name of the opened file or library entry; undefined for a run made here. */
  openedName = $state<string | undefined>(undefined);
  openedForeign = $state(false);

  setTheme(theme: ThemeName): void {
    this.theme = theme;
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // storage may be unavailable (private windows); the theme still applies now
    }
  }

  nextTheme(): void {
    const i = THEMES.indexOf(this.theme);
    this.setTheme(THEMES[(i + 1) % THEMES.length] ?? 'light');
  }
}
