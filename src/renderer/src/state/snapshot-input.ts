// What a PNG or SVG snapshot shows: the chart's three panels (the same layout as the screen),
// the time window, the replay cursor, the theme, and a title naming the run.
import { isImportedRun } from '../../../shared/foreign-trace';
import { runTitle } from '../../../shared/run-label';
import { chartLanes } from '../lib/chart-lanes';
import { snapshotKey } from '../lib/snapshot-key';
import type { SnapshotInput } from '../lib/snapshot-scene';
import { NORMAL_TYPE, PRESENTATION_TYPE, chartTheme } from '../lib/themes';
import type { Lecture } from './lecture.svelte';
import type { Replay } from './replay.svelte';
import type { RunSession } from './run-session.svelte';
import type { TimeView } from './time-view.svelte';

export interface SnapshotSources {
  readonly session: RunSession;
  readonly view: TimeView;
  readonly replay: Replay;
  readonly lecture: Lecture;
}

export function snapshotInput({ session, view, replay, lecture }: SnapshotSources): SnapshotInput {
  const presenting = lecture.presenting;
  const store = session.store;
  const lanes = chartLanes(store, session.index, presenting);
  const meta = session.meta;
  const title =
    lecture.openedForeign || (meta !== undefined && isImportedRun(meta))
      ? `Imported trace: ${lecture.openedName ?? ''}`
      : meta === undefined
        ? 'CoreScope'
        : runTitle(meta);
  const wall = session.summary?.wallMs;
  const subtitle = [
    wall !== undefined ? `wall ${wall.toFixed(1)} ms` : '',
    meta !== undefined
      ? `${meta.machine.cpuModel}, ${meta.machine.logicalCores} logical cores`
      : '',
    replay.active ? `replay at ${(replay.cursorUs / 1000).toFixed(1)} ms` : '',
  ]
    .filter((s) => s !== '')
    .join(' · ');
  const clipUs = replay.active ? replay.cursorUs : undefined;
  return {
    title,
    subtitle,
    panels: [{ ...lanes.cores, os: store.os }, lanes.actors, lanes.tasks],
    t0: view.t0,
    t1: view.t1,
    chartWidth: view.width,
    clipUs,
    theme: chartTheme(lecture.theme, presenting),
    type: presenting ? PRESENTATION_TYPE : NORMAL_TYPE,
    key: snapshotKey(store, view.t0, view.t1, clipUs),
  };
}
