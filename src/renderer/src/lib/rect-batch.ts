// Growable lists of rectangles grouped by style key, so a frame sets each fillStyle once and
// fills all its rectangles as one path instead of switching styles per slice.

export class RectBatch {
  data = new Float32Array(4 * 256);
  count = 0;

  push(x: number, y: number, w: number, h: number): void {
    const o = this.count * 4;
    if (o + 4 > this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[o] = x;
    this.data[o + 1] = y;
    this.data[o + 2] = w;
    this.data[o + 3] = h;
    this.count++;
  }

  clear(): void {
    this.count = 0;
  }

  /** Fills every rectangle with the current fillStyle (fillRect is Skia's fast path). */
  fillAll(ctx: Pick<CanvasRenderingContext2D, 'fillRect'>, inset = 0): void {
    const d = this.data;
    for (let i = 0, o = 0; i < this.count; i++, o += 4) {
      ctx.fillRect(
        (d[o] ?? 0) + inset,
        (d[o + 1] ?? 0) + inset,
        (d[o + 2] ?? 0) - 2 * inset,
        (d[o + 3] ?? 0) - 2 * inset,
      );
    }
  }

  /** Adds every rectangle to the current path of `ctx`. */
  trace(ctx: Pick<CanvasRenderingContext2D, 'rect'>, inset = 0, from = 0, to = this.count): void {
    const d = this.data;
    for (let i = from, o = from * 4; i < to; i++, o += 4) {
      ctx.rect(
        (d[o] ?? 0) + inset,
        (d[o + 1] ?? 0) + inset,
        (d[o + 2] ?? 0) - 2 * inset,
        (d[o + 3] ?? 0) - 2 * inset,
      );
    }
  }
}

/** One batch per style key, reused across frames to avoid garbage. */
export class BatchSet {
  /** Bars wide enough to show their pattern. */
  readonly fills: RectBatch[];
  /** Bars narrower than a pattern tile: plain colour (a pattern cannot be read there anyway). */
  readonly narrow: RectBatch[];
  readonly outlines = new RectBatch();

  constructor(keys: number) {
    this.fills = Array.from({ length: keys }, () => new RectBatch());
    this.narrow = Array.from({ length: keys }, () => new RectBatch());
  }

  clear(): void {
    for (const b of this.fills) b.clear();
    for (const b of this.narrow) b.clear();
    this.outlines.clear();
  }

  get rects(): number {
    let n = 0;
    for (const b of this.fills) n += b.count;
    for (const b of this.narrow) n += b.count;
    return n;
  }
}
