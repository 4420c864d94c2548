// SVG snapshots: well-formed XML, one group per lane with its name as text, patterns defined, and
// bars clipped at a replay cursor.
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../shared/run-store';
import { LaneIndex } from './lane-index';
import { layoutLanes } from './lanes';
import { snapshotSvg } from './snapshot';
import { estimateWidth } from './svg-context';
import type { SnapshotInput } from './snapshot-scene';
import { snapshotKey } from './snapshot-key';
import { sliceData } from './test-helpers';
import { NORMAL_TYPE, chartTheme } from './themes';

function input(clipUs?: number): SnapshotInput {
  const store = new RunStore();
  store.apply({
    kind: 'actor',
    actor: { id: 0, kind: 'thread', label: 'worker <0>', pid: 1, tid: 2 },
  });
  store.apply({
    kind: 'slices',
    data: sliceData([
      [0, 0, -1, 0, 0, 0, 500],
      [0, 0, -1, 5, -1, 500, 900],
      [0, 0, -1, 0, 1, 900, 1000],
    ]),
  });
  const index = new LaneIndex(2);
  index.ingest(store);
  const cores = layoutLanes('core', index.cores, (l) => `CPU ${l.id}`);
  const actors = layoutLanes('actor', index.actorLanes([0]), () => 'worker <0>');
  return {
    title: 'cpu-bound · threads',
    subtitle: 'wall 1.0 ms',
    panels: [
      { heading: 'Per core', layout: cores, labelOf: () => 'worker <0>' },
      { heading: 'Per actor', layout: actors, labelOf: () => '' },
    ],
    t0: 0,
    t1: 1000,
    chartWidth: 800,
    clipUs,
    theme: chartTheme('light', false),
    type: NORMAL_TYPE,
    key: snapshotKey(store, 0, 1000, clipUs),
  };
}

/** Checks tags open and close in order (the SVG is our own output: no comments or CDATA). */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (name === undefined) return false;
    if (selfClosing === '/') continue;
    if (closing === '/') {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

describe('snapshotSvg', () => {
  const svg = snapshotSvg(input());

  it('is well-formed, with one group per lane naming it as text', () => {
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(wellFormed(svg)).toBe(true);
    expect(svg.match(/<g class="lane"/g)).toHaveLength(3);
    expect(svg).toContain('>CPU 0</text>');
    expect(svg).toContain('>CPU 1</text>');
    expect(svg).toContain('worker &#60;0&#62;');
    expect(svg).not.toContain('worker <0>');
  });

  it('defines the state patterns and uses them', () => {
    expect(svg).toContain('<pattern id="p5"');
    expect(svg).toContain('url(#p5)');
  });

  it('draws nothing after a replay cursor', () => {
    const early = snapshotSvg(input(100));
    // The legend swatch and the bar use the gil-wait pattern; before the cursor reaches the bar,
    // neither the bar nor its (now absent) state's swatch is drawn.
    expect(svg.match(/url\(#p5\)/g)?.length).toBe(2);
    expect(early.match(/url\(#p5\)/g)).toBeNull();
    expect(wellFormed(early)).toBe(true);
  });

  it('keys the core lanes: the actor key names each actor with its colour', () => {
    const key = /<g class="actor-key"[^]*?<\/g>/.exec(svg)?.[0] ?? '';
    expect(key).toContain('worker &#60;0&#62;</text>');
    expect(key).toContain('fill="#009E73"');
  });

  it('lists only the states drawn', () => {
    const legend = /<g class="legend"[^]*?<\/g>/.exec(svg)?.[0] ?? '';
    expect(legend).toContain('>running</text>');
    expect(legend).not.toContain('>sleeping</text>');
  });

  it('spaces time-axis labels so none overlap at the export width', () => {
    // A long run on a narrow export: d3's default count would put labels edge to edge.
    const narrow = snapshotSvg({ ...input(), t0: 0, t1: 2_000_000, chartWidth: 300 });
    const axis = /<g class="axis"[^]*?<\/g>/.exec(narrow)?.[0] ?? '';
    const labels = [...axis.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      w: estimateWidth(m[2] ?? '', '13px'),
    }));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < labels.length; i++) {
      const a = labels[i - 1];
      const b = labels[i];
      if (a === undefined || b === undefined) continue;
      expect(a.x + a.w / 2).toBeLessThan(b.x - b.w / 2);
    }
  });
});
