// Themes keep text readable (contrast ≥ 4.5:1) and presentation sizes meet the projection rules.
import { describe, expect, it } from 'vitest';
import { contrast } from './palette';
import { PRESENTATION_TYPE, THEMES, chartTheme, pageColours } from './themes';

describe('themes', () => {
  it('keep text at 4.5:1 or more against the background and lanes', () => {
    for (const name of THEMES) {
      const t = chartTheme(name, false);
      for (const bg of [t.background, t.rowA, t.rowB]) {
        expect(contrast(t.ink, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(t.muted, bg)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('keep the green "good" text (placement observed, following the live edge) at 4.5:1', () => {
    for (const name of THEMES) {
      const p = pageColours(name);
      const ok = p['--ok'] ?? '';
      for (const bg of [p['--panel'], p['--bg'], p['--ok-bg']]) {
        expect(contrast(ok, bg ?? ''), `${name}: ${ok} on ${String(bg)}`).toBeGreaterThanOrEqual(
          4.5,
        );
      }
    }
  });

  it('give the page the same panel and OS busy shades the canvas draws', () => {
    for (const name of THEMES) {
      const t = chartTheme(name, false);
      const p = pageColours(name);
      expect(p['--panel']).toBe(t.background);
      expect(p['--os-lo']).toBe(t.os[0]);
      expect(p['--os-hi']).toBe(t.os[t.os.length - 1]);
    }
  });

  it('shade the OS busy strip so busier stands out more, in every theme', () => {
    for (const name of THEMES) {
      const t = chartTheme(name, false);
      const c = t.os.map((shade) => contrast(shade, t.strip));
      expect(c).toHaveLength(5);
      // Each level further from the strip than the last; the least busy still visible, a fully
      // busy core at 7:1 or more (the dark theme once drew it near-black on near-black).
      c.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(c[i] ?? Infinity));
      expect(c[0]).toBeGreaterThanOrEqual(1.5);
      expect(c[4]).toBeGreaterThanOrEqual(7);
    }
  });

  it('draw lines of 3 px or more in presentation mode', () => {
    for (const name of THEMES) {
      expect(chartTheme(name, true).outlineWidth).toBeGreaterThanOrEqual(3);
      expect(chartTheme(name, true).lineWidth).toBeGreaterThanOrEqual(3);
    }
  });

  it('size presentation text for the back row', () => {
    expect(PRESENTATION_TYPE.laneLabel).toBeGreaterThanOrEqual(48);
    expect(PRESENTATION_TYPE.legend).toBeGreaterThanOrEqual(48);
    expect(PRESENTATION_TYPE.tick).toBeGreaterThanOrEqual(36);
    expect(PRESENTATION_TYPE.title).toBeGreaterThanOrEqual(64);
    expect(PRESENTATION_TYPE.title).toBeLessThanOrEqual(72);
  });
});
