// The chart as a snapshot: title, time axis, every lane of every panel (not only the scrolled-in
// ones), and the legend, composed on a surface that is either a canvas (PNG) or an SvgContext
// (SVG). Both go through drawLanes with the chart's own Layouts, so the two files and the screen
// agree. Each lane is one group (an SVG <g class="lane">) holding its name and its bars.
import type { OsSample } from '../../../shared/run-store';
import { drawLanes, type DrawContext } from './draw';
import { fitText } from './labels';
import type { Layout } from './lanes';
import { drawOsStrips, drawRowBackgrounds } from './os-strip';
import { LEGEND, actorKey, stateKey } from './palette';
import { chooseTicks, type SnapshotKey } from './snapshot-key';
import type { Paint } from './patterns';
import type { ChartTheme, TypeScale } from './themes';
import { STATE_CODE } from '../../../shared/states';

export interface SnapshotPanel {
  readonly heading: string;
  readonly layout: Layout;
  readonly labelOf: (storeRow: number) => string;
  readonly os?: readonly OsSample[];
}

export interface SnapshotInput {
  readonly title: string;
  readonly subtitle: string;
  readonly panels: readonly SnapshotPanel[];
  readonly t0: number;
  readonly t1: number;
  /** Width of the bar area, CSS px. */
  readonly chartWidth: number;
  readonly clipUs?: number | undefined;
  readonly theme: ChartTheme;
  readonly type: TypeScale;
  /** Which states and which core-lane actors the legend and the actor key list. */
  readonly key: SnapshotKey;
}

export type SurfaceContext = DrawContext & { textAlign: CanvasTextAlign };

export interface SnapshotSurface {
  readonly ctx: SurfaceContext;
  readonly paints: readonly Paint[];
  /** Draws `body` translated by (x, y); SVG wraps it in a <g> with `name`. */
  group(x: number, y: number, name: string, body: () => void): void;
  line(x0: number, y0: number, x1: number, y1: number, colour: string, width: number): void;
}

const PAD = 16;

interface Metrics {
  readonly left: number;
  readonly axisTop: number;
  readonly panelTops: readonly number[];
  readonly legendTop: number;
  readonly width: number;
  readonly height: number;
}

const headingH = (t: TypeScale): number => Math.round(t.laneLabel * 1.5);
const legendRowH = (t: TypeScale): number => Math.round(t.legend * 1.5);

function metrics(input: SnapshotInput, legendRows: number): Metrics {
  const t = input.type;
  const left = PAD + t.labelWidth;
  const axisTop = PAD + Math.round(t.title * 1.25) + Math.round(t.tick * 1.5);
  let y = axisTop + t.axisHeight + 8;
  const panelTops: number[] = [];
  for (const p of input.panels) {
    panelTops.push(y + headingH(t));
    y += headingH(t) + p.layout.height + 12;
  }
  return {
    left,
    axisTop,
    panelTops,
    legendTop: y,
    width: left + input.chartWidth + PAD,
    height: y + legendRows * legendRowH(t) + PAD,
  };
}

interface LegendItem {
  /** Style key of the swatch; undefined for a row's lead-in words. */
  readonly key: number | undefined;
  readonly label: string;
  readonly x: number;
  readonly row: number;
  readonly section: 'legend' | 'actor-key';
}

/**
 * The state legend (only the states drawn) and, on its own rows, the actor key: core lanes are
 * coloured by actor, so a slide needs each colour's actor name to be read.
 */
function legendItems(ctx: SurfaceContext, input: SnapshotInput, width: number): LegendItem[] {
  const t = input.type;
  ctx.font = `${t.legend}px system-ui, sans-serif`;
  const sw = Math.round(t.legend * 1.6);
  const items: LegendItem[] = [];
  let x = PAD;
  let row = 0;
  const add = (key: number | undefined, label: string, section: LegendItem['section']): void => {
    // Lead-in words are drawn semibold: measure them so.
    ctx.font = `${key === undefined ? '600 ' : ''}${t.legend}px system-ui, sans-serif`;
    const w = (key === undefined ? 0 : sw + 8) + ctx.measureText(label).width + t.legend;
    if (x + w > width - PAD && x > PAD) {
      row++;
      x = PAD;
    }
    items.push({ key, label, x, row, section });
    x += w;
  };
  const present = new Set(input.key.states);
  const states = LEGEND.filter((s) =>
    present.has(stateKey(s.state === 'other' ? -1 : STATE_CODE[s.state])),
  );
  if (states.length > 0) {
    add(undefined, 'States:', 'legend');
    for (const s of states)
      add(stateKey(s.state === 'other' ? -1 : STATE_CODE[s.state]), s.label, 'legend');
  }
  if (input.key.actors.length > 0) {
    if (items.length > 0) {
      row++;
      x = PAD;
    }
    add(undefined, 'Core lanes, by actor:', 'actor-key');
    for (const a of input.key.actors) add(actorKey(a.id), a.label, 'actor-key');
  }
  return items;
}

/** Size of the snapshot in CSS px. */
export function snapshotSize(
  ctx: SurfaceContext,
  input: SnapshotInput,
): { width: number; height: number } {
  const width = PAD * 2 + input.type.labelWidth + input.chartWidth;
  const items = legendItems(ctx, input, width);
  const rows = items.length === 0 ? 0 : (items.at(-1)?.row ?? 0) + 1;
  const m = metrics(input, rows);
  return { width: m.width, height: m.height };
}

export function drawSnapshot(s: SnapshotSurface, input: SnapshotInput): void {
  const { ctx } = s;
  const { theme, type: t } = input;
  const { width, height } = snapshotSize(ctx, input);
  const items = legendItems(ctx, input, width);
  const m = metrics(input, items.length === 0 ? 0 : (items.at(-1)?.row ?? 0) + 1);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);

  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'start';
  ctx.fillStyle = theme.ink;
  ctx.font = `700 ${t.title}px system-ui, sans-serif`;
  ctx.fillText(fitText(ctx, input.title, width - 2 * PAD), PAD, PAD + t.title);
  ctx.fillStyle = theme.muted;
  ctx.font = `${t.tick}px system-ui, sans-serif`;
  ctx.fillText(input.subtitle, PAD, PAD + Math.round(t.title * 1.25) + t.tick);

  drawAxis(s, input, m);
  input.panels.forEach((p, i) => drawPanel(s, input, p, m.left, m.panelTops[i] ?? 0));
  if (input.clipUs !== undefined) {
    const x = m.left + ((input.clipUs - input.t0) / (input.t1 - input.t0)) * input.chartWidth;
    if (x >= m.left && x <= m.left + input.chartWidth)
      s.line(x, m.axisTop, x, m.legendTop - 6, theme.liveEdge, theme.lineWidth);
  }
  drawLegend(s, input, items, m.legendTop);
}

function drawAxis(s: SnapshotSurface, input: SnapshotInput, m: Metrics): void {
  const { ctx } = s;
  const { theme, type: t } = input;
  const base = m.axisTop + t.axisHeight;
  s.line(m.left, base, m.left + input.chartWidth, base, theme.muted, theme.lineWidth / 2);
  ctx.font = `${t.tick}px system-ui, sans-serif`;
  const timeLabel = 'time →';
  // The first label may reach into the lane-name column, short of the "time →" caption.
  const left = Math.max(0, m.left - PAD - ctx.measureText(timeLabel).width - t.tick);
  // Ticks are chosen from the labels' measured widths in the export's own font, one em apart at
  // least, so they never run together however narrow the export or large the type.
  const ticks = chooseTicks(
    input.t0 / 1000,
    input.t1 / 1000,
    input.chartWidth,
    (label) => ctx.measureText(label).width,
    t.tick,
    { left, right: PAD },
  );
  s.group(m.left, m.axisTop, 'axis', () => {
    ctx.font = `${t.tick}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = theme.ink;
    for (const tick of ticks) {
      s.line(tick.px, t.axisHeight - 8, tick.px, t.axisHeight, theme.muted, theme.lineWidth / 2);
      ctx.fillText(tick.label, tick.px, t.axisHeight - 12);
    }
    ctx.textAlign = 'start';
  });
  ctx.font = `${t.tick}px system-ui, sans-serif`;
  ctx.fillStyle = theme.muted;
  ctx.fillText(timeLabel, PAD, base - 12);
}

function drawPanel(
  s: SnapshotSurface,
  input: SnapshotInput,
  p: SnapshotPanel,
  left: number,
  top: number,
): void {
  const { ctx } = s;
  const { theme, type: t } = input;
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = theme.ink;
  ctx.font = `700 ${Math.round(t.laneLabel * 0.85)}px system-ui, sans-serif`;
  ctx.fillText(p.heading, PAD, top - Math.round(t.laneLabel * 0.4));
  const labelPx = Math.min(t.laneLabel, Math.max(9, (p.layout.rows[0]?.bar ?? 20) - 4));
  for (const row of p.layout.rows) {
    const one: Layout = { kind: p.layout.kind, rows: [{ ...row, y: 0 }], height: row.pitch };
    const vp = {
      t0: input.t0,
      t1: input.t1,
      width: input.chartWidth,
      height: row.pitch,
      scrollTop: 0,
    };
    s.group(left, top + row.y, row.label, () => {
      ctx.textBaseline = 'middle';
      ctx.fillStyle = theme.ink;
      ctx.font = `600 ${labelPx}px system-ui, sans-serif`;
      ctx.fillText(fitText(ctx, row.label, t.labelWidth - 12), -t.labelWidth + 4, row.bar / 2);
      drawRowBackgrounds(ctx, one, vp, theme);
      if (p.os !== undefined) {
        const clip = input.clipUs ?? Infinity;
        drawOsStrips(
          ctx,
          one,
          vp,
          p.os.filter((o) => o.tUs <= clip),
          theme,
        );
      }
      drawLanes(ctx, one, vp, s.paints, {
        labelOf: p.labelOf,
        clipUs: input.clipUs,
        outline: theme.outline,
        outlineWidth: theme.outlineWidth,
        font: theme.sliceFont,
      });
    });
  }
}

function drawLegend(
  s: SnapshotSurface,
  input: SnapshotInput,
  items: readonly LegendItem[],
  top: number,
): void {
  const { ctx } = s;
  const { theme, type: t } = input;
  const sw = Math.round(t.legend * 1.6);
  const sh = Math.round(t.legend * 0.8);
  for (const section of ['legend', 'actor-key'] as const) {
    const mine = items.filter((it) => it.section === section);
    if (mine.length === 0) continue;
    s.group(0, top, section, () => {
      for (const it of mine) {
        const paint = it.key === undefined ? undefined : s.paints[it.key];
        const y = it.row * legendRowH(t);
        if (paint !== undefined) {
          const h = Math.max(4, Math.round(sh * paint.style.height));
          ctx.fillStyle = paint.fill;
          ctx.fillRect(it.x, y + (sh - h) / 2, sw, h);
          ctx.strokeStyle = theme.outline;
          ctx.lineWidth = theme.outlineWidth;
          ctx.beginPath();
          ctx.rect(it.x, y + (sh - h) / 2, sw, h);
          ctx.stroke();
        }
        ctx.textBaseline = 'middle';
        ctx.font = `${it.key === undefined ? '600 ' : ''}${t.legend}px system-ui, sans-serif`;
        ctx.fillStyle = it.key === undefined ? theme.muted : theme.ink;
        ctx.fillText(it.label, paint === undefined ? it.x : it.x + sw + 8, y + sh / 2);
      }
    });
  }
}
