// A DrawContext that writes SVG instead of pixels, so a snapshot's SVG comes from the very drawing
// code (and layout) the canvas uses: every fill() becomes one <path> of the rectangles traced
// since beginPath(), fillText() becomes real <text>. Patterns are referenced as `url(#p<key>)`
// fills defined once from the same tile marks the canvas paints (patternDefs).
import type { DrawContext } from './draw';
import { STYLE_KEY_COUNT, styleForKey, textColourOn } from './palette';
import { TILE, patternMarks, type Paint } from './patterns';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (v: number): string => String(Math.round(v * 100) / 100);

/** Font size in px of a CSS font shorthand ("600 12px system-ui"), 12 if none. */
export function fontPx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m?.[1] !== undefined ? Number(m[1]) : 12;
}

/** Width estimate where no canvas can measure (tests): a mean glyph width of 0.56 em. */
export const estimateWidth = (text: string, font: string): number =>
  text.length * fontPx(font) * 0.56;

export class SvgContext implements DrawContext {
  fillStyle: string | CanvasGradient | CanvasPattern = '#000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
  lineWidth = 1;
  font = '12px sans-serif';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  textAlign: CanvasTextAlign = 'start';
  private path: string[] = [];
  private readonly out: string[] = [];

  constructor(private readonly measure: (text: string, font: string) => number = estimateWidth) {}

  beginPath(): void {
    this.path = [];
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.path.push(`M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}z`);
  }

  fill(): void {
    if (this.path.length > 0)
      this.out.push(`<path d="${this.path.join('')}" fill="${this.colour(this.fillStyle)}"/>`);
  }

  stroke(): void {
    if (this.path.length === 0) return;
    const c = this.colour(this.strokeStyle);
    this.out.push(
      `<path d="${this.path.join('')}" fill="none" stroke="${c}" stroke-width="${n(this.lineWidth)}"/>`,
    );
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    const fill = this.colour(this.fillStyle);
    this.out.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"/>`,
    );
  }

  fillText(text: string, x: number, y: number): void {
    const baseline = this.textBaseline === 'middle' ? ' dominant-baseline="central"' : '';
    const anchor =
      this.textAlign === 'center'
        ? ' text-anchor="middle"'
        : this.textAlign === 'end' || this.textAlign === 'right'
          ? ' text-anchor="end"'
          : '';
    const weight = /\b([6-9]00|bold)\b/.exec(this.font)?.[1];
    this.out.push(
      `<text x="${n(x)}" y="${n(y)}" font-size="${fontPx(this.font)}"${weight !== undefined ? ` font-weight="${weight}"` : ''}${anchor}${baseline} fill="${this.colour(this.fillStyle)}">${escapeXml(text)}</text>`,
    );
  }

  measureText(text: string): { readonly width: number } {
    return { width: this.measure(text, this.font) };
  }

  line(x0: number, y0: number, x1: number, y1: number, colour: string, width: number): void {
    this.out.push(
      `<line x1="${n(x0)}" y1="${n(y0)}" x2="${n(x1)}" y2="${n(y1)}" stroke="${escapeXml(colour)}" stroke-width="${n(width)}"/>`,
    );
  }

  open(tag: string): void {
    this.out.push(tag);
  }

  close(tag: string): void {
    this.out.push(`</${tag}>`);
  }

  markup(): string {
    return this.out.join('\n');
  }

  private colour(style: string | CanvasGradient | CanvasPattern): string {
    return typeof style === 'string' ? escapeXml(style) : '#999999';
  }
}

/** One Paint per style key for SVG: solid colours, or a reference to its <pattern>. */
export function svgPaints(): Paint[] {
  const paints: Paint[] = [];
  for (let key = 0; key < STYLE_KEY_COUNT; key++) {
    const style = styleForKey(key);
    const fill = style.pattern === 'solid' ? style.colour : `url(#p${key})`;
    paints.push({ style, fill, text: textColourOn(style.colour) });
  }
  return paints;
}

/** <pattern> definitions for every patterned style key, from the canvas tiles' marks. */
export function patternDefs(): string {
  const defs: string[] = [];
  for (let key = 0; key < STYLE_KEY_COUNT; key++) {
    const style = styleForKey(key);
    if (style.pattern === 'solid') continue;
    const marks = patternMarks(style.pattern);
    const body = [`<rect width="${TILE}" height="${TILE}" fill="${style.colour}"/>`];
    for (const [x, y, r] of marks.dots)
      body.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${style.ink}"/>`);
    if (marks.lines.length > 0) {
      const d = marks.lines.map(([x0, y0, x1, y1]) => `M${x0} ${y0}L${x1} ${y1}`).join('');
      body.push(`<path d="${d}" stroke="${style.ink}" stroke-width="${marks.lineWidth}"/>`);
    }
    defs.push(
      `<pattern id="p${key}" width="${TILE}" height="${TILE}" patternUnits="userSpaceOnUse">${body.join('')}</pattern>`,
    );
  }
  return `<defs>${defs.join('')}</defs>`;
}
