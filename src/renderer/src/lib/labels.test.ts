// Labels inside bars: the font's box (ascent + descent) inside the bar at every lane size, as
// large as fits up to the theme's size; drawn at the baseline and size that fit says.
import { describe, expect, it } from 'vitest';
import type { DrawContext } from './draw';
import {
  FALLBACK_BOX,
  LABEL_PAD,
  MIN_LABEL_PX,
  drawLabels,
  fitLabel,
  type FontBox,
} from './labels';
import { fontPx, svgPaints } from './svg-context';
import { NORMAL_TYPE } from './themes';

const NOTO: FontBox = { ascent: 1.069, descent: 0.293 };
const FONTS = [12, 30];
// Every bar height a label is drawn on (draw.ts labels bars from 12 px), at half-px steps (a
// device pixel ratio of 2): lanes of 14 to 58 px, their 60 % and 40 % states, and any between.
const HEIGHTS = Array.from({ length: (70 - 12) * 2 + 1 }, (_, i) => 12 + i / 2);

describe('fitLabel', () => {
  it("keeps the font's box inside the bar at every size, as large as fits", () => {
    for (const box of [FALLBACK_BOX, NOTO])
      for (const base of FONTS)
        for (const h of HEIGHTS) {
          const fit = fitLabel(base, h, box);
          const what = `${base} px text, ${h} px bar`;
          if (fit === undefined) {
            expect(MIN_LABEL_PX * (box.ascent + box.descent) + 2 * LABEL_PAD, what).toBeGreaterThan(
              h,
            );
            continue;
          }
          const baseline = h / 2 + fit.baseline;
          expect(baseline - fit.px * box.ascent, `${what}: top`).toBeGreaterThanOrEqual(
            LABEL_PAD - 1e-9,
          );
          expect(baseline + fit.px * box.descent, `${what}: bottom`).toBeLessThanOrEqual(
            h - LABEL_PAD + 1e-9,
          );
          expect(fit.px).toBeLessThanOrEqual(base);
          if (fit.px < base)
            expect((fit.px + 1) * (box.ascent + box.descent) + 2 * LABEL_PAD, what).toBeGreaterThan(
              h,
            );
        }
  });

  it('gives presentation text its full size on a full bar and shrinks it on a short one', () => {
    expect(fitLabel(30, 48, FALLBACK_BOX)?.px).toBe(30);
    // A 40 % state of a 48 px core lane (19.2 px): 30 px text would hang 8 px out of it.
    expect(fitLabel(30, 19.2, FALLBACK_BOX)?.px).toBe(14);
    expect(fitLabel(12, 24, FALLBACK_BOX)?.px).toBe(12);
    expect(fitLabel(12, 12, FALLBACK_BOX)).toBeUndefined();
  });
});

interface Drawn {
  readonly text: string;
  readonly y: number;
  readonly px: number;
  readonly baseline: CanvasTextBaseline;
}

/** A context that reports a font box as Chromium does (from the current baseline) and records text. */
function measuringContext(box: FontBox): { ctx: DrawContext; drawn: Drawn[]; backs: number[][] } {
  const drawn: Drawn[] = [];
  const backs: number[][] = [];
  const ctx = {
    fillStyle: '#000' as string | CanvasGradient | CanvasPattern,
    strokeStyle: '#000' as string | CanvasGradient | CanvasPattern,
    lineWidth: 1,
    font: '10px sans-serif',
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    beginPath: () => undefined,
    rect: () => undefined,
    fill: () => undefined,
    stroke: () => undefined,
    fillRect: (x: number, y: number, w: number, h: number) => {
      backs.push([x, y, w, h]);
    },
    fillText: (text: string, _x: number, y: number) => {
      drawn.push({ text, y, px: fontPx(ctx.font), baseline: ctx.textBaseline });
    },
    measureText: (text: string) => {
      const px = fontPx(ctx.font);
      const alphabetic = ctx.textBaseline === 'alphabetic';
      return {
        width: text.length * px * 0.55,
        fontBoundingBoxAscent: alphabetic ? px * box.ascent : Number.NaN,
        fontBoundingBoxDescent: alphabetic ? px * box.descent : Number.NaN,
      };
    },
  };
  return { ctx, drawn, backs };
}

describe('drawLabels', () => {
  const paints = svgPaints();
  const patterned = paints.findIndex((p) => p.style.pattern !== 'solid');
  const solid = paints.findIndex((p) => p.style.pattern === 'solid');

  it('draws each label with its whole font box inside its bar, backing included', () => {
    const { ctx, drawn, backs } = measuringContext(NOTO);
    const bars = [48, 28.8, 19.2, 14, 12].map((h, i) => ({
      x: 0,
      y: 100 * i,
      w: 400,
      h,
      key: i % 2 === 0 ? solid : patterned,
      row: i,
    }));
    drawLabels(ctx, bars, paints, (row) => `event loop ${row}`, '700 30px system-ui, sans-serif');
    // The 14 and 12 px bars are too short for 9 px text in this font: left plain.
    expect(drawn.map((d) => d.text)).toEqual(['event loop 0', 'event loop 1', 'event loop 2']);
    expect(drawn.map((d) => d.px)).toEqual([30, 19, 12]);
    for (const d of drawn) {
      const bar = bars[Number(d.text.slice(-1))];
      if (bar === undefined) throw new Error('no bar');
      expect(d.baseline).toBe('alphabetic');
      expect(d.y - d.px * NOTO.ascent).toBeGreaterThanOrEqual(bar.y);
      expect(d.y + d.px * NOTO.descent).toBeLessThanOrEqual(bar.y + bar.h);
    }
    expect(backs).toHaveLength(1); // the one patterned bar labelled (28.8 px)
    for (const [, y = NaN, , h = NaN] of backs) {
      const bar = bars.find((b) => y >= b.y && y < b.y + 100);
      if (bar === undefined) throw new Error('a backing outside every bar');
      expect(y).toBeGreaterThanOrEqual(bar.y);
      expect(y + h).toBeLessThanOrEqual(bar.y + bar.h + 1e-9);
    }
  });

  it('keeps the normal theme size where the bar holds it', () => {
    const { ctx, drawn } = measuringContext(FALLBACK_BOX);
    const bar = { x: 0, y: 0, w: 300, h: 24, key: solid, row: 0 };
    drawLabels(ctx, [bar], paints, () => 'worker 1', `600 ${NORMAL_TYPE.tick}px system-ui`);
    expect(drawn.map((d) => [d.text, d.px])).toEqual([['worker 1', NORMAL_TYPE.tick]]);
  });
});
