// Wheel, drag and keyboard zoom/pan for the chart area, with d3-zoom handling the gestures.
// d3-zoom keeps an absolute transform, but our window also moves on its own (the live edge) and
// is clamped to the run, so each event is applied as a *change* from the previous transform to
// the current window rather than as an absolute mapping. Double-click fits and resumes following.
import type { Attachment } from 'svelte/attachments';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import { panDomain, zoomDomain } from '../lib/viewport';
import type { TimeView } from '../state/time-view.svelte';

/** Elements inside the area that keep native wheel scrolling (the lane-name columns). */
const NATIVE_SCROLL = '.labels, .scroller-native';

export function timeZoom(view: TimeView, labelWidth: number): Attachment<HTMLElement> {
  return (el) => {
    let prev: ZoomTransform = zoomIdentity;
    const behaviour = zoom<HTMLElement, unknown>()
      .filter((event: Event) => {
        if (event instanceof MouseEvent && event.button !== 0) return false;
        if (event instanceof WheelEvent && event.shiftKey) return false;
        const t = event.target;
        return !(t instanceof Element && t.closest(NATIVE_SCROLL) !== null);
      })
      .on('start', (e: D3ZoomEvent<HTMLElement, unknown>) => {
        prev = e.transform;
      })
      .on('zoom', (e: D3ZoomEvent<HTMLElement, unknown>) => {
        const next = e.transform;
        if (e.sourceEvent === null || e.sourceEvent === undefined) {
          prev = next;
          return;
        }
        const w = view.width;
        const x0 = prev.applyX(next.invertX(labelWidth)) - labelWidth;
        const x1 = prev.applyX(next.invertX(labelWidth + w)) - labelWidth;
        const span = view.t1 - view.t0;
        const a = view.t0 + (x0 / w) * span;
        const b = view.t0 + (x1 / w) * span;
        prev = next;
        if (Number.isFinite(a) && Number.isFinite(b) && b > a) view.show(a, b);
      });
    const sel = select(el);
    sel.call(behaviour).on('dblclick.zoom', null);

    const ondbl = (): void => view.fit();
    const onkey = (e: KeyboardEvent): void => {
      const mid = (view.t0 + view.t1) / 2;
      let next: [number, number] | undefined;
      if (e.key === '+' || e.key === '=') next = zoomDomain(view.t0, view.t1, 1.5, mid);
      else if (e.key === '-' || e.key === '_') next = zoomDomain(view.t0, view.t1, 1 / 1.5, mid);
      else if (e.key === 'ArrowLeft') next = panDomain(view.t0, view.t1, -0.2);
      else if (e.key === 'ArrowRight') next = panDomain(view.t0, view.t1, 0.2);
      else if (e.key === '0' || e.key === 'Home') {
        view.fit();
        e.preventDefault();
        return;
      }
      if (next === undefined) return;
      e.preventDefault();
      view.show(next[0], next[1]);
    };
    el.addEventListener('dblclick', ondbl);
    el.addEventListener('keydown', onkey);
    return () => {
      sel.on('.zoom', null);
      el.removeEventListener('dblclick', ondbl);
      el.removeEventListener('keydown', onkey);
    };
  };
}
