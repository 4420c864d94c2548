// The page's first script: a classic (blocking) script in <head> that puts the saved theme on
// <html> before anything is drawn. The app's own script is a module, and modules run only after
// the page is parsed, by when the browser may have painted app.css's default (the system's light
// or dark) once: a white flash before a dark or high-contrast theme, which a projector shows.
// The CSP forbids inline scripts, so the build writes this text to its own file
// (electron.vite.config.ts), made from the same theme names, page colours and storage key the
// app uses.
import { THEMES, pageColours } from './themes';

/** Where the chosen theme is kept between visits (page-theme.ts reads and lecture writes it). */
export const THEME_KEY = 'corescope.theme';

/** The file the build emits next to index.html, and the path the page loads it from. */
export const THEME_BOOT_FILE = 'theme-boot.js';

/**
 * The boot script's text: ES5, no imports, and silent where storage is unavailable. It does on
 * <html> what page-theme.ts's applyPageTheme does (data-theme and the page colours), with each
 * theme's colours written in from pageColours.
 */
export function themeBootSource(): string {
  const colours = Object.fromEntries(THEMES.map((name) => [name, pageColours(name)]));
  return [
    '// CoreScope: the saved theme on <html> before the first paint (see lib/theme-boot.ts).',
    '(function () {',
    '  try {',
    `    var themes = ${JSON.stringify(colours)};`,
    `    var t = localStorage.getItem(${JSON.stringify(THEME_KEY)});`,
    '    if (!Object.prototype.hasOwnProperty.call(themes, t)) return;',
    '    var root = document.documentElement;',
    "    root.setAttribute('data-theme', t);",
    '    for (var prop in themes[t]) root.style.setProperty(prop, themes[t][prop]);',
    '  } catch (e) {',
    '    // no storage (a locked-down profile): app.css follows the system until the app mounts',
    '  }',
    '})();',
    '',
  ].join('\n');
}
