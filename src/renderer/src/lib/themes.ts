// The three looks (light, dark, high contrast) as the chart's canvas needs them, and the sizes of
// presentation mode (docs/design.md, projection: text ≥ 48 px, ticks ≥ 36 px, titles 64–72 px, lanes
// ≥ 40 px, lines ≥ 3 px). The state palette itself (Okabe-Ito, with patterns and bar heights) is
// the same in every theme: it is what stays colour-blind-safe. Most of the page's colours are CSS
// variables in app.css under the same theme names; those the canvas shares with the page (the
// OS busy shades, the panel) and the "good" green are defined here only and set on the page as
// CSS custom properties (pageColours), so the two can never disagree.

export const THEMES = ['light', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEMES)[number];

export const THEME_LABEL: Readonly<Record<ThemeName, string>> = {
  light: 'Light',
  dark: 'Dark',
  contrast: 'High contrast',
};

export interface ChartTheme {
  /** Alternating lane backgrounds. */
  readonly rowA: string;
  readonly rowB: string;
  /** Background behind the OS busy strip. */
  readonly strip: string;
  /** OS busy shades, least to most busy: each contrasts more with the strip than the last. */
  readonly os: readonly string[];
  /** Bar outlines (2 px #1A1A1A on light, light on dark so black spawning bars stay visible). */
  readonly outline: string;
  readonly outlineWidth: number;
  readonly liveEdge: string;
  readonly lineWidth: number;
  /** Text drawn outside bars (snapshots: titles, lane names, ticks). */
  readonly ink: string;
  readonly muted: string;
  readonly background: string;
  /** Font of labels inside bars. */
  readonly sliceFont: string;
}

const BASE: Readonly<
  Record<ThemeName, Omit<ChartTheme, 'outlineWidth' | 'lineWidth' | 'sliceFont'>>
> = {
  light: {
    rowA: '#F4F6F9',
    rowB: '#EBEEF3',
    strip: '#FFFFFF',
    os: ['#C8C8C8', '#A0A0A0', '#787878', '#505050', '#262626'],
    outline: '#1A1A1A',
    liveEdge: '#D55E00',
    ink: '#1A1A1A',
    muted: '#55595F',
    background: '#FFFFFF',
  },
  dark: {
    rowA: '#1E2228',
    rowB: '#262B33',
    strip: '#14171B',
    os: ['#4A525C', '#6E7782', '#949CA6', '#BCC2CA', '#E6E9ED'],
    outline: '#E8E8E8',
    liveEdge: '#FF8A3D',
    ink: '#F2F2F2',
    muted: '#B8BEC7',
    background: '#14171B',
  },
  contrast: {
    rowA: '#FFFFFF',
    rowB: '#E6E6E6',
    strip: '#FFFFFF',
    os: ['#A6A6A6', '#7A7A7A', '#4F4F4F', '#262626', '#000000'],
    outline: '#000000',
    liveEdge: '#000000',
    ink: '#000000',
    muted: '#000000',
    background: '#FFFFFF',
  },
};

/** Page colours beside the chart's: the page background and the "good" green text and chip. */
interface PageOnly {
  readonly page: string;
  readonly ok: string;
  readonly okBg: string;
}

// Green text at 4.5:1 or more on the panel, the page and its chip (themes.test.ts): the light
// green of the dark theme, where the light theme's #1D6B2F read at 2.7:1.
const PAGE: Readonly<Record<ThemeName, PageOnly>> = {
  light: { page: '#F5F6F8', ok: '#1D6B2F', okBg: '#E3F1E6' },
  dark: { page: '#0E1013', ok: '#7EE2A0', okBg: '#1B3324' },
  contrast: { page: '#FFFFFF', ok: '#004D1A', okBg: '#FFFFFF' },
};

/** The CSS custom properties this module owns, for `name` (set on the root element). */
export function pageColours(name: ThemeName): Readonly<Record<string, string>> {
  const t = BASE[name];
  const p = PAGE[name];
  return {
    '--bg': p.page,
    '--panel': t.background,
    '--ok': p.ok,
    '--ok-bg': p.okBg,
    // The legend's OS busy gradient runs from the least to the most busy shade of the strip.
    '--os-lo': t.os[0] ?? t.muted,
    '--os-hi': t.os[t.os.length - 1] ?? t.ink,
  };
}

export function chartTheme(name: ThemeName, presenting: boolean): ChartTheme {
  const strong = presenting || name === 'contrast';
  return {
    ...BASE[name],
    outlineWidth: strong ? 3 : 2,
    lineWidth: strong ? 3 : 2,
    sliceFont: presenting ? '700 30px system-ui, sans-serif' : '600 12px system-ui, sans-serif',
  };
}

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** Type sizes in px: normal window and presentation mode (docs/design.md's projection numbers). */
export interface TypeScale {
  readonly labelWidth: number;
  readonly laneLabel: number;
  readonly tick: number;
  readonly axisHeight: number;
  readonly legend: number;
  readonly title: number;
}

export const NORMAL_TYPE: TypeScale = {
  labelWidth: 190,
  laneLabel: 15,
  tick: 13,
  axisHeight: 30,
  legend: 13,
  title: 20,
};

export const PRESENTATION_TYPE: TypeScale = {
  labelWidth: 400,
  laneLabel: 48,
  tick: 36,
  axisHeight: 56,
  legend: 48,
  title: 64,
};
